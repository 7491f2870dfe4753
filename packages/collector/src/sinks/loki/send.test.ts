import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Registry } from 'prom-client';
import { RetryableError } from '../../errors';
import { createSinkMetrics } from '../../delivery/sink-metrics';
import { lokiSinkConfig } from './config';
import { createLokiPost } from './send';

describe('loki push: credential files', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loki-send-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  // Nothing listens on port 9 of loopback: a push that got past its files would fail to connect instead.
  const push = (settings: Record<string, unknown>) =>
    createLokiPost(
      lokiSinkConfig.parse({ url: 'https://127.0.0.1:9/loki/api/v1/push', ...settings }),
      createSinkMetrics(new Registry(), 'sinks.loki'),
    )(undefined)(new Uint8Array(0), AbortSignal.timeout(5000));

  const missing = (name: string) => path.join(dir, name);
  test.each<[string, () => Record<string, unknown>]>([
    ['bearer_token_file', () => ({ bearer_token_file: missing('token') })],
    ['basic_auth password_file', () => ({ basic_auth: { username: 'u', password_file: missing('password') } })],
    ['tls ca_file', () => ({ tls: { ca_file: missing('ca.crt') } })],
    ['tls cert_file', () => ({ tls: { cert_file: missing('c.crt'), key_file: missing('c.key') } })],
  ])(
    'a %s that cannot be read makes the push retryable, naming the key, the file and the error',
    async (key, settings) => {
      const result = await push(settings());
      expect(result.status).toBe('retryable');
      expect(result.status === 'retryable' && result.error).toBeInstanceOf(RetryableError);
      expect(result.status === 'retryable' && result.error.message).toMatch(
        new RegExp(`^cannot read ${key} ${dir}/\\S+: ENOENT$`),
      );
    },
  );
});

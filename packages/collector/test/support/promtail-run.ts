import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../../src/config/load';
import { runCollector, type RunningCollector } from '../../src/runtime/run-collector';
import { createLogger } from '../../src/runtime/logger';
import { LokiPushReceiver } from '../../src/testing/loki-push-receiver';
import { required } from '@obs/schema/testing';

export interface PromtailRun {
  /** A fresh folder per test. */
  readonly dir: string;
  /** Decodes Loki's wire format; not Loki. */
  readonly receiver: LokiPushReceiver;
  /** The server, positions and clients blocks of a Promtail file that sends to the receiver. */
  head(): string;
  /** Writes `text` as `<dir>/promtail.yaml` and runs it as `collector run -c` would. */
  start(text: string): Promise<void>;
  stop(): Promise<void>;
}

/** Per test: a folder, a LokiPushReceiver, and a collector started from a Promtail file; all stopped after the test. */
export function usePromtailRun(prefix: string): PromtailRun {
  let dir = '';
  let receiver: LokiPushReceiver | undefined;
  let collector: RunningCollector | undefined;
  const stop = async (): Promise<void> => {
    await collector?.shutdown(AbortSignal.timeout(5000));
    collector = undefined;
  };
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    receiver = await LokiPushReceiver.start();
  });
  afterEach(async () => {
    await stop();
    await receiver?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    get receiver() {
      return required(receiver, 'the Loki push receiver (started in beforeEach)');
    },
    head() {
      return `server:
  http_listen_address: 127.0.0.1
  http_listen_port: 0
positions:
  filename: ${path.join(dir, 'positions.yaml')}
clients:
  - url: ${required(receiver, 'the Loki push receiver (started in beforeEach)').url}
    batchwait: 50ms
`;
    },
    async start(text: string) {
      const file = path.join(dir, 'promtail.yaml');
      fs.writeFileSync(file, text);
      collector = await runCollector(await loadConfig(file, {}), { logger: createLogger({ level: 'silent' }) });
    },
    stop,
  };
}

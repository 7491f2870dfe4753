import { Writable } from 'node:stream';
import { createRedactor } from '@obs/pii';
import { createLogger } from './logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  test('redacts PII in the message and in nested fields when a line is logged', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ level: 'info', redactor: createRedactor(), secrets: [], stream });
    logger.info('mail from erin@example.com', { detail: { peer: '198.51.100.4' } });
    const line = JSON.parse(lines[0]) as { message: string; detail: { peer: string } };
    expect(line.message).toBe('mail from <EMAIL>');
    expect(line.detail.peer).toBe('<IPV4>');
  });

  test('replaces secret-named fields and scrubs configured secret values wherever they appear', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ level: 'info', redactor: createRedactor(), secrets: ['k3y-value-abc'], stream });
    logger.warn('failed with k3y-value-abc inside', {
      authorization: 'Bearer whatever',
      nested: { api_key: 'x', note: 'k3y-value-abc' },
    });
    const text = lines.join('');
    expect(text).not.toContain('k3y-value-abc');
    expect(text).not.toContain('whatever');
    expect(JSON.parse(text)).toMatchObject({
      authorization: '[REDACTED]',
      nested: { api_key: '[REDACTED]', note: '[REDACTED]' },
    });
  });

  test('writes nothing below the configured level', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ level: 'warn', redactor: createRedactor(), secrets: [], stream });
    logger.info('quiet');
    logger.debug('quieter');
    expect(lines).toEqual([]);
  });
});

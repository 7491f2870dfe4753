import { createLogger } from './logger';

describe('createLogger', () => {
  const capture = () => {
    const lines: Record<string, unknown>[] = [];
    return { lines, out: { write: (t: string) => lines.push(JSON.parse(t)) } };
  };
  test('writes JSON lines at or above the level', () => {
    const { lines, out } = capture();
    const log = createLogger({ level: 'info', out });
    log.debug('hidden');
    log.info('shown', { sink: 'sinks.loki' });
    expect(lines).toEqual([expect.objectContaining({ level: 'info', msg: 'shown', sink: 'sinks.loki' })]);
  });
  test('suppresses a repeated error and counts the repeats when it comes again too soon', () => {
    const { lines, out } = capture();
    const log = createLogger({ level: 'info', out, repeatIntervalMs: 60_000 });
    log.error('push failed');
    log.error('push failed');
    log.error('push failed');
    expect(lines).toHaveLength(1);
    const quick = createLogger({ level: 'info', out, repeatIntervalMs: 0 });
    quick.error('other');
    expect(lines).toHaveLength(2);
  });
});

import { Writable } from 'node:stream';
import winston from 'winston';
import { createThrottledWarning } from './throttled-warning';

describe('createThrottledWarning', () => {
  test('logs once per interval and reports how many were suppressed when warnings repeat', () => {
    const lines: string[] = [];
    const stream = new Writable({ write: (c: Buffer, _e, done) => (lines.push(c.toString()), done()) });
    const logger = winston.createLogger({
      format: winston.format.json(),
      transports: [new winston.transports.Stream({ stream })],
    });
    let now = 0;
    const warn = createThrottledWarning(logger, 'redis error', 1000, () => now);
    warn({ error: 'a' });
    now = 500;
    warn({ error: 'b' });
    warn({ error: 'c' });
    now = 1500;
    warn({ error: 'd' });
    expect(
      lines.map((l) => JSON.parse(l) as { error: string; suppressed: number }).map((l) => [l.error, l.suppressed]),
    ).toEqual([
      ['a', 0],
      ['d', 2],
    ]);
  });
});

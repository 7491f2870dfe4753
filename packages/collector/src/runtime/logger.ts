import type { Logger } from '../component';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface LoggerOptions {
  level: LogLevel;
  /** Where JSON lines go; standard error by default so stdout stays for the stdout sink. */
  out?: { write(text: string): unknown };
  /** The same warn/error message is written at most once per this many ms; repeats are counted. */
  repeatIntervalMs?: number;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** A JSON-lines logger; warn and error lines repeating the same message are rate-limited. */
export function createLogger(options: LoggerOptions): Logger {
  const min = ORDER[options.level];
  const out = options.out ?? process.stderr;
  const interval = options.repeatIntervalMs ?? 5000;
  const lastWritten = new Map<string, { at: number; suppressed: number }>();
  const write = (level: Exclude<LogLevel, 'silent'>, message: string, fields?: Record<string, unknown>): void => {
    if (ORDER[level] < min) return;
    let suppressed = 0;
    if (level === 'warn' || level === 'error') {
      const now = Date.now();
      const last = lastWritten.get(message);
      if (last && now - last.at < interval) {
        last.suppressed++;
        return;
      }
      suppressed = last?.suppressed ?? 0;
      lastWritten.set(message, { at: now, suppressed: 0 });
    }
    const record: Record<string, unknown> = { ts: new Date().toISOString(), level, msg: message, ...fields };
    if (suppressed > 0) record.suppressed_repeats = suppressed;
    out.write(JSON.stringify(record) + '\n');
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

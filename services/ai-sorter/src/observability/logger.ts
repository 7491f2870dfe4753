import type { Writable } from 'node:stream';
import winston from 'winston';
import type { Redactor } from '../items/prepare';

// Nesting kept in a log line; anything deeper is replaced, never written unredacted.
const maxDepth = 6;

// Fields whose values are secret whatever they contain.
const secretField = /authorization|cookie|api[-_]?key|password|passwd|secret|token/i;

export interface LoggerOptions {
  readonly level: string;
  readonly redactor: Redactor;
  /** Known secret values (API keys) scrubbed from every line, on top of PII redaction. */
  readonly secrets: readonly string[];
  /** Where JSON lines go; stdout when absent (tests pass a capture stream). */
  readonly stream?: Writable;
}

/** Winston JSON logs: every field PII-redacted, secret fields and known secret values replaced, one line per entry. */
export function createLogger(options: LoggerOptions): winston.Logger {
  const secrets = options.secrets.filter((s) => s.length >= 4);
  const scrub = (text: string): string => {
    let out = options.redactor.redact(text).text;
    for (const s of secrets) out = out.split(s).join('[REDACTED]');
    return out;
  };
  // Every level goes through the same cleaning: strings and object keys redacted, secret-named fields replaced, an
  // Error's message and stack (not enumerable) included, and nothing deeper than maxDepth written raw.
  const clean = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return scrub(value);
    if (value === null || typeof value !== 'object') return value;
    if (depth > maxDepth) return '[TRUNCATED]';
    if (value instanceof Error)
      return {
        name: value.name,
        message: scrub(value.message),
        stack: value.stack === undefined ? undefined : scrub(value.stack),
      };
    if (Array.isArray(value)) return value.map((v) => clean(v, depth + 1));
    if (value instanceof Date) return value;
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        scrub(k),
        secretField.test(k) ? '[REDACTED]' : clean(v, depth + 1),
      ]),
    );
  };
  const redactFormat = winston.format((info) => {
    // `message` and `stack` are not enumerable when an Error is logged directly.
    for (const key of new Set([...Object.keys(info), 'message', 'stack'])) {
      if (key === 'level' || key === 'timestamp' || info[key] === undefined) continue;
      const value = secretField.test(key) ? '[REDACTED]' : clean(info[key], 0);
      const name = scrub(key);
      if (name !== key) delete info[key];
      info[name] = value;
    }
    return info;
  });
  // winston formats an entry before its transports drop it by level: drop it first, so a debug line costs nothing at info.
  const enabledOnly = winston.format((info) => (logger.isLevelEnabled(info.level) ? info : false));
  const logger = winston.createLogger({
    level: options.level,
    format: winston.format.combine(enabledOnly(), redactFormat(), winston.format.timestamp(), winston.format.json()),
    transports: [
      options.stream ? new winston.transports.Stream({ stream: options.stream }) : new winston.transports.Console(),
    ],
  });
  return logger;
}

import type { Writable } from 'node:stream';
import winston from 'winston';
import type { Redactor } from '../items/prepare';

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
  const clean = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return scrub(value);
    if (depth > 4 || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => clean(v, depth + 1));
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, secretField.test(k) ? '[REDACTED]' : clean(v, depth + 1)]),
    );
  };
  const redactFormat = winston.format((info) => {
    for (const key of Object.keys(info)) {
      if (key === 'level' || key === 'timestamp') continue;
      info[key] = secretField.test(key) ? '[REDACTED]' : clean(info[key], 0);
    }
    return info;
  });
  return winston.createLogger({
    level: options.level,
    format: winston.format.combine(redactFormat(), winston.format.timestamp(), winston.format.json()),
    transports: [options.stream ? new winston.transports.Stream({ stream: options.stream }) : new winston.transports.Console()],
  });
}

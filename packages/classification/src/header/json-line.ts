import { severityFromLevelText } from './level-text';
import type { LineSource, ParsedLine } from './types';

// Keys structured loggers use (zap, zerolog, logrus, pino/bunyan, Serilog compact, structlog, GELF, ECS, journald, Docker).
const messageKeys = ['msg', 'message', 'MESSAGE', 'log', '@m', '@mt', 'event', 'short_message', 'text', 'body'];
const timeKeys = ['time', 'ts', 'timestamp', '@timestamp', '@t', 't', 'datetime', '__REALTIME_TIMESTAMP', 'date'];
const levelKeys = [
  'level',
  'lvl',
  'severity',
  'levelname',
  'level_name',
  'loglevel',
  '@l',
  'log.level',
  'severity_text',
  'PRIORITY',
  'L',
];
const sourceKeys: ReadonlyArray<[keyof LineSource, readonly string[]]> = [
  ['host', ['hostname', 'host', '_HOSTNAME']],
  ['program', ['SYSLOG_IDENTIFIER', 'app', 'service', 'service.name']],
  ['pid', ['pid', '_PID']],
  ['logger', ['logger', 'logger_name', 'name', 'caller']],
  ['thread', ['thread', 'thread_name']],
];

function scalar(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** A JSON object line: its message, level, time and source from the keys structured loggers use; undefined if not JSON. */
export function parseJsonLine(line: string, start: number): ParsedLine | undefined {
  let object: unknown;
  try {
    object = JSON.parse(start === 0 ? line : line.slice(start));
  } catch {
    return undefined;
  }
  if (object === null || typeof object !== 'object' || Array.isArray(object)) return undefined;
  const fields = object as Record<string, unknown>;
  let levelValue: unknown;
  for (const key of levelKeys) if ((levelValue = fields[key]) !== undefined) break;
  // ECS may nest the level: {"log": {"level": "info"}}.
  const nested = fields.log;
  if (levelValue === undefined && nested !== null && typeof nested === 'object')
    levelValue = (nested as Record<string, unknown>).level;
  const raw = scalar(levelValue);
  const severity = raw === undefined ? undefined : severityFromLevelText(raw);
  const parsed: ParsedLine = { message: line.slice(start), messageStart: start, shape: 'json' };
  if (raw !== undefined && severity !== undefined) parsed.level = { raw, severity, source: 'body_field' };
  for (const key of messageKeys) {
    const value = fields[key];
    if (typeof value !== 'string') continue;
    parsed.message = value;
    const keyAt = line.indexOf(`"${key}"`, start);
    const quote = keyAt < 0 ? -1 : line.indexOf('"', line.indexOf(':', keyAt + key.length + 2) + 1);
    parsed.messageStart = quote < 0 ? start : quote + 1;
    break;
  }
  for (const key of timeKeys) {
    const value = scalar(fields[key]);
    if (value !== undefined) {
      parsed.timestamp = value;
      break;
    }
  }
  const source: LineSource = {};
  let any = false;
  for (const [field, keys] of sourceKeys) {
    for (const key of keys) {
      const value = scalar(fields[key]);
      if (value === undefined) continue;
      source[field] = value;
      any = true;
      break;
    }
  }
  if (any) parsed.source = source;
  return parsed;
}

import type { Severity } from '@obs/schema';

/** A level the producer stated, and where it was read, e.g. `text "ERROR"` or `attribute severity_text`. */
export interface StatedLevel {
  severity: Severity;
  source: string;
}

const levelWords: ReadonlyMap<string, Severity> = new Map([
  ['emerg', 'critical'], ['emergency', 'critical'], ['alert', 'critical'], ['crit', 'critical'], ['critical', 'critical'],
  ['fatal', 'critical'], ['panic', 'critical'],
  ['severe', 'error'], ['error', 'error'], ['err', 'error'], ['e', 'error'], ['f', 'critical'],
  ['warn', 'warning'], ['warning', 'warning'], ['w', 'warning'],
  ['notice', 'info'], ['info', 'info'], ['information', 'info'], ['informational', 'info'], ['i', 'info'],
  ['debug', 'debug'], ['trace', 'debug'], ['verbose', 'debug'], ['fine', 'debug'], ['finer', 'debug'], ['finest', 'debug'],
  ['d', 'debug'], ['v', 'debug'],
]);

const severityTextKeys = ['severity_text', 'severityText', 'level', 'log.level', 'loglevel', 'severity', 'detected_level'];
const severityNumberKeys = ['severity_number', 'severityNumber'];

// Where a level is written in a line: as an uppercase word, a key=value pair, JSON, a bracketed word, an Android
// "E/Tag" prefix, or a "error:" prefix; prose like "no error here" is not a level.
const textLevelPatterns: readonly RegExp[] = [
  /(?:^|["\s{,])(?:level|lvl|severity|loglevel)["']?\s*[=:]\s*["']?([A-Za-z]+)/,
  /\b(EMERG|EMERGENCY|ALERT|CRIT|CRITICAL|FATAL|PANIC|SEVERE|ERROR|ERR|WARN|WARNING|NOTICE|INFO|DEBUG|TRACE|VERBOSE)\b/,
  /\[(emerg|alert|crit|critical|fatal|error|warn|warning|notice|info|debug|trace)\]/i,
  /^([VDIWEF])\/[\w.$-]+\s*\(/,
  /^(fatal|error|warning|warn|notice|info|debug):/i,
];
const syslogPriority = /^<(\d{1,3})>/;
const syslogSeverities: readonly Severity[] = ['critical', 'critical', 'critical', 'error', 'warning', 'info', 'info', 'debug'];

function fromWord(word: string): Severity | undefined {
  return levelWords.get(word.toLowerCase());
}

/** OpenTelemetry SeverityNumber ranges: 1-8 trace/debug, 9-12 info, 13-16 warn, 17-20 error, 21-24 fatal. */
function fromSeverityNumber(value: number): Severity | undefined {
  if (!Number.isInteger(value) || value < 1 || value > 24) return undefined;
  if (value <= 8) return 'debug';
  if (value <= 12) return 'info';
  if (value <= 16) return 'warning';
  if (value <= 20) return 'error';
  return 'critical';
}

/** The level stated by attributes (OTel severity text or number, `level`), if any. */
export function levelFromAttributes(attributes: Readonly<Record<string, unknown>> | undefined): StatedLevel | undefined {
  if (attributes === undefined) return undefined;
  for (const key of severityTextKeys) {
    const value = attributes[key];
    const severity = typeof value === 'string' ? fromWord(value.trim()) : undefined;
    if (severity !== undefined) return { severity, source: `attribute ${key}` };
  }
  for (const key of severityNumberKeys) {
    const value = attributes[key];
    const severity = typeof value === 'number' ? fromSeverityNumber(value) : typeof value === 'string' ? fromSeverityNumber(Number(value)) : undefined;
    if (severity !== undefined) return { severity, source: `attribute ${key}` };
  }
  return undefined;
}

/** The level written in the line itself (syslog priority, level word, key=value, Android prefix), if any. */
export function levelFromText(text: string): StatedLevel | undefined {
  const priority = syslogPriority.exec(text);
  if (priority !== null) {
    const value = Number(priority[1]);
    if (value <= 191) return { severity: syslogSeverities[value % 8] as Severity, source: `syslog priority <${value}>` };
  }
  for (const pattern of textLevelPatterns) {
    const word = pattern.exec(text)?.[1];
    const severity = word === undefined ? undefined : fromWord(word);
    if (severity !== undefined) return { severity, source: `text "${word}"` };
  }
  return undefined;
}

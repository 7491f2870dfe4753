import type { Severity } from '@obs/schema';

// Level names of syslog, log4j/logback, python logging, Go (zap, zerolog, logrus, klog), .NET, Serilog, Postgres,
// Java util logging, Windows event and CBS logs, Erlang/Elixir; lowercase keys.
const levelWords: ReadonlyMap<string, Severity> = new Map<string, Severity>([
  ['emerg', 'critical'],
  ['emergency', 'critical'],
  ['alert', 'critical'],
  ['crit', 'critical'],
  ['critical', 'critical'],
  ['fatal', 'critical'],
  ['fata', 'critical'],
  ['ftl', 'critical'],
  ['panic', 'critical'],
  ['pani', 'critical'],
  ['dpanic', 'critical'],
  ['assert', 'critical'],
  ['error', 'error'],
  ['err', 'error'],
  ['erro', 'error'],
  ['eror', 'error'],
  ['severe', 'error'],
  ['fail', 'error'],
  ['warn', 'warning'],
  ['warning', 'warning'],
  ['wrn', 'warning'],
  ['notice', 'info'],
  ['info', 'info'],
  ['inf', 'info'],
  ['information', 'info'],
  ['informational', 'info'],
  ['log', 'info'],
  ['debug', 'debug'],
  ['debu', 'debug'],
  ['dbg', 'debug'],
  ['dbug', 'debug'],
  ['trace', 'debug'],
  ['trac', 'debug'],
  ['trce', 'debug'],
  ['trc', 'debug'],
  ['verbose', 'debug'],
  ['vrb', 'debug'],
  ['fine', 'debug'],
  ['finer', 'debug'],
  ['finest', 'debug'],
]);

// One-letter levels: Android logcat (V D I W E F A), klog and glog (I W E F), Ruby's Logger (D I W E F A).
const levelLetters: ReadonlyMap<string, Severity> = new Map<string, Severity>([
  ['V', 'debug'],
  ['D', 'debug'],
  ['I', 'info'],
  ['W', 'warning'],
  ['E', 'error'],
  ['F', 'critical'],
  ['A', 'critical'],
]);

// Words that are also ordinary English or code words: a header reads them as a level only in capitals or decorated.
const ambiguousWords: ReadonlySet<string> = new Set([
  'alert',
  'crit',
  'fata',
  'ftl',
  'panic',
  'pani',
  'dpanic',
  'assert',
  'err',
  'erro',
  'eror',
  'severe',
  'fail',
  'wrn',
  'notice',
  'inf',
  'log',
  'debu',
  'dbg',
  'dbug',
  'trace',
  'trac',
  'trce',
  'trc',
  'verbose',
  'vrb',
  'fine',
  'finer',
  'finest',
  'emerg',
  'emergency',
]);

/** syslog severities 0 (emerg) to 7 (debug). */
const syslogSeverities: readonly Severity[] = [
  'critical',
  'critical',
  'critical',
  'error',
  'warning',
  'info',
  'info',
  'debug',
];

/** A syslog severity (0-7) or a PRI value (facility * 8 + severity, up to 191). */
export function severityFromSyslogPriority(value: number): Severity | undefined {
  return Number.isInteger(value) && value >= 0 && value <= 191 ? syslogSeverities[value % 8] : undefined;
}

/** OpenTelemetry SeverityNumber: 1-8 trace/debug, 9-12 info, 13-16 warn, 17-20 error, 21-24 fatal. */
export function severityFromOtlpNumber(value: number): Severity | undefined {
  if (!Number.isInteger(value) || value < 1 || value > 24) return undefined;
  if (value <= 8) return 'debug';
  if (value <= 12) return 'info';
  if (value <= 16) return 'warning';
  if (value <= 20) return 'error';
  return 'critical';
}

/** A number given as a level: 0-7 a syslog severity, 10-60 by tens pino/bunyan, other 1-24 an OTLP severity number. */
function severityFromLevelNumber(value: number): Severity | undefined {
  if (value >= 0 && value <= 7) return severityFromSyslogPriority(value);
  if (value % 10 === 0 && value >= 10 && value <= 60)
    return (['debug', 'debug', 'info', 'warning', 'error', 'critical'] as const)[value / 10 - 1];
  return severityFromOtlpNumber(value);
}

const caseForms = /^(?:[A-Z]+|[A-Z]?[a-z]+)$/;
const decorations = /^[[<(]?\s*(.*?)\s*[\]>)]?:?$/;

/**
 * The severity a level text names, in any case: a name (`WARN`, `Information`, `fatal`, `DEBUG2`), a letter (`E`),
 * a module-qualified name (`core:error`), a syslog `<PRI>` or a number; undefined when it names no level.
 */
export function severityFromLevelText(raw: string): Severity | undefined {
  const trimmed = raw.trim();
  if (trimmed.length > 32) return undefined;
  const text = decorations.exec(trimmed)?.[1] ?? '';
  if (text.length === 0) return undefined;
  if (/^\d{1,3}$/.test(text)) {
    const value = Number(text);
    return trimmed.startsWith('<') ? severityFromSyslogPriority(value) : severityFromLevelNumber(value);
  }
  if (text.length === 1) return levelLetters.get(text.toUpperCase());
  const word = text.slice(text.lastIndexOf(':') + 1).toLowerCase();
  return levelWords.get(word) ?? (/^debug[1-5]$/.test(word) ? 'debug' : undefined);
}

/**
 * The severity of a bare word in a header position, stricter than `severityFromLevelText`: words that are also
 * ordinary words (`log`, `trace`, `notice`, `fail`) count only in capitals unless `decorated` (bracketed, `<x>`, `x:`).
 */
export function severityOfHeaderWord(word: string, decorated: boolean): Severity | undefined {
  if (word.length < 3 || word.length > 13) return undefined;
  const lower = word.toLowerCase();
  const severity = levelWords.get(lower) ?? (/^debug[1-5]$/.test(lower) ? 'debug' : undefined);
  if (severity === undefined || decorated) return severity;
  if (ambiguousWords.has(lower)) return word === word.toUpperCase() ? severity : undefined;
  // Capitals, lowercase (Go, Erlang) or capitalised (Windows, .NET) forms of the unambiguous names; not `wArN`.
  return caseForms.test(word) ? severity : undefined;
}

/** The severity of a one-letter level (logcat, klog, Ruby Logger). */
export function severityOfLetter(letter: string): Severity | undefined {
  return levelLetters.get(letter);
}

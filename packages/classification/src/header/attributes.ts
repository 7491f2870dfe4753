import { severityFromLevelText, severityFromOtlpNumber, severityFromSyslogPriority } from './level-text';
import type { StatedLevel } from './types';

// Names producers and shippers give the level: OTLP, Loki (`level`, `detected_level`), ECS, logrus/zap/pino, python.
const levelTextKeys = [
  'severity_text',
  'severityText',
  'SeverityText',
  'level',
  'detected_level',
  'log.level',
  'loglevel',
  'severity',
  'levelname',
  'lvl',
];
const otlpNumberKeys = ['severity_number', 'severityNumber', 'SeverityNumber'];
// journald's PRIORITY is a syslog severity 0-7.
const syslogKeys = ['PRIORITY', 'priority'];

/** The level an item's attributes or labels state (OTLP severity text or number, `level`, `detected_level`, ...), if any. */
export function levelFromAttributes(
  attributes: Readonly<Record<string, unknown>> | undefined,
): StatedLevel | undefined {
  if (attributes === undefined) return undefined;
  for (const key of levelTextKeys) {
    const value = attributes[key];
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const raw = String(value);
    const severity = severityFromLevelText(raw);
    if (severity !== undefined) return { raw, severity, source: 'attribute' };
  }
  for (const key of otlpNumberKeys) {
    const value = attributes[key];
    const number =
      typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    const severity = severityFromOtlpNumber(number);
    if (severity !== undefined) return { raw: String(value), severity, source: 'attribute' };
  }
  for (const key of syslogKeys) {
    const value = attributes[key];
    const number =
      typeof value === 'number' ? value : typeof value === 'string' && /^[0-7]$/.test(value) ? Number(value) : NaN;
    const severity = number <= 7 ? severityFromSyslogPriority(number) : undefined;
    if (severity !== undefined) return { raw: String(value), severity, source: 'attribute' };
  }
  return undefined;
}

import { sanitizeMetricName } from './series';

// UCUM units as OpenTelemetry uses them -> Prometheus unit words (as the OTLP->Prometheus translator maps them).
const unitWords: Record<string, string> = {
  d: 'days',
  h: 'hours',
  min: 'minutes',
  s: 'seconds',
  ms: 'milliseconds',
  us: 'microseconds',
  ns: 'nanoseconds',
  By: 'bytes',
  KiBy: 'kibibytes',
  MiBy: 'mebibytes',
  GiBy: 'gibibytes',
  TiBy: 'tibibytes',
  KBy: 'kilobytes',
  MBy: 'megabytes',
  GBy: 'gigabytes',
  TBy: 'terabytes',
  m: 'meters',
  V: 'volts',
  A: 'amperes',
  J: 'joules',
  W: 'watts',
  g: 'grams',
  Cel: 'celsius',
  Hz: 'hertz',
  '%': 'percent',
};
const perUnitWords: Record<string, string> = {
  s: 'second',
  m: 'minute',
  h: 'hour',
  d: 'day',
  w: 'week',
  mo: 'month',
  y: 'year',
};

/** The Prometheus unit suffix for an OTLP unit: `s` -> `seconds`, `By/s` -> `bytes_per_second`; '' when none applies. */
export function unitSuffix(unit: string): string {
  const plain = unit.replace(/\{[^}]*\}/g, '').trim(); // `{requests}` style annotations carry no unit
  if (plain === '' || plain === '1') return '';
  const [main = '', per] = plain.split('/', 2);
  const mainWord = unitWords[main] ?? (main === '1' ? '' : main);
  if (per === undefined) return sanitizeMetricName(mainWord);
  const perWord = perUnitWords[per] ?? unitWords[per] ?? per;
  return sanitizeMetricName(mainWord ? `${mainWord}_per_${perWord}` : `per_${perWord}`);
}

/**
 * The Prometheus name of an OTLP metric: `.` and other invalid characters -> `_`, the unit suffix appended
 * unless present, `_ratio` for gauges of unit `1`, `_total` for monotonic sums.
 */
export function prometheusMetricName(name: string, unit: string, kind: 'gauge' | 'counter' | 'other'): string {
  let result = sanitizeMetricName(name).replace(/_{2,}/g, '_');
  const suffix = unitSuffix(unit);
  if (suffix && !result.endsWith(`_${suffix}`)) result = `${result}_${suffix}`;
  if (kind === 'gauge' && unit === '1' && !result.endsWith('_ratio')) result = `${result}_ratio`;
  if (kind === 'counter') {
    if (result.endsWith('_total')) result = result.slice(0, -'_total'.length);
    result = `${result}_total`;
  }
  return result;
}

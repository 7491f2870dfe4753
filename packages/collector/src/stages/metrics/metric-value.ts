import { parseDuration } from '../../config/units';

const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL: Record<string, number> = { inf: Infinity, '+inf': Infinity, '-inf': -Infinity, infinity: Infinity, '+infinity': Infinity, '-infinity': -Infinity, nan: NaN };

/**
 * An extracted value as a metric sample, as Alloy reads it: numbers as-is, bool as 1/0, strings as a
 * float or else a Go duration in seconds (`250ms` → 0.25). Undefined when none of these fit.
 */
export function metricValue(value: unknown): number | undefined {
  switch (typeof value) {
    case 'number':
      return value;
    case 'bigint':
      return Number(value);
    case 'boolean':
      return value ? 1 : 0;
    case 'string': {
      if (isShortDigits(value) || FLOAT.test(value)) return Number(value);
      const special = SPECIAL[value.toLowerCase()];
      if (special !== undefined) return special;
      const negative = value.startsWith('-');
      const ms = parseDuration(negative || value.startsWith('+') ? value.slice(1) : value);
      if (ms === undefined) return undefined;
      return (negative ? -ms : ms) / 1000;
    }
    default:
      return undefined;
  }
}

/** Plain digits, short enough to be exact: the common latency/bytes value, checked without the regex. */
function isShortDigits(value: string): boolean {
  if (value.length === 0 || value.length > 15) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

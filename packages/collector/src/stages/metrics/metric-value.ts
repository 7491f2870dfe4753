import { parseDuration } from '../../schema/units';

const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL: Record<string, number> = {
  inf: Infinity,
  '+inf': Infinity,
  '-inf': -Infinity,
  infinity: Infinity,
  '+infinity': Infinity,
  '-infinity': -Infinity,
  nan: NaN,
};

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
      const digits = shortDigits(value);
      if (digits >= 0) return digits;
      if (FLOAT.test(value)) return Number(value);
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

/** The value of plain digits short enough to be exact (the common latency/bytes value), read without the regex; -1 otherwise. */
function shortDigits(value: string): number {
  if (value.length === 0 || value.length > 15) return -1;
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const INTEGER = /^[+-]?\d+$/;
const MAX_INT64 = 9223372036854775807n;
const MIN_INT64 = -9223372036854775808n;

export type UnixFormat = 'Unix' | 'UnixMs' | 'UnixUs' | 'UnixNs';
export const unixFormats: readonly UnixFormat[] = ['Unix', 'UnixMs', 'UnixUs', 'UnixNs'];

const NANOS_PER_UNIT: Record<UnixFormat, bigint> = {
  Unix: 1_000_000_000n,
  UnixMs: 1_000_000n,
  UnixUs: 1_000n,
  UnixNs: 1n,
};

function int64(text: string): bigint | undefined {
  if (!INTEGER.test(text)) return undefined;
  const n = BigInt(text);
  return n > MAX_INT64 || n < MIN_INT64 ? undefined : n;
}

/**
 * Epoch integers as Alloy reads them: `Unix` also takes one `.fraction` (digits past the 9th are ignored);
 * the others are integers in their unit. Returns nanoseconds, or undefined when malformed.
 */
export function parseUnix(format: UnixFormat, value: string): bigint | undefined {
  const dot = format === 'Unix' ? value.indexOf('.') : -1;
  if (dot >= 0) {
    if (value.indexOf('.', dot + 1) >= 0) return undefined;
    const seconds = int64(value.slice(0, dot));
    const digits = value.slice(dot + 1);
    if (seconds === undefined || !/^\d+$/.test(digits)) return undefined;
    return seconds * 1_000_000_000n + BigInt(digits.slice(0, 9).padEnd(9, '0'));
  }
  const n = int64(value);
  return n === undefined ? undefined : n * NANOS_PER_UNIT[format];
}

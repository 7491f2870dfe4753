/** RFC3339 with nanoseconds (`2025-12-26T21:45:32.123456789Z`), as Loki and Alloy print timestamps. */
export function formatRfc3339Nano(ns: bigint): string {
  const ms = ns / 1_000_000n;
  const iso = new Date(Number(ms)).toISOString();
  const fraction = ((ns % 1_000_000_000n) + 1_000_000_000n) % 1_000_000_000n;
  return `${iso.slice(0, 19)}.${fraction.toString().padStart(9, '0')}Z`;
}

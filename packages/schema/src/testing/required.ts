/** The value a test goes on to use, or a failure naming what was missing (instead of a TypeError further down). */
export function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}, found none`);
  return value;
}

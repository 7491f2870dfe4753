import { z } from 'zod';

const DURATION_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};
const BYTE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1024,
  kib: 1024,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
  tb: 1024 ** 4,
  tib: 1024 ** 4,
};

/** Parses a Go duration (`1h30m`, `500ms`, `10s`) to milliseconds; undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/y;
  let total = 0;
  let pos = 0;
  if (text === '0') return 0;
  while (pos < text.length) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) return undefined;
    total += Number(m[1]) * DURATION_UNITS[m[2]];
    pos = re.lastIndex;
  }
  return pos === 0 ? undefined : total;
}

/** Parses a size (`8KB`, `1MiB`, `512`) to bytes with base-2 units, as Alloy's units.Base2Bytes does. */
export function parseBytes(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([a-zA-Z]*)$/.exec(text.trim());
  if (!m) return undefined;
  const unit = BYTE_UNITS[m[2].toLowerCase()];
  return unit === undefined ? undefined : Math.floor(Number(m[1]) * unit);
}

/** A Go duration string, parsed to milliseconds at load. */
export function durationMs(description: string): z.ZodType<number, string> {
  return z
    .string()
    .describe(description)
    .transform((text, ctx) => {
      const ms = parseDuration(text);
      if (ms === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `expected a duration like 500ms, 10s, 1h30m, got ${JSON.stringify(text)}`,
        });
        return z.NEVER;
      }
      return ms;
    });
}

/** A size like `8KB` (base 2), parsed to bytes at load. */
export function sizeBytes(description: string): z.ZodType<number, string | number> {
  return z
    .union([z.string(), z.number().int().nonnegative()])
    .describe(description)
    .transform((value, ctx) => {
      const bytes = typeof value === 'number' ? value : parseBytes(value);
      if (bytes === undefined) {
        ctx.addIssue({ code: 'custom', message: `expected a size like 512, 8KB, 1MiB, got ${JSON.stringify(value)}` });
        return z.NEVER;
      }
      return bytes;
    });
}

import { passesLuhn } from '@obs/pii';
import { z } from 'zod';
import { extractedString, type LogEntry } from '../entry';
import type { Stage, StageContext, StageDefinition } from './stage';

// The longest payment card number (ISO/IEC 7812); Alloy's int parsing stops at 19 digits as well.
const MAX_DIGITS = 19;

const config = z.strictObject({
  replacement: z.string().default('**REDACTED**').describe('Text that replaces each digit run passing the Luhn check.'),
  source: z
    .string()
    .min(1, '`source` may not be empty; omit it to mask the line')
    .optional()
    .describe('Extracted key to mask instead of the log line; the masked text is written back to that key.'),
  min_length: z
    .number()
    .int()
    .min(1)
    .max(MAX_DIGITS, `card numbers have at most ${MAX_DIGITS} digits, so a larger min_length never matches`)
    .default(13)
    .describe(`Fewest digits a run needs to be checked; runs of more than ${MAX_DIGITS} digits are never replaced.`),
  delimiters: z
    .string()
    .default('')
    .describe('Characters allowed between the digits of one number (e.g. `" -"` for `4111 1111-1111 1111`).'),
});

export type LuhnStageConfig = z.output<typeof config>;

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

class LuhnStage implements Stage {
  readonly #replacement: string;
  readonly #source: string | undefined;
  readonly #minLength: number;
  readonly #delimiters: string;
  readonly #ctx: StageContext;

  constructor(c: LuhnStageConfig, ctx: StageContext) {
    this.#replacement = c.replacement;
    this.#source = c.source;
    this.#minLength = c.min_length;
    this.#delimiters = c.delimiters;
    this.#ctx = ctx;
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    out.push(entry);
    const source = this.#source;
    if (source === undefined) {
      const masked = this.#mask(entry.line);
      if (masked !== undefined) entry.line = masked;
      return;
    }
    if (!(source in entry.extracted)) return;
    const value = extractedString(entry.extracted[source]);
    if (value === undefined) {
      this.#ctx.counters.parseFailed.inc();
      return;
    }
    // Alloy writes the masked source value over the log line, losing the line; the masked value goes back to its key here.
    const masked = this.#mask(value);
    if (masked !== undefined) entry.extracted[source] = masked;
  }

  /** The input with every Luhn-valid digit run replaced; undefined when nothing was replaced. */
  #mask(input: string): string | undefined {
    const delimiters = this.#delimiters;
    let out: string | undefined;
    let copied = 0;
    let i = 0;
    while (i < input.length) {
      if (!isDigit(input.charCodeAt(i))) {
        i++;
        continue;
      }
      // A run: digits, with delimiters allowed between them; it ends after its last digit.
      const start = i;
      let end = i;
      let count = 0;
      for (; i < input.length; i++) {
        const code = input.charCodeAt(i);
        if (isDigit(code)) {
          count++;
          end = i + 1;
        } else if (delimiters.length === 0 || !delimiters.includes(input[i])) {
          break;
        }
      }
      if (count < this.#minLength || count > MAX_DIGITS) continue;
      const run = input.slice(start, end);
      if (!passesLuhn(count === run.length ? run : digitsOf(run))) continue;
      out = (out ?? '') + input.slice(copied, start) + this.#replacement;
      copied = end;
    }
    return out === undefined ? undefined : out + input.slice(copied);
  }
}

function digitsOf(run: string): string {
  let digits = '';
  for (let i = 0; i < run.length; i++) if (isDigit(run.charCodeAt(i))) digits += run[i];
  return digits;
}

export const luhnStage: StageDefinition<LuhnStageConfig> = {
  type: 'luhn',
  description:
    "Replaces digit runs that pass the Luhn check (payment card numbers) in the line or in `source` (Alloy's stage.luhn); the `redact` stage covers cards and more.",
  config,
  create: (c, ctx) => new LuhnStage(c, ctx),
};

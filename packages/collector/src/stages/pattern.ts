import { z } from 'zod';
import { extractedString, type LogEntry } from '../entry';
import { compileGroupWriter } from './compiled-properties';
import { compilePattern, PatternSyntaxError, type PatternExpression } from './pattern-expression';
import { ParserStage } from './parser-stage';
import type { StageContext, StageDefinition } from './stage';

const patternSchema = z
  .string()
  .min(1, '`pattern` may not be empty')
  .describe(
    'LogQL pattern: `<name>` captures text into extracted[name], `<_>` skips text, everything else is literal. A capture ends at the first occurrence of the literal after it; at least one named capture, never two captures side by side.',
  )
  .transform((source, ctx) => {
    try {
      return compilePattern(source);
    } catch (err) {
      if (!(err instanceof PatternSyntaxError)) throw err;
      ctx.addIssue({ code: 'custom', message: `invalid pattern: ${err.message}` });
      return z.NEVER;
    }
  });

const config = z.strictObject({
  pattern: patternSchema,
  source: z
    .string()
    .min(1, '`source` may not be empty; omit it to parse the line')
    .optional()
    .describe('Extracted key to parse instead of the log line.'),
  labels_from_groups: z
    .boolean()
    .default(false)
    .describe('Also set each named capture as a label (overriding an existing one).'),
});

export type PatternStageConfig = z.output<typeof config>;

class PatternStage extends ParserStage {
  readonly #pattern: PatternExpression;
  readonly #names: readonly string[];
  readonly #captures: string[];
  readonly #write: (target: Record<string, unknown>, captures: ArrayLike<string | undefined>) => void;
  readonly #source: string | undefined;
  readonly #toLabels: boolean;

  constructor(c: PatternStageConfig, ctx: StageContext) {
    super(ctx.counters);
    this.#pattern = c.pattern;
    this.#names = c.pattern.names;
    this.#captures = c.pattern.names.map(() => '');
    this.#write = compileGroupWriter(
      this.#names,
      this.#names.map((_, i) => i),
    );
    this.#source = c.source;
    this.#toLabels = c.labels_from_groups;
  }

  /** Writes the captures; false when the input is missing or the pattern did not match all the way. */
  protected parse(entry: LogEntry): boolean {
    const input = this.#source === undefined ? entry.line : extractedString(entry.extracted[this.#source]);
    if (input === undefined) return false;
    const captures = this.#captures;
    const result = this.#pattern.match(input, captures);
    if (result >= 0) {
      this.#write(entry.extracted, captures);
      if (this.#toLabels) this.#write(entry.labels, captures);
      return true;
    }
    // Loki keeps what a partial match captured before it stopped, so ported pipelines see the same values; Alloy
    // hides these lines, here they count as parse failures.
    const names = this.#names;
    for (let i = 0; i < -1 - result; i++) {
      entry.extracted[names[i]] = captures[i];
      if (this.#toLabels) entry.labels[names[i]] = captures[i];
    }
    return false;
  }
}

export const patternStage: StageDefinition<PatternStageConfig> = {
  type: 'pattern',
  description:
    'Extracts the captures of a LogQL pattern (`<ip> - - [<ts>] "<method> <path> <_>"`) from the line (or an extracted value) into the extracted map: no regex to write, and no backtracking.',
  config,
  create: (c, ctx) => new PatternStage(c, ctx),
};

import { z } from 'zod';
import { re2Schema } from '../schema/re2';
import { extractedString, type LogEntry } from '../entry';
import { compileGroupWriter } from './compiled-properties';
import { ParserStage } from './parser-stage';
import type { StageContext, StageDefinition } from './stage';

const config = z
  .strictObject({
    expression: re2Schema(
      'RE2 expression; each named group `(?P<name>...)` (names are valid label names) is written to the extracted map. Unnamed groups are ignored.',
      { plainGroups: true },
    ),
    source: z
      .string()
      .min(1, '`source` may not be empty; omit it to parse the line')
      .optional()
      .describe('Extracted key to parse instead of the log line.'),
    labels_from_groups: z
      .boolean()
      .default(false)
      .describe('Also set each named group as a label (overriding an existing one).'),
  })
  .superRefine((c, ctx) => {
    if (c.expression.groupNames.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['expression'],
        message: 'the expression needs at least one named capture group (?P<name>...)',
      });
  });

export type RegexStageConfig = z.output<typeof config>;

class RegexStage extends ParserStage {
  readonly #regex: RegExp;
  readonly #write: (target: Record<string, unknown>, match: RegExpExecArray) => void;
  readonly #source: string | undefined;
  readonly #toLabels: boolean;

  constructor(c: RegexStageConfig, ctx: StageContext) {
    super(ctx.counters);
    this.#regex = c.expression.regex;
    this.#write = compileGroupWriter(c.expression.groupNames, c.expression.groupIndexes);
    this.#source = c.source;
    this.#toLabels = c.labels_from_groups;
  }

  /** Writes the named groups; false when the input is missing or does not match. */
  protected parse(entry: LogEntry): boolean {
    const input = this.#source === undefined ? entry.line : extractedString(entry.extracted[this.#source]);
    const match = input === undefined ? null : this.#regex.exec(input);
    if (match === null) return false;
    // Go's FindStringSubmatch yields "" for a group that did not take part in the match (the writer's `?? ''`).
    this.#write(entry.extracted, match);
    if (this.#toLabels) this.#write(entry.labels, match);
    return true;
  }
}

export const regexStage: StageDefinition<RegexStageConfig> = {
  type: 'regex',
  description:
    'Extracts named groups of an RE2 regular expression from the line (or an extracted value) into the extracted map.',
  config,
  create: (c, ctx) => new RegexStage(c, ctx),
};

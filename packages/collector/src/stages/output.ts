import { z } from 'zod';
import { extractedString, type LogEntry } from '../entry';
import type { Stage, StageContext, StageCounters, StageDefinition } from './stage';

const config = z.strictObject({
  source: z
    .string()
    .min(1)
    .describe(
      'Extracted key whose value replaces the log line; a missing key leaves the line unchanged (counted as a parse failure).',
    ),
});

export type OutputStageConfig = z.output<typeof config>;

class OutputStage implements Stage {
  readonly #source: string;
  readonly #counters: StageCounters;

  constructor(c: OutputStageConfig, ctx: StageContext) {
    this.#source = c.source;
    this.#counters = ctx.counters;
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    const value = extractedString(entry.extracted[this.#source]);
    if (value === undefined) this.#counters.parseFailed.inc();
    else entry.line = value;
    out.push(entry);
  }
}

export const outputStage: StageDefinition<OutputStageConfig> = {
  type: 'output',
  description: 'Replaces the log line with an extracted value.',
  config,
  create: (c, ctx) => new OutputStage(c, ctx),
};

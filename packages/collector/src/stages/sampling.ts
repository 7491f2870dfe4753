import { z } from 'zod';
import type { LogEntry } from '../entry';
import type { Stage, StageContext, StageDefinition } from './stage';

const config = z
  .object({
    rate: z
      .number()
      .min(0)
      .max(1)
      .describe('Share of lines kept, from 0 to 1 (0.25 keeps about one line in four, chosen at random).'),
    drop_counter_reason: z
      .string()
      .min(1)
      .default('sampling_stage')
      .describe('Reason label for the lines this stage drops.'),
  })
  .strict();

export type SamplingStageConfig = z.infer<typeof config>;

class SamplingStage implements Stage {
  readonly #rate: number;
  readonly #random: () => number;
  readonly #dropped: { inc(): void };

  constructor(cfg: SamplingStageConfig, ctx: StageContext, random: () => number) {
    this.#rate = cfg.rate;
    this.#random = random;
    this.#dropped = ctx.counters.dropped(cfg.drop_counter_reason);
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    if (this.#random() < this.#rate) out.push(entry);
    else this.#dropped.inc();
  }
}

/** Builds the stage with an injectable source of randomness in [0, 1) (tests pass a fixed sequence). */
export function createSamplingStage(
  cfg: SamplingStageConfig,
  ctx: StageContext,
  random: () => number = Math.random,
): Stage {
  return new SamplingStage(cfg, ctx, random);
}

export const samplingStage: StageDefinition<SamplingStageConfig> = {
  type: 'sampling',
  description: 'Keeps a random share (`rate`) of lines and drops the rest, counted under `drop_counter_reason`.',
  config,
  create: (cfg, ctx) => createSamplingStage(cfg, ctx),
};

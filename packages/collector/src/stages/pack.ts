import { z } from 'zod';
import { nowNs, type LogEntry, extractedString } from '../entry';
import type { Stage, StageDefinition } from './stage';
import { goJsonString } from './go-json';

const config = z.strictObject({
  labels: z
    .array(z.string().min(1))
    .min(1)
    .describe('Labels (or extracted keys) to pack into the line; packed labels are removed from the label set.'),
  ingest_timestamp: z
    .boolean()
    .default(true)
    .describe('Set the entry timestamp to the time of packing, so entries of the now merged streams stay in order.'),
});

export type PackStageConfig = z.output<typeof config>;

class PackStage implements Stage {
  readonly #names: string[];
  readonly #ingestTimestamp: boolean;

  constructor(c: PackStageConfig) {
    this.#names = [...c.labels].sort();
    this.#ingestTimestamp = c.ingest_timestamp;
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    // Same shape as Alloy (sorted keys, then _entry), so LogQL `| unpack` restores it.
    let json = '{';
    for (const name of this.#names) {
      let value: string | undefined = entry.labels[name];
      if (value !== undefined) delete entry.labels[name];
      else value = extractedString(entry.extracted[name]);
      if (value === undefined) continue;
      json += `${goJsonString(name)}:${goJsonString(value)},`;
    }
    entry.line = `${json}"_entry":${goJsonString(entry.line)}}`;
    if (this.#ingestTimestamp) entry.timestampNs = nowNs();
    out.push(entry);
  }
}

export const packStage: StageDefinition<PackStageConfig> = {
  type: 'pack',
  description: 'Packs labels and extracted values with the line into a JSON line (`_entry` holds the original line).',
  config,
  create: (c) => new PackStage(c),
};

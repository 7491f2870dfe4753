import { z } from 'zod';
import type { LogEntry } from '../entry';
import type { Stage, StageContext, StageCounters, StageDefinition } from './stage';
import { createTimestampParser, type TimestampParser } from './timestamp/parser';
import { utcZone } from './timestamp/zone';

const config = z.strictObject({});

export type DockerStageConfig = z.output<typeof config>;

class DockerStage implements Stage {
  readonly #time: TimestampParser = createTimestampParser('RFC3339Nano', utcZone);
  readonly #counters: StageCounters;

  constructor(ctx: StageContext) {
    this.#counters = ctx.counters;
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    out.push(entry);
    if (!this.#parse(entry)) this.#counters.parseFailed.inc();
  }

  /** Applies what the JSON holds, as Alloy's json, labels, timestamp and output stages would; false when any part is missing or bad. */
  #parse(entry: LogEntry): boolean {
    let data: unknown;
    try {
      data = JSON.parse(entry.line);
    } catch {
      return false;
    }
    // Alloy decodes into a map: arrays and scalars leave the entry as it was.
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return false;
    const { log, stream, time } = data as Record<string, unknown>;
    const extracted = entry.extracted;
    let complete = true;
    if (typeof stream === 'string') {
      extracted.stream = stream;
      entry.labels.stream = stream;
    } else complete = false;
    if (typeof time === 'string') {
      extracted.timestamp = time;
      const ts = this.#time.parse(time);
      // Alloy fudges a bad time from the stream's last one; here the entry keeps its own (read) time.
      if (ts === undefined) complete = false;
      else entry.timestampNs = ts;
    } else complete = false;
    // The trailing "\n" json-file keeps on each line stays, as in Alloy; multiline's trim_newlines drops it when joining.
    if (typeof log === 'string') {
      extracted.output = log;
      entry.line = log;
    } else complete = false;
    return complete;
  }
}

export const dockerStage: StageDefinition<DockerStageConfig> = {
  type: 'docker',
  description:
    'Parses Docker\'s json-file format (`{"log":"...\\n","stream":"stdout","time":"<RFC3339Nano>"}`): extracts `output`, `stream` and `timestamp`, sets the `stream` label, the timestamp and the line (= `log`, trailing newline kept as in Alloy). Lines that are not such JSON pass unchanged and count as parse failures.',
  config,
  create: (_cfg, ctx) => new DockerStage(ctx),
};

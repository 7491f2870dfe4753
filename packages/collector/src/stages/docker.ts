import { z } from 'zod';
import { nowNs, type LogEntry } from '../entry';
import { checkPartialLineArgs, createPartialLines, partialLineArgs, type PartialLines } from './partial-lines';
import type { HoldingStage, Stage, StageContext, StageCounters, StageDefinition } from './stage';
import { createTimestampParser, type TimestampParser } from './timestamp/parser';
import { utcZone } from './timestamp/zone';

const config = z.strictObject(partialLineArgs).superRefine(checkPartialLineArgs);

export type DockerStageConfig = z.output<typeof config>;

class DockerStage implements Stage {
  readonly #time: TimestampParser = createTimestampParser('RFC3339Nano', utcZone);
  readonly #partials: PartialLines;
  readonly #counters: StageCounters;

  constructor(cfg: DockerStageConfig, ctx: StageContext, now: () => bigint) {
    this.#partials = createPartialLines(cfg, 'output', now);
    this.#counters = ctx.counters;
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    const log = this.#parse(entry);
    if (log === undefined) {
      out.push(entry);
      return;
    }
    // json-file splits lines over 16 KiB into records without the final "\n"; Alloy sends each record alone (grafana/loki#2281).
    this.#partials.add(entry, !log.endsWith('\n'), out);
  }

  flush(out: LogEntry[], nowNs: bigint): void {
    this.#partials.flush(out, nowNs);
  }

  /**
   * Applies what the JSON holds, as Alloy's json, labels, timestamp and output stages would, counting a parse
   * failure when any part is missing or bad; returns the `log` text when there is one.
   */
  #parse(entry: LogEntry): string | undefined {
    let data: unknown;
    try {
      data = JSON.parse(entry.line);
    } catch {
      this.#counters.parseFailed.inc();
      return undefined;
    }
    // Alloy decodes into a map: arrays and scalars leave the entry as it was.
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      this.#counters.parseFailed.inc();
      return undefined;
    }
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
    if (!complete || typeof log !== 'string') this.#counters.parseFailed.inc();
    if (typeof log !== 'string') return undefined;
    // The trailing "\n" json-file writes stays, as in Alloy; multiline's trim_newlines drops it when joining.
    extracted.output = log;
    entry.line = log;
    return log;
  }
}

/** Builds the stage with an injectable clock (tests pass a fake one). */
export function createDockerStage(cfg: DockerStageConfig, ctx: StageContext, now: () => bigint = nowNs): HoldingStage {
  return new DockerStage(cfg, ctx, now);
}

export const dockerStage: StageDefinition<DockerStageConfig> = {
  type: 'docker',
  description:
    'Parses Docker\'s json-file format (`{"log":"...\\n","stream":"stdout","time":"<RFC3339Nano>"}`): extracts `output`, `stream` and `timestamp`, sets the `stream` label, the timestamp and the line (= `log`, trailing newline kept as in Alloy). Records of a line Docker split at 16 KiB (`log` without the final newline) are joined per label set + stream, which Alloy does not do; held ones are sent after `max_partial_wait_time` and at shutdown. Lines that are not such JSON pass unchanged and count as parse failures.',
  config,
  create: (cfg, ctx) => createDockerStage(cfg, ctx),
};

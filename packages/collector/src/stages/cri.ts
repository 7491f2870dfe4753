import { z } from 'zod';
import { nowNs, type LogEntry } from '../entry';
import { checkPartialLineArgs, createPartialLines, partialLineArgs, type PartialLines } from './partial-lines';
import type { HoldingStage, Stage, StageContext, StageCounters, StageDefinition } from './stage';
import { createTimestampParser, type TimestampParser } from './timestamp/parser';
import { utcZone } from './timestamp/zone';

const config = z.strictObject(partialLineArgs).superRefine(checkPartialLineArgs);

export type CriStageConfig = z.output<typeof config>;

// `<time> <stdout|stderr> <tags> <content>`; content may hold newlines, and an empty content may have lost its space to a trim.
const CRI_LINE = /^(\S+) (stdout|stderr) (\S+)(?: ([\s\S]*))?$/;

class CriStage implements Stage {
  readonly #time: TimestampParser = createTimestampParser('RFC3339Nano', utcZone);
  readonly #partials: PartialLines;
  readonly #counters: StageCounters;

  constructor(cfg: CriStageConfig, ctx: StageContext, now: () => bigint) {
    this.#partials = createPartialLines(cfg, 'content', now);
    this.#counters = ctx.counters;
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    const match = CRI_LINE.exec(entry.line);
    if (match === null) {
      // Not CRI: passed through unchanged, as Alloy's regex stage leaves it, and held partial lines wait on.
      this.#counters.parseFailed.inc();
      out.push(entry);
      return;
    }
    const time = match[1];
    const stream = match[2];
    const flags = match[3];
    const content = match[4] ?? '';
    const extracted = entry.extracted;
    extracted.time = time;
    extracted.stream = stream;
    extracted.flags = flags;
    extracted.content = content;
    // Set before the partial-line key is taken, as Alloy fingerprints the labels: stdout and stderr join apart.
    entry.labels.stream = stream;
    entry.line = content;
    const ts = this.#time.parse(time);
    // Alloy fudges a bad time from the stream's last one; here the entry keeps its own (read) time.
    if (ts === undefined) this.#counters.parseFailed.inc();
    else entry.timestampNs = ts;
    // The first tag decides, as kubelet reads CRI tags (`P`, `F`, later `P:x`).
    this.#partials.add(entry, flags === 'P' || flags.startsWith('P:'), out);
  }

  flush(out: LogEntry[], nowNs: bigint): void {
    this.#partials.flush(out, nowNs);
  }
}

/** Builds the stage with an injectable clock (tests pass a fake one). */
export function createCriStage(cfg: CriStageConfig, ctx: StageContext, now: () => bigint = nowNs): HoldingStage {
  return new CriStage(cfg, ctx, now);
}

export const criStage: StageDefinition<CriStageConfig> = {
  type: 'cri',
  description:
    'Parses the CRI log format (`<RFC3339Nano time> <stdout|stderr> <flags> <content>`, Kubernetes with containerd or CRI-O): extracts `time`, `stream`, `flags` and `content`, sets the `stream` label, the timestamp and the line (= content). Partial (`P`) lines are held per label set + stream and joined up to the next `F` line; held ones are sent after `max_partial_wait_time` and at shutdown. Lines that are not CRI pass unchanged and count as parse failures.',
  config,
  create: (cfg, ctx) => createCriStage(cfg, ctx),
};

import { z } from 'zod';
import { durationMs } from '../config/units';
import { nowNs, type LogEntry } from '../entry';
import { labelSetKey } from './label-set-key';
import type { Stage, StageContext, StageCounters, StageDefinition } from './stage';
import { createTimestampParser, type TimestampParser } from './timestamp/parser';
import { utcZone } from './timestamp/zone';

const config = z
  .strictObject({
    max_partial_lines: z.number().int().positive().default(100)
      .describe('Streams that may hold a partial (`P`) line at once; a partial line of one more stream first sends the one held longest.'),
    max_partial_line_size: z.number().int().nonnegative().default(0)
      .describe('Size in UTF-8 bytes a joined partial line is cut to when `max_partial_line_size_truncate` is on.'),
    max_partial_line_size_truncate: z.boolean().default(false)
      .describe('Cut joined partial lines to `max_partial_line_size` bytes (never inside a character).'),
    max_partial_wait_time: durationMs('Go duration')
      .refine((ms) => ms > 0, { message: 'max_partial_wait_time must be greater than 0' })
      .default(3000)
      .describe('A held partial line is sent as it is when its stream has had no new line for this long (Go duration, default 3s; not in Alloy, which holds it until the `F` line).'),
  })
  .superRefine((c, issues) => {
    if (c.max_partial_line_size_truncate && c.max_partial_line_size === 0) {
      issues.addIssue({ code: 'custom', path: ['max_partial_line_size_truncate'], message: 'needs max_partial_line_size greater than 0 (0 would empty every joined line)' });
    }
  });

export type CriStageConfig = z.output<typeof config>;

// `<time> <stdout|stderr> <tags> <content>`; content may hold newlines, and an empty content may have lost its space to a trim.
const CRI_LINE = /^(\S+) (stdout|stderr) (\S+)(?: ([\s\S]*))?$/;

interface HeldPartial {
  /** The stream's latest fragment; its line is the content joined so far. */
  entry: LogEntry;
  lastLineNs: bigint;
}

class CriStage implements Stage {
  readonly #time: TimestampParser = createTimestampParser('RFC3339Nano', utcZone);
  readonly #maxStreams: number;
  readonly #maxWaitNs: bigint;
  readonly #cut: ((line: string) => string) | undefined;
  readonly #counters: StageCounters;
  readonly #now: () => bigint;
  // Insertion order is kept least recently written first, so the stream held longest is evicted.
  readonly #held = new Map<string, HeldPartial>();

  constructor(cfg: CriStageConfig, ctx: StageContext, now: () => bigint) {
    this.#maxStreams = cfg.max_partial_lines;
    this.#maxWaitNs = BigInt(Math.round(cfg.max_partial_wait_time * 1e6));
    this.#cut = cfg.max_partial_line_size_truncate ? createUtf8Cutter(cfg.max_partial_line_size) : undefined;
    this.#counters = ctx.counters;
    this.#now = now;
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    const match = CRI_LINE.exec(entry.line);
    if (match === null) {
      // Not CRI: passed through unchanged, as Alloy's regex stage leaves it.
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
    entry.labels.stream = stream;
    entry.line = content;
    const ts = this.#time.parse(time);
    // Alloy fudges a bad time from the stream's last one; here the entry keeps its own (read) time.
    if (ts === undefined) this.#counters.parseFailed.inc();
    else entry.timestampNs = ts;
    // The first tag decides, as kubelet reads CRI tags (`P`, `F`, later `P:x`).
    const partial = flags === 'P' || flags.startsWith('P:');
    if (!partial && this.#held.size === 0) {
      out.push(entry);
      return;
    }
    // Keyed after `stream` is set, as Alloy fingerprints the labels: stdout and stderr join apart.
    const key = labelSetKey(entry.labels);
    const held = this.#held.get(key);
    if (held !== undefined) {
      this.#held.delete(key);
      this.#join(held.entry.line, entry);
    } else if (partial && this.#cut !== undefined) {
      entry.line = this.#cut(entry.line);
      extracted.content = entry.line;
    }
    if (!partial) {
      out.push(entry);
      return;
    }
    // Alloy sends every held stream at the bound, splitting lines that were about to complete; only the oldest goes here.
    if (held === undefined && this.#held.size >= this.#maxStreams) this.#releaseOldest(out);
    this.#held.set(key, { entry, lastLineNs: this.#now() });
  }

  flush(out: LogEntry[], nowNs: bigint): void {
    for (const [key, held] of this.#held) {
      if (nowNs - held.lastLineNs < this.#maxWaitNs) continue;
      this.#held.delete(key);
      out.push(held.entry);
    }
  }

  /** Puts the held content before the new fragment; `content` follows so later stages parse the whole line. */
  #join(before: string, entry: LogEntry): void {
    const line = before + entry.line;
    entry.line = this.#cut === undefined ? line : this.#cut(line);
    entry.extracted.content = entry.line;
  }

  #releaseOldest(out: LogEntry[]): void {
    const [key, held] = this.#held.entries().next().value!;
    this.#held.delete(key);
    out.push(held.entry);
  }
}

/** Cuts a line to at most `maxBytes` UTF-8 bytes; the encoder stops before a character that would not fit whole. */
function createUtf8Cutter(maxBytes: number): (line: string) => string {
  const encoder = new TextEncoder();
  const scratch = new Uint8Array(maxBytes);
  return (line) => {
    // n UTF-16 units never take more than 3n UTF-8 bytes: most lines need no encoding at all.
    if (line.length * 3 <= maxBytes) return line;
    const { read } = encoder.encodeInto(line, scratch);
    return read >= line.length ? line : line.slice(0, read);
  };
}

/** Builds the stage with an injectable clock (tests pass a fake one). */
export function createCriStage(cfg: CriStageConfig, ctx: StageContext, now: () => bigint = nowNs): Stage {
  return new CriStage(cfg, ctx, now);
}

export const criStage: StageDefinition<CriStageConfig> = {
  type: 'cri',
  description:
    'Parses the CRI log format (`<RFC3339Nano time> <stdout|stderr> <flags> <content>`, Kubernetes with containerd or CRI-O): extracts `time`, `stream`, `flags` and `content`, sets the `stream` label, the timestamp and the line (= content). Partial (`P`) lines are held per label set + stream and joined up to the next `F` line; held ones are sent after `max_partial_wait_time` and at shutdown. Lines that are not CRI pass unchanged and count as parse failures.',
  config,
  create: (cfg, ctx) => createCriStage(cfg, ctx),
};

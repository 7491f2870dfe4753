import { z } from 'zod';
import { durationMs } from '../schema/units';
import type { LogEntry } from '../entry';
import { cutUtf8 } from '../utf8';
import { labelSetKey } from '../labels/label-set-key';

/** The arguments that bound held partial lines, shared by the cri and docker stages (Alloy's names where Alloy has them). */
export const partialLineArgs = {
  max_partial_lines: z
    .number()
    .int()
    .positive()
    .default(100)
    .describe(
      'Streams that may hold a partial line at once; a partial line of one more stream first sends the one held longest.',
    ),
  max_partial_line_size: z
    .number()
    .int()
    .nonnegative()
    .default(0)
    .describe('Size in UTF-8 bytes a joined partial line is cut to when `max_partial_line_size_truncate` is on.'),
  max_partial_line_size_truncate: z
    .boolean()
    .default(false)
    .describe('Cut joined partial lines to `max_partial_line_size` bytes (never inside a character).'),
  max_partial_wait_time: durationMs('Go duration')
    .refine((ms) => ms > 0, { message: 'max_partial_wait_time must be greater than 0' })
    .default(3000)
    .describe(
      'A held partial line is sent as it is once its stream had no new line for this long (Go duration, default 3s). Not in Alloy, whose cri stage holds it until the line completes.',
    ),
};

export type PartialLineArgs = z.output<z.ZodObject<typeof partialLineArgs>>;

/** Config check for `partialLineArgs`: a 0-byte cut would empty every joined line. */
export function checkPartialLineArgs(args: PartialLineArgs, issues: z.RefinementCtx): void {
  if (args.max_partial_line_size_truncate && args.max_partial_line_size === 0) {
    issues.addIssue({
      code: 'custom',
      path: ['max_partial_line_size_truncate'],
      message: 'needs max_partial_line_size greater than 0 (0 would empty every joined line)',
    });
  }
}

interface HeldLine {
  /** The stream's latest fragment; its line is the text joined so far. */
  entry: LogEntry;
  lastLineNs: bigint;
}

/**
 * Partial lines held per stream (label set) until the fragment that completes them. The joined entry is the
 * last fragment's (timestamp, labels, extracted, as Alloy's cri stage), its line every fragment's text in order.
 */
export interface PartialLines {
  add(entry: LogEntry, partial: boolean, out: LogEntry[]): void;
  /** Sends the held lines whose stream had no fragment for the wait time (all of them at FLUSH_ALL_NS). */
  flush(out: LogEntry[], nowNs: bigint): void;
}

/** `textKey` is the extracted key that mirrors a joined line (cri `content`, docker `output`). */
export function createPartialLines(args: PartialLineArgs, textKey: string, now: () => bigint): PartialLines {
  return new HeldPartialLines(args, textKey, now);
}

class HeldPartialLines implements PartialLines {
  readonly #maxStreams: number;
  readonly #maxWaitNs: bigint;
  readonly #cut: ((line: string) => string) | undefined;
  // Mirrored so later stages that parse `content`/`output` see the whole line.
  readonly #textKey: string;
  readonly #now: () => bigint;
  // Insertion order is kept least recently written first, so the stream held longest is evicted.
  readonly #held = new Map<string, HeldLine>();

  constructor(args: PartialLineArgs, textKey: string, now: () => bigint) {
    this.#maxStreams = args.max_partial_lines;
    this.#maxWaitNs = BigInt(Math.round(args.max_partial_wait_time * 1e6));
    this.#cut = args.max_partial_line_size_truncate ? (line) => cutUtf8(line, args.max_partial_line_size) : undefined;
    this.#textKey = textKey;
    this.#now = now;
  }

  add(entry: LogEntry, partial: boolean, out: LogEntry[]): void {
    if (!partial && this.#held.size === 0) {
      out.push(entry);
      return;
    }
    const key = labelSetKey(entry.labels);
    const held = this.#held.get(key);
    if (held !== undefined) {
      this.#held.delete(key);
      this.#setLine(entry, held.entry.line + entry.line);
    } else if (partial && this.#cut !== undefined) {
      this.#setLine(entry, entry.line);
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

  #setLine(entry: LogEntry, line: string): void {
    entry.line = this.#cut === undefined ? line : this.#cut(line);
    entry.extracted[this.#textKey] = entry.line;
  }

  #releaseOldest(out: LogEntry[]): void {
    for (const [key, held] of this.#held) {
      this.#held.delete(key);
      out.push(held.entry);
      return;
    }
  }
}

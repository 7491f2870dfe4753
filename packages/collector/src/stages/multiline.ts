import { z } from 'zod';
import { durationMs } from '../schema/units';
import { copyLabels, nowNs, type LogEntry } from '../entry';
import { compileRe2 } from '../logql/re2';
import { labelSetKey } from '../labels/label-set-key';
import type { HoldingStage, Stage, StageDefinition } from './stage';

/** A `flush` time that releases every held block, whatever its age: what shutdown should pass. */
export const FLUSH_ALL_NS = 2n ** 63n;

// Streams whose block is empty are forgotten past this many, so label churn cannot grow memory without bound.
const MAX_IDLE_STREAMS = 10_000;

const config = z
  .object({
    firstline: z
      .string()
      .min(1)
      .describe(
        'RE2 expression matching the first line of a block; lines that do not match join the current block of their stream.',
      ),
    max_lines: z
      .number()
      .int()
      .min(0)
      .default(128)
      .describe('A block is sent once it has this many lines; 0: no limit (as in Promtail and Alloy).'),
    max_wait_time: durationMs('Go duration')
      .refine((ms) => ms > 0, { message: 'max_wait_time must be greater than 0' })
      .default(3000)
      .describe('A block is sent when its stream has had no new line for this long (Go duration, default 3s).'),
    trim_newlines: z
      .boolean()
      .default(true)
      .describe('Strip a trailing \\n or \\r\\n from each line before joining lines with \\n.'),
  })
  .strict()
  .superRefine((c, issues) => {
    try {
      compileRe2(c.firstline);
    } catch (err) {
      issues.addIssue({
        code: 'custom',
        path: ['firstline'],
        message: `invalid RE2 expression: ${(err as Error).message}`,
      });
    }
  });

export type MultilineStageConfig = z.infer<typeof config>;

interface StreamBlock {
  /** The entry of the block's first line: its labels, timestamp and extracted values go to the block. */
  start: LogEntry;
  lines: string;
  count: number;
  lastLineNs: bigint;
}

class MultilineStage implements Stage {
  readonly #firstline: RegExp;
  readonly #maxLines: number;
  readonly #maxWaitNs: bigint;
  readonly #trim: boolean;
  readonly #now: () => bigint;
  readonly #streams = new Map<string, StreamBlock>();

  constructor(cfg: MultilineStageConfig, now: () => bigint) {
    this.#firstline = compileRe2(cfg.firstline).regex;
    this.#maxLines = cfg.max_lines;
    this.#maxWaitNs = BigInt(Math.round(cfg.max_wait_time * 1e6));
    this.#trim = cfg.trim_newlines;
    this.#now = now;
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    const key = labelSetKey(entry.labels);
    const isFirst = this.#firstline.test(entry.line);
    let block = this.#streams.get(key);
    if (block === undefined) {
      // Lines before a stream's first firstline pass through untouched (Alloy).
      if (!isFirst) {
        out.push(entry);
        return;
      }
      if (this.#streams.size >= MAX_IDLE_STREAMS) this.#forgetIdleStreams();
      block = { start: entry, lines: '', count: 0, lastLineNs: 0n };
      this.#streams.set(key, block);
    } else if (isFirst) {
      this.#emit(block, out);
      block.start = entry;
    }
    const line = this.#trim ? trimNewline(entry.line) : entry.line;
    block.lines = block.count === 0 ? line : block.lines + '\n' + line;
    block.count++;
    block.lastLineNs = this.#now();
    if (this.#maxLines > 0 && block.count >= this.#maxLines) this.#emit(block, out);
  }

  flush(out: LogEntry[], nowNs: bigint): void {
    for (const block of this.#streams.values()) {
      if (block.count > 0 && nowNs - block.lastLineNs >= this.#maxWaitNs) this.#emit(block, out);
    }
  }

  /** Sends the block as one entry; its stream stays known, so later continuation lines reuse its first entry (Alloy). */
  #emit(block: StreamBlock, out: LogEntry[]): void {
    if (block.count === 0) return;
    const start = block.start;
    out.push({
      timestampNs: start.timestampNs,
      line: block.lines,
      labels: copyLabels(start.labels),
      structuredMetadata: { ...start.structuredMetadata },
      extracted: { ...start.extracted },
    });
    block.lines = '';
    block.count = 0;
  }

  #forgetIdleStreams(): void {
    for (const [key, block] of this.#streams) if (block.count === 0) this.#streams.delete(key);
  }
}

function trimNewline(line: string): string {
  if (!line.endsWith('\n')) return line;
  return line.endsWith('\r\n') ? line.slice(0, -2) : line.slice(0, -1);
}

/** Builds the stage with an injectable clock (tests pass a fake one). */
export function createMultilineStage(cfg: MultilineStageConfig, now: () => bigint = nowNs): HoldingStage {
  return new MultilineStage(cfg, now);
}

export const multilineStage: StageDefinition<MultilineStageConfig> = {
  type: 'multiline',
  description:
    'Joins lines into blocks per stream (label set): a line matching `firstline` starts a block, other lines join it; a block leaves at the next firstline, at `max_lines`, after `max_wait_time` without a new line, or at shutdown. The block keeps the labels, timestamp and extracted values of its first line.',
  config,
  create: (cfg) => createMultilineStage(cfg),
};

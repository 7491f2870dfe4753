import { z } from 'zod';
import { re2Schema } from '../schema/re2';
import { durationMs, sizeBytes } from '../schema/units';
import { nowNs, type LogEntry, extractedString } from '../entry';
import type { Stage, StageContext, StageDefinition } from './stage';

const config = z
  .strictObject({
    source: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Extracted key to test, or a comma-separated list: the values of those present are joined with `separator`. Alone, drops entries that have every key. Without it, `expression` tests the line.',
      ),
    separator: z.string().default(';').describe('Joins the values of several `source` keys.'),
    expression: re2Schema('RE2 expression; drop when it matches the source value (or the line).').optional(),
    value: z
      .string()
      .optional()
      .describe('Drop when the source value equals this exactly. Needs `source`; not with `expression`.'),
    older_than: durationMs('Drop entries whose timestamp is older than now minus this duration (e.g. 24h).').optional(),
    longer_than: sizeBytes('Drop lines longer than this many bytes (e.g. 8KB).').optional(),
    drop_counter_reason: z
      .string()
      .min(1)
      .default('drop_stage')
      .describe('Reason label on the dropped-entries counter.'),
  })
  .superRefine((c, ctx) => {
    if (
      c.source === undefined &&
      c.expression === undefined &&
      c.older_than === undefined &&
      c.longer_than === undefined
    ) {
      ctx.addIssue({ code: 'custom', message: 'set at least one of source, expression, older_than, longer_than' });
    }
    if (c.value !== undefined && c.expression !== undefined)
      ctx.addIssue({ code: 'custom', path: ['value'], message: '`value` and `expression` exclude each other' });
    if (c.value !== undefined && c.source === undefined)
      ctx.addIssue({ code: 'custom', path: ['value'], message: '`value` needs `source`' });
  });

export type DropStageConfig = z.output<typeof config>;

/** Every configured condition must hold for an entry to be dropped (use several drop stages for OR). */
class DropStage implements Stage {
  readonly #sources: string[] | undefined;
  readonly #separator: string;
  readonly #regex: RegExp | undefined;
  readonly #value: string | undefined;
  readonly #olderThanNs: bigint | undefined;
  readonly #longerThan: number | undefined;
  readonly #dropped: { inc(): void };

  constructor(c: DropStageConfig, ctx: StageContext) {
    this.#sources = c.source?.split(',').map((s) => s.trim());
    this.#separator = c.separator;
    this.#regex = c.expression?.regex;
    this.#value = c.value;
    this.#olderThanNs = c.older_than === undefined ? undefined : BigInt(Math.round(c.older_than * 1e6));
    this.#longerThan = c.longer_than;
    this.#dropped = ctx.counters.dropped(c.drop_counter_reason);
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    if (this.#shouldDrop(entry)) this.#dropped.inc();
    else out.push(entry);
  }

  #shouldDrop(entry: LogEntry): boolean {
    if (this.#olderThanNs !== undefined && entry.timestampNs >= nowNs() - this.#olderThanNs) return false;
    if (this.#longerThan !== undefined && Buffer.byteLength(entry.line) <= this.#longerThan) return false;
    if (this.#sources === undefined) return this.#regex === undefined || this.#regex.test(entry.line);
    if (this.#value === undefined && this.#regex === undefined) {
      for (const key of this.#sources) if (!(key in entry.extracted)) return false;
      return true;
    }
    // As Alloy: the values of the sources that exist, joined; a value that is not a scalar keeps the entry.
    let joined: string | undefined;
    for (const key of this.#sources) {
      if (!(key in entry.extracted)) continue;
      const v = extractedString(entry.extracted[key]);
      if (v === undefined) return false;
      joined = joined === undefined ? v : joined + this.#separator + v;
    }
    joined ??= '';
    if (this.#value !== undefined) return joined === this.#value;
    return (this.#regex as RegExp).test(joined);
  }
}

export const dropStage: StageDefinition<DropStageConfig> = {
  type: 'drop',
  description: 'Drops entries for which every configured condition holds, counting them by `drop_counter_reason`.',
  config,
  create: (c, ctx) => new DropStage(c, ctx),
};

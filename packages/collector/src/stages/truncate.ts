import { z } from 'zod';
import { sizeBytes } from '../schema/units';
import type { Labels, LogEntry } from '../entry';
import { cutUtf8 } from '../utf8';
import type { Stage, StageContext, StageDefinition } from './stage';
import { counter } from '../telemetry/metric-factory';

type SourceType = 'line' | 'label' | 'structured_metadata' | 'extracted';
const TRUNCATED_METRIC = 'collector_stage_truncated_fields_total';

const rule = z
  .object({
    limit: sizeBytes('Maximum size in bytes (`1KiB`, `256`) including the suffix.'),
    suffix: z.string().default('').describe('Appended to truncated values; counts towards the limit.'),
    sources: z
      .array(z.string().min(1))
      .default([])
      .describe(
        'Names to truncate (labels, structured metadata or extracted keys); empty means all. Not allowed for source_type line.',
      ),
    source_type: z
      .enum(['line', 'label', 'structured_metadata', 'extracted'])
      .default('line')
      .describe('What to truncate.'),
  })
  .strict()
  .superRefine((r, issues) => {
    if (r.limit <= 0) issues.addIssue({ code: 'custom', path: ['limit'], message: 'limit must be greater than zero' });
    if (r.source_type === 'line' && r.sources.length > 0)
      issues.addIssue({
        code: 'custom',
        path: ['sources'],
        message: "sources cannot be set when source_type is 'line'",
      });
    if (r.suffix !== '' && Buffer.byteLength(r.suffix) >= r.limit)
      issues.addIssue({
        code: 'custom',
        path: ['suffix'],
        message: 'suffix length cannot be greater than or equal to limit',
      });
  });

const config = z
  .object({
    rule: z
      .array(rule)
      .min(1, { message: 'at least one truncate rule must be defined' })
      .describe('Truncation rules (Alloy `rule` blocks), applied in order.'),
  })
  .strict();

export type TruncateStageConfig = z.infer<typeof config>;

interface CompiledRule {
  sourceType: SourceType;
  /** Bytes kept before the suffix. */
  keep: number;
  suffix: string;
  sources: string[];
}

/** Cuts to at most `keep` UTF-8 bytes, never inside a character, and adds the suffix; undefined when it fits in `keep` (Alloy). */
function truncated(value: string, keep: number, suffix: string): string | undefined {
  const cut = cutUtf8(value, keep);
  return cut === value ? undefined : cut + suffix;
}

class TruncateStage implements Stage {
  readonly #rules: CompiledRule[];
  readonly #counts: Record<SourceType, { inc(): void }>;
  readonly #marked = new Set<SourceType>();

  constructor(cfg: TruncateStageConfig, ctx: StageContext) {
    this.#rules = cfg.rule.map((r) => ({
      sourceType: r.source_type,
      keep: r.limit - Buffer.byteLength(r.suffix),
      suffix: r.suffix,
      sources: r.sources,
    }));
    const truncated = counter(
      ctx.registry,
      TRUNCATED_METRIC,
      'Lines, labels, structured metadata or extracted values truncated by a truncate stage',
      ['stage', 'field'],
    );
    const child = (field: SourceType) => truncated.labels({ stage: ctx.name, field });
    this.#counts = {
      line: child('line'),
      label: child('label'),
      structured_metadata: child('structured_metadata'),
      extracted: child('extracted'),
    };
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    const marked = this.#marked;
    marked.clear();
    for (const r of this.#rules) {
      if (r.sourceType === 'line') {
        const cut = truncated(entry.line, r.keep, r.suffix);
        if (cut !== undefined) {
          entry.line = cut;
          this.#mark('line');
        }
      } else if (r.sourceType === 'label') this.#truncateMap(entry.labels, r);
      else if (r.sourceType === 'structured_metadata') this.#truncateMap(entry.structuredMetadata, r);
      else this.#truncateMap(entry.extracted, r);
    }
    if (marked.size > 0) {
      // Record what was cut in extracted.truncated, merged with earlier truncate stages (Alloy).
      const previous = entry.extracted.truncated;
      if (typeof previous === 'string') for (const f of previous.split(',')) if (f !== '') marked.add(f as SourceType);
      entry.extracted.truncated = [...marked].sort().join(',');
    }
    out.push(entry);
  }

  #truncateMap(map: Labels | Record<string, unknown>, r: CompiledRule): void {
    const names = r.sources.length > 0 ? r.sources : Object.keys(map);
    for (const name of names) {
      const value = map[name];
      if (typeof value !== 'string') continue;
      const cut = truncated(value, r.keep, r.suffix);
      if (cut === undefined) continue;
      map[name] = cut;
      this.#mark(r.sourceType);
    }
  }

  #mark(field: SourceType): void {
    this.#counts[field].inc();
    this.#marked.add(field);
  }
}

export const truncateStage: StageDefinition<TruncateStageConfig> = {
  type: 'truncate',
  description:
    'Truncates the line, labels, structured metadata or extracted values longer than `limit` bytes (never inside a UTF-8 character), appending `suffix`. Records the truncated fields in extracted.truncated and counts them in collector_stage_truncated_fields_total{stage,field}.',
  config,
  create: (cfg, ctx) => new TruncateStage(cfg, ctx),
};

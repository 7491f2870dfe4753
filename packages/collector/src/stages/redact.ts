import { createRedactor, piiTypes, type PiiType, type Redactor } from '@obs/pii';
import { jsonText } from '@obs/schema';
import { z } from 'zod';
import type { Labels, LogEntry } from '../entry';
import { counter } from '../telemetry/metric-factory';
import type { Stage, StageContext, StageDefinition } from './stage';
import { present } from '../errors';

const REDACTIONS_METRIC = 'collector_stage_redactions_total';

const config = z
  .object({
    source: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Extracted key to redact instead of the line and its structured metadata; strings are redacted, maps and lists as one record (each value beside its key), other values left alone.',
      ),
    types: z
      .array(z.enum(piiTypes as [PiiType, ...PiiType[]]))
      .min(1)
      .optional()
      .describe(`PII types to replace; all when omitted: ${piiTypes.join(', ')}.`),
    hash_key: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Secret key for hashed placeholders (`<EMAIL:3f9a1c2e>`, HMAC-SHA256) so equal values stay correlatable; plain `<EMAIL>` without it. Pass it as ${ENV_VAR}; it is never logged.',
      ),
  })
  .strict();

export type RedactStageConfig = z.infer<typeof config>;

class RedactStage implements Stage {
  readonly #redactor: Redactor;
  readonly #source: string | undefined;
  readonly #counts: Map<PiiType, { inc(n?: number): void }>;
  readonly #single: LogEntry[] = [];

  constructor(cfg: RedactStageConfig, ctx: StageContext) {
    this.#redactor = createRedactor({ types: cfg.types, hashKey: cfg.hash_key });
    this.#source = cfg.source;
    const redactions = counter(ctx.registry, REDACTIONS_METRIC, 'PII values replaced by a redact stage, by PII type', [
      'stage',
      'type',
    ]);
    this.#counts = new Map(this.#redactor.types.map((type) => [type, redactions.labels({ stage: ctx.name, type })]));
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    this.#single[0] = entry;
    this.updateBatch(this.#single);
    out.push(entry);
  }

  // The batch's texts are redacted together (redactBatch), and its records (structured metadata, maps) together
  // (redactRecords): each detector runs over all of them while its patterns are hot in the CPU's caches, the same
  // redactions as one by one.
  updateBatch(entries: readonly LogEntry[]): void {
    const source = this.#source;
    if (source === undefined) {
      const lines = this.#redactTexts(entries.map((entry) => entry.line));
      entries.forEach((entry, i) => (entry.line = lines[i] as string));
      // Structured metadata leaves with the line (OTLP record attributes land there): redacted too.
      this.#redactMetadata(entries.map((entry) => entry.structuredMetadata));
      return;
    }
    const withText: LogEntry[] = [];
    const withRecord: LogEntry[] = [];
    for (const entry of entries) {
      const value = entry.extracted[source];
      if (typeof value === 'string') withText.push(entry);
      else if (value !== null && typeof value === 'object') withRecord.push(entry);
    }
    const texts = this.#redactTexts(withText.map((entry) => entry.extracted[source] as string));
    withText.forEach((entry, i) => (entry.extracted[source] = texts[i] as string));
    const records = this.#redactRecords(withRecord.map((entry) => entry.extracted[source])).map((r) => r.value);
    withRecord.forEach((entry, i) => (entry.extracted[source] = records[i]));
  }

  /**
   * Each entry's structured metadata redacted as one record, each value beside its key and its siblings
   * (`"user_name":"…"`, `{"type":"user","name":"…"}`); values that are JSON text (an OTLP map) are read as the objects
   * they hold.
   */
  #redactMetadata(all: readonly Labels[]): void {
    const withKeys = all.filter((metadata) => Object.keys(metadata).length > 0);
    const records = withKeys.map((metadata) => {
      const record: Record<string, unknown> = {};
      for (const key of Object.keys(metadata)) record[key] = jsonMapOrText(metadata[key] as string);
      return record;
    });
    this.#redactRecords(records).forEach(({ value, counts }, i) => {
      // Every replacement is counted: none means the record came back as it was.
      if (Object.keys(counts).length > 0)
        writeMetadata(withKeys[i] as Labels, records[i] as Record<string, unknown>, value as Record<string, unknown>);
    });
  }

  /** The records redacted in one batch, their replacements counted. */
  #redactRecords(values: readonly unknown[]) {
    const results = this.#redactor.redactRecords(values);
    for (const result of results) this.#count(result.counts);
    return results;
  }

  // A JSON line (a structured body, an extracted map as the json stage writes it) is redacted as a record in place:
  // each value as it reads alone, its own quotes and line breaks kept, the line still JSON.
  #redactTexts(texts: readonly string[]): string[] {
    return this.#redactor.redactLines(texts).map((result) => {
      this.#count(result.counts);
      return result.text;
    });
  }

  #count(counts: Partial<Record<PiiType, number>>): void {
    for (const type in counts)
      present(this.#counts.get(type as PiiType), 'the counter of a PII type (one per type)').inc(
        counts[type as PiiType],
      );
  }
}

/** Writes a redacted record back into the metadata it was read from (`record`: the metadata as read). */
function writeMetadata(metadata: Labels, record: Record<string, unknown>, redacted: Record<string, unknown>): void {
  const keys = Object.keys(record);
  const names = Object.keys(redacted);
  const renamed = names.some((name, i) => name !== keys[i]);
  // A PII key renamed: the metadata is written anew, as a rename in place could overwrite a key not yet renamed.
  if (renamed) for (const key of keys) delete metadata[key];
  names.forEach((name, i) => {
    const was = record[keys[i] as string];
    const now = redacted[name];
    if (typeof now === 'string') {
      metadata[name] = now;
      return;
    }
    // A map that was JSON text is written back only when redacted, so its spelling is otherwise kept.
    const text = jsonText(now as object);
    if (renamed || text !== jsonText(was as object)) metadata[name] = text;
  });
}

/** A value that is JSON text of a map or list, parsed (at any depth); any other value stays text. */
function jsonMapOrText(value: string): unknown {
  if (value[0] !== '{' && value[0] !== '[') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

export const redactStage: StageDefinition<RedactStageConfig> = {
  type: 'redact',
  description:
    'Replaces PII (emails, phone numbers, card numbers, IBANs, IPs, tokens, keys, secrets in key=value pairs...) in the line and its structured metadata (one record, each value read beside its key; keys that are PII too), or in an extracted value, with placeholders like `<EMAIL>`, using packages/pii. A line or value that is a JSON object or array is redacted as a record and stays JSON: each value as it reads alone, its own quotes and line breaks kept, the rest of its spelling unchanged. Counts replacements in collector_stage_redactions_total{stage,type}.',
  config,
  create: (cfg, ctx) => new RedactStage(cfg, ctx),
};

import type { Candidate } from './detectors/detector';
import type { RedactorOptions } from './options';
import type { PiiType } from './pii-type';
import { createPlaceholderWriter } from './placeholder';
import { jsonRecordOf, writeBack } from './redact-json-text';
import {
  redactRecords,
  redactRecordsWalked,
  type RecordRedaction,
  type RecordRedactionResult,
  type WalkedRecordRedactionResult,
} from './redact-record';
import type { Replacement } from './redacted-offset';
import { createCompiledScanner } from './scanner';

export interface RedactionResult {
  text: string;
  /** Replacements made, per type; types with none are absent. */
  counts: Partial<Record<PiiType, number>>;
}

/** A redaction that also says where each replacement stands (redactBatchWithReplacements). */
export interface MappedRedactionResult extends RedactionResult {
  /** The replacements, in order: where an offset of the text stands in the redacted one (redactedOffset). */
  replacements: readonly Replacement[];
  /** True when redactLines read the text as a JSON record (and wrote it back); absent when it was redacted as a line. */
  asRecord?: true;
}

export interface Redactor {
  redact(text: string): RedactionResult;
  /** The redaction of each text, in order: the same as redact() on each, faster on a batch of hundreds of lines
   * (each detector runs over the whole batch while its patterns are hot in the CPU's caches). */
  redactBatch(texts: readonly string[]): RedactionResult[];
  /** redactBatch's results, each with the list of its replacements, for a caller that maps offsets of a text into its
   * redacted text (redactedOffset): only that caller pays for the list. */
  redactBatchWithReplacements(texts: readonly string[]): MappedRedactionResult[];
  /** Deep copy of a record (objects, arrays, strings) with PII replaced, each value read beside its key and siblings
   * as in the record's JSON text, keys that are PII themselves included; values under secret-named keys replaced. */
  redactRecord(value: unknown): RecordRedactionResult;
  /** The redaction of each record, in order: the same as redactRecord() on each, faster on a batch of hundreds (the
   * records' texts are scanned as one batch, as redactBatch does). */
  redactRecords(values: readonly unknown[]): RecordRedactionResult[];
  /** Log lines as a pipeline carries them: a line that is a JSON object or array is redacted as a record (each value as
   * it reads alone, its own quotes and line breaks kept) and written back in place, the rest of its spelling kept; any
   * other line as redactBatch redacts it. */
  redactLines(texts: readonly string[]): RedactionResult[];
  /** redactLines' results, each with the list of its replacements (redactBatchWithReplacements'; in a JSON line, each
   * key, string or number spelled anew is one). */
  redactLinesWithReplacements(texts: readonly string[]): MappedRedactionResult[];
  readonly types: readonly PiiType[];
}

const noReplacements: readonly Replacement[] = Object.freeze([]);

/** Compiles the enabled detectors and the placeholder policy once; redact() then only runs them. */
export function createRedactor(options: RedactorOptions = {}): Redactor {
  const scanner = createCompiledScanner(options);
  const placeholder = createPlaceholderWriter(options.hashKey);
  const secretKvEnabled = scanner.types.includes('secret_kv');
  const hashed = options.hashKey !== undefined;

  // Plain placeholders carry no value: the value is normalized only for hash mode.
  const tag: (type: PiiType, value: string) => string = hashed
    ? (type, value) => placeholder(type, scanner.detector(type).normalize(value))
    : (type) => placeholder(type, '');

  /** The text with its matches replaced; each replacement is noted in `replacements` when a caller asks for them. */
  function replaced(text: string, matches: readonly Candidate[], replacements: Replacement[] | undefined): string {
    let out = '';
    let last = 0;
    for (const m of matches) {
      // The value is cut only for hash mode (a plain placeholder ignores it).
      const placeholderText = tag(m.type, hashed ? text.slice(m.start, m.end) : '');
      out += text.slice(last, m.start);
      replacements?.push({ start: m.start, end: m.end, at: out.length, length: placeholderText.length });
      out += placeholderText;
      last = m.end;
    }
    return out + text.slice(last);
  }

  const redactResolved = (text: string, matches: readonly Candidate[]): RedactionResult =>
    matches.length === 0
      ? { text, counts: {} }
      : { text: replaced(text, matches, undefined), counts: countByType(matches) };

  function redactMapped(text: string, matches: readonly Candidate[]): MappedRedactionResult {
    if (matches.length === 0) return { text, counts: {}, replacements: noReplacements };
    const replacements: Replacement[] = [];
    return { text: replaced(text, matches, replacements), counts: countByType(matches), replacements };
  }

  const records: RecordRedaction = { resolveBatch: scanner.resolveBatch, tag, secretKeys: secretKvEnabled };
  const redactBatch = (texts: readonly string[]): RedactionResult[] =>
    scanner.resolveBatch(texts).map((matches, t) => redactResolved(texts[t] as string, matches));

  const redactBatchWithReplacements = (texts: readonly string[]): MappedRedactionResult[] =>
    scanner.resolveBatch(texts).map((matches, t) => redactMapped(texts[t] as string, matches));

  /** JSON lines as records (jsonRecordOf: a JSON text whose record holds all it spells), the others as lines, each kind
   * in one batch.
   * With `mapped`, each result also lists its replacements. */
  function redactLinesOf<R extends RedactionResult>(texts: readonly string[], mapped: boolean): R[] {
    const json = texts.map(jsonRecordOf);
    const objects = json.filter((value): value is object => value !== undefined);
    const results: (RedactionResult | MappedRedactionResult | undefined)[] = new Array(texts.length);
    const redacted = objects.length === 0 ? [] : redactRecordsWalked(objects, records);
    let next = 0;
    json.forEach((value, i) => {
      if (value === undefined) return;
      const result = redacted[next++] as WalkedRecordRedactionResult;
      const replacements: Replacement[] | undefined = mapped ? [] : undefined;
      const text = writeBack(texts[i] as string, value, result, replacements);
      results[i] =
        replacements === undefined
          ? { text, counts: result.counts }
          : {
              text,
              counts: result.counts,
              replacements: replacements.length === 0 ? noReplacements : replacements,
              asRecord: true,
            };
    });
    const lines = texts.filter((_, i) => results[i] === undefined);
    const redactedLines = lines.length === 0 ? [] : mapped ? redactBatchWithReplacements(lines) : redactBatch(lines);
    let line = 0;
    return texts.map((_, i) => (results[i] ?? redactedLines[line++]) as R);
  }

  return Object.freeze({
    types: scanner.types,
    // One text is a batch of one (resolve): the same code path.
    redact: (text: string) => redactResolved(text, scanner.resolve(text)),
    redactBatch,
    redactBatchWithReplacements,
    // One record is a batch of one: the same code path.
    redactRecord: (value: unknown) => redactRecords([value], records)[0] as RecordRedactionResult,
    redactRecords: (values: readonly unknown[]) => redactRecords(values, records),
    redactLines: (texts: readonly string[]) => redactLinesOf<RedactionResult>(texts, false),
    redactLinesWithReplacements: (texts: readonly string[]) => redactLinesOf<MappedRedactionResult>(texts, true),
  });
}

/**
 * Replacements per type, keys in the order each type first occurs. A line has a handful of matches: each type's count
 * is stored once, after counting its later matches, instead of read and written back per match (a property read and
 * write by a varying key is a slow, megamorphic access on a fresh object); a hostile line with thousands counts in a Map.
 */
function countByType(matches: readonly Candidate[]): Partial<Record<PiiType, number>> {
  const counts: Partial<Record<PiiType, number>> = {};
  if (matches.length > 16) {
    const tally = new Map<PiiType, number>();
    for (const m of matches) tally.set(m.type, (tally.get(m.type) ?? 0) + 1);
    for (const [type, count] of tally) counts[type] = count;
    return counts;
  }
  for (let i = 0; i < matches.length; i++) {
    const type = (matches[i] as Candidate).type;
    let seen = false;
    for (let j = 0; j < i && !seen; j++) seen = (matches[j] as Candidate).type === type;
    if (seen) continue;
    let count = 1;
    for (let j = i + 1; j < matches.length; j++) if ((matches[j] as Candidate).type === type) count++;
    counts[type] = count;
  }
  return counts;
}

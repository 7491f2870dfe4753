import { randomUUID } from 'node:crypto';
import type { ItemType } from '@obs/schema';
import {
  createHeaderParser,
  createRulesClassifier,
  maskTokens,
  type HeaderParser,
  StreamParsers,
  type RulesClassifier,
  type StatedLevel,
  type TemplateMiner,
} from '@obs/classification';
import {
  createRedactor,
  redactedOffset,
  type MappedRedactionResult,
  type PiiType,
  type RecordRedactionResult,
  type RedactionResult,
  type Redactor,
  type Replacement,
} from '@obs/pii';
import type { Metrics } from '../observability/metrics';
import type { Classification, RedactedItem } from '../classifiers/classifier';
import type { ItemPreparer } from './item-preparer';
import { itemText } from './item-text';

export type { Redactor };

export interface IncomingItem {
  readonly id?: string;
  readonly type: ItemType;
  readonly payload: string | Record<string, unknown>;
  readonly attributes?: Record<string, unknown>;
  /** When it happened, as the client wrote it: /sort echoes it, so it is redacted here with the item. */
  readonly timestamp?: string;
}

/** An item after the per-item work (id, header, redaction, masking, rules): plain data, so it is done on worker
 * threads and posted back. */
export interface RedactedLine {
  readonly id: string;
  readonly type: ItemType;
  /** The redacted text the classifiers and the LLM see: the whole line, header included. */
  readonly text: string;
  /** The redacted message without its header (timestamp, level, host, pid...), split and masked for the template miner. */
  readonly messageTokens: string[];
  /** The level the line's header or the item's attributes state. */
  readonly level?: StatedLevel;
  readonly attributes?: Record<string, unknown>;
  /** The item's timestamp, redacted. */
  readonly timestamp?: string;
  /** The rules' decision, made here so the chain's last resort costs the main thread nothing. */
  readonly byRules: Classification;
}

/** The per-item step's output for some items, and the replacements made in them per PII type (counted into the
 * metrics on the main thread). */
export interface PreparedLines {
  readonly lines: RedactedLine[];
  readonly redactions: Partial<Record<PiiType, number>>;
}

/** What the per-item step uses: built from the same plain options on the main thread and in every worker thread. */
export interface ItemTools {
  readonly redactor: Redactor;
  readonly parsers: StreamParsers;
  /** Reads a redacted JSON line's message field (learns nothing: a JSON line never reaches the learner). */
  readonly jsonLines: HeaderParser;
  readonly rules: RulesClassifier;
}

export interface ItemToolOptions {
  /** PII_HASH_KEY: hashed placeholders when set. */
  readonly piiHashKey?: string;
}

export function createItemTools(options: ItemToolOptions): ItemTools {
  return {
    redactor: createRedactor(options.piiHashKey ? { hashKey: options.piiHashKey } : {}),
    // Header parsers learn per stream; beyond this many streams the least recently seen one starts over.
    parsers: new StreamParsers(1000),
    jsonLines: createHeaderParser({ learn: false }),
    rules: createRulesClassifier(),
  };
}

/** The attributes the classifiers see: a structured payload's own fields (its level, status...) under the item's attributes. */
function attributesOf(item: IncomingItem): Record<string, unknown> | undefined {
  if (typeof item.payload === 'string') return item.attributes;
  return { ...item.payload, ...item.attributes };
}

/** What redactItems redacted for an item in the batch's passes: its string body, or its attributes as a record, and its
 * timestamp. */
interface RedactedInBatch {
  readonly line: MappedRedactionResult | undefined;
  readonly record: RecordRedactionResult | undefined;
  readonly timestamp: RedactionResult | undefined;
}

/**
 * The per-item step, run on worker threads: assigns a missing id, splits the line's header from its message, takes
 * the line and the attributes as redacted in their batch (redactItems), masks the message for the miner and takes the
 * rules' decision. Only the header parsers keep state (each worker learns the streams it sees); the template miner, the
 * cache and the metrics stay on the main thread: keep them out of here. Adds the replacements made in the line (and in
 * a decoded message) to `redactions`.
 */
function redactItem(
  item: IncomingItem,
  rawAttributes: Record<string, unknown> | undefined,
  redacted: RedactedInBatch,
  tools: ItemTools,
  redactions: Partial<Record<PiiType, number>>,
): RedactedLine {
  const { redactor, parsers, jsonLines, rules } = tools;
  const raw = itemText(item.payload);
  const parsed = parsers.for(rawAttributes).parse(raw, rawAttributes);
  const add = (counts: Partial<Record<PiiType, number>>): void => {
    for (const [type, n] of Object.entries(counts) as Array<[PiiType, number]>)
      redactions[type] = (redactions[type] ?? 0) + n;
  };
  const redact = (part: string): string => {
    const { text, counts } = redactor.redact(part);
    add(counts);
    return text;
  };
  const { record } = redacted;
  const attributes = record?.value as Record<string, unknown> | undefined;
  let text: string;
  /** The replacements made in the line, when `text` is the line redacted. */
  let replacements: readonly Replacement[] | undefined;
  /** Whether the line was redacted as a JSON record (not as text, which misses an escaped value). */
  let asRecord = false;
  if (typeof item.payload !== 'string' && record !== undefined && itemText(rawAttributes ?? {}) === raw) {
    // A structured payload's text (its message field, or the whole record) comes from the redacted record.
    text = itemText(attributes ?? {});
    add(record.counts);
  } else {
    // The whole line is redacted at once: a value is often known only by words on the other side of the header's
    // end (`sudo:   jdoe : TTY=...`, `[pid 3321] [jdoe] FAIL LOGIN`), so the header and the message apart would each keep it.
    const line = redacted.line ?? (redactor.redactLinesWithReplacements([raw])[0] as MappedRedactionResult);
    add(line.counts);
    text = line.text;
    replacements = line.replacements;
    asRecord = line.asRecord === true;
  }
  let message: string;
  if (parsed.messageStart === 0) message = parsed.message === raw ? text : redact(parsed.message);
  else if (parsed.message === raw.slice(parsed.messageStart)) {
    // The message is the redacted line from where the header ends in it; a value running across the header's end is
    // the message's, whole. A record's message field maps no offsets: there the header is redacted alone as well, and
    // the message starts where the two stop agreeing.
    const at =
      replacements === undefined
        ? commonPrefixLength(text, redactor.redact(raw.slice(0, parsed.messageStart)).text)
        : redactedOffset(replacements, parsed.messageStart);
    message = text.slice(at);
  } else if (parsed.shape === 'json' && asRecord && jsonLineStart.test(raw)) {
    // A JSON line was redacted as a record (each value beside its key and siblings, as well as alone): its message is
    // the same field of the redacted line, or, when nothing was replaced, the field as it was. (A JSON line behind a
    // container runtime's prefix was redacted as text, which misses an escaped value such as `\u0040` that the parser
    // decoded: its message is redacted on its own, below.)
    const field = text === raw ? parsed : jsonLines.parse(text);
    message = field.shape === 'json' ? field.message : redact(parsed.message);
  } else {
    // A logfmt line whose message is a decoded field value: the message is redacted on its own as well.
    message = redact(parsed.message);
  }
  const r = rules.classify({ text, type: item.type, attributes });
  if (redacted.timestamp !== undefined) add(redacted.timestamp.counts);
  return {
    // A client-chosen id is client data like any other: it reaches the LLM, logs and the response only redacted.
    id: item.id === undefined ? randomUUID() : redactor.redact(item.id).text,
    type: item.type,
    text,
    messageTokens: maskTokens(message),
    level: parsed.level,
    attributes,
    timestamp: redacted.timestamp?.text,
    byRules: {
      severity: r.severity,
      category: r.category,
      forwardTo: r.forwardTo,
      confidence: r.confidence,
      reason: r.reason,
      decidedBy: 'rules',
    },
  };
}

/** A line that is a JSON object from its first character on (JSON's whitespace aside). */
const jsonLineStart = /^[ \t\r\n]*\{/;

function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Mines each item's template, in order: the one stateful step (the miner learns), kept apart from the per-item work. */
export function mineTemplates(lines: readonly RedactedLine[], miner: TemplateMiner): RedactedItem[] {
  return lines.map((line) => {
    const match = miner.addMasked(line.messageTokens);
    // One literal of a fixed shape (an absent level is undefined): spreading into a copy cost more than the mining.
    return {
      id: line.id,
      type: line.type,
      text: line.text,
      attributes: line.attributes,
      level: line.level,
      timestamp: line.timestamp,
      byRules: line.byRules,
      templateId: match.templateId,
      template: match.template,
      answerKey: match.answerKey,
    };
  });
}

/** Ids unique within the batch again after redaction (`a@x.io` and `b@y.io` both became `<EMAIL>`): `<EMAIL>#2`. */
export function keepIdsApart(lines: RedactedLine[]): RedactedLine[] {
  const seen = new Set<string>();
  return lines.map((line) => {
    let id = line.id;
    for (let n = 2; seen.has(id); n++) id = `${line.id}#${n}`;
    seen.add(id);
    return id === line.id ? line : { ...line, id };
  });
}

/** The per-item step over some items, in order. The string bodies are redacted first, as one batch (a JSON body as a
 * record written back in place, as the collector redacts a JSON line), the items' attributes (a structured payload's
 * fields among them) as another batch of records, and the timestamps /sort echoes as a third: each detector then runs
 * over all of them while its patterns are hot in the CPU's caches (the same redactions as one by one). */
export function redactItems(items: readonly IncomingItem[], tools: ItemTools): PreparedLines {
  const redactions: Partial<Record<PiiType, number>> = {};
  const bodies = items.flatMap((item) => (typeof item.payload === 'string' ? [item.payload] : []));
  const lines = tools.redactor.redactLinesWithReplacements(bodies);
  const rawAttributes = items.map(attributesOf);
  // Each value is read beside its key and its siblings (`"auth":"…"`, `"user.name":"…"`, `{"type":"user","name":"…"}`
  // say nothing alone).
  const records = tools.redactor.redactRecords(rawAttributes.filter((a) => a !== undefined));
  const stamps = items.flatMap((item) => (item.timestamp === undefined ? [] : [item.timestamp]));
  const timestamps = stamps.length === 0 ? [] : tools.redactor.redactBatch(stamps);
  let nextLine = 0;
  let nextRecord = 0;
  let nextTimestamp = 0;
  const prepared = items.map((item, i) => {
    const attributes = rawAttributes[i];
    const redacted: RedactedInBatch = {
      line: typeof item.payload === 'string' ? lines[nextLine++] : undefined,
      record: attributes === undefined ? undefined : records[nextRecord++],
      timestamp: item.timestamp === undefined ? undefined : timestamps[nextTimestamp++],
    };
    return redactItem(item, attributes, redacted, tools, redactions);
  });
  return { lines: prepared, redactions };
}

/** The sorter's preparation of a batch: the per-item step (on worker threads), then counting redactions and mining, in order. */
export async function prepareItems(
  items: readonly IncomingItem[],
  deps: { preparer: ItemPreparer; miner: TemplateMiner; metrics: Metrics },
): Promise<RedactedItem[]> {
  const { lines, redactions } = await deps.preparer.prepare(items);
  for (const [type, n] of Object.entries(redactions)) if (n) deps.metrics.redactions.inc({ type }, n);
  return mineTemplates(keepIdsApart(lines), deps.miner);
}

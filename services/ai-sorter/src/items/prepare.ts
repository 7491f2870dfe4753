import { randomUUID } from 'node:crypto';
import type { ItemType } from '@obs/schema';
import type { Redactor } from '@obs/pii';
import type { StatedLevel, StreamParsers, TemplateMiner } from '@obs/classification';
import type { Metrics } from '../observability/metrics';
import type { RedactedItem } from '../classifiers/classifier';
import { itemText } from './item-text';

export type { Redactor };

export interface IncomingItem {
  readonly id?: string;
  readonly type: ItemType;
  readonly payload: string | Record<string, unknown>;
  readonly attributes?: Record<string, unknown>;
}

/** An item after the per-item work (id, header, redaction): plain data, so it can be done on any thread. */
export interface RedactedLine {
  readonly id: string;
  readonly type: ItemType;
  /** The redacted text the classifiers and the LLM see: the whole line, header included. */
  readonly text: string;
  /** The redacted message without its header (timestamp, level, host, pid...): what is mined for its template. */
  readonly message: string;
  /** The level the line's header or the item's attributes state. */
  readonly level?: StatedLevel;
  readonly attributes?: Record<string, unknown>;
}

/** The attributes the classifiers see: a structured payload's own fields (its level, status...) under the item's attributes. */
function attributesOf(item: IncomingItem): Record<string, unknown> | undefined {
  if (typeof item.payload === 'string') return item.attributes;
  return { ...item.payload, ...item.attributes };
}

/** Assigns a missing id, splits the line's header from its message, and redacts both and the attributes (counting
 * redactions by type). Header and message are redacted apart, so that each is redacted once. */
export function redactItem(item: IncomingItem, deps: { redactor: Redactor; parsers: StreamParsers; metrics: Metrics }): RedactedLine {
  const { redactor, parsers, metrics } = deps;
  const raw = itemText(item.payload);
  const attributes = attributesOf(item);
  const parsed = parsers.for(attributes).parse(raw, attributes);
  const redact = (part: string): string => {
    const { text, counts } = redactor.redact(part);
    for (const [type, n] of Object.entries(counts)) if (n) metrics.redactions.inc({ type }, n);
    return text;
  };
  let text: string;
  let message: string;
  if (parsed.message === raw.slice(parsed.messageStart)) {
    message = redact(parsed.message);
    text = parsed.messageStart === 0 ? message : redact(raw.slice(0, parsed.messageStart)) + message;
  } else {
    // A JSON or logfmt line whose message is a decoded field value: the line and the message are redacted each.
    text = redact(raw);
    message = redact(parsed.message);
  }
  return {
    id: item.id ?? randomUUID(),
    type: item.type,
    text,
    message,
    ...(parsed.level === undefined ? {} : { level: parsed.level }),
    attributes: attributes === undefined ? undefined : (redactor.redactValue(attributes) as Record<string, unknown>),
  };
}

/** Mines each item's template, in order: the one stateful step (the miner learns), kept apart from the per-item work. */
export function mineTemplates(lines: readonly RedactedLine[], miner: TemplateMiner): RedactedItem[] {
  return lines.map(({ message, ...line }) => {
    const match = miner.add(message);
    return { ...line, templateId: match.templateId, template: match.template, answerKey: match.answerKey };
  });
}

/** The sorter's preparation of a batch: redact every item, then mine their templates. */
export function prepareItems(
  items: readonly IncomingItem[],
  deps: { redactor: Redactor; parsers: StreamParsers; miner: TemplateMiner; metrics: Metrics },
): RedactedItem[] {
  return mineTemplates(
    items.map((item) => redactItem(item, deps)),
    deps.miner,
  );
}

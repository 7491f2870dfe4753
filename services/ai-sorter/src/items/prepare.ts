import { randomUUID } from 'node:crypto';
import type { ItemType } from '@obs/schema';
import type { Redactor } from '@obs/pii';
import type { TemplateMiner } from '@obs/classification';
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

/** An item after the work that needs no shared state (id, redaction): plain data, so it can be done on any thread. */
export interface RedactedLine {
  readonly id: string;
  readonly type: ItemType;
  /** The redacted text the classifiers and the LLM see. */
  readonly text: string;
  /** The redacted part of the text that is mined for its template. */
  readonly message: string;
  readonly attributes?: Record<string, unknown>;
}

/** The attributes the classifiers see: a structured payload's own fields (its level, status...) under the item's attributes. */
function attributesOf(item: IncomingItem): Record<string, unknown> | undefined {
  if (typeof item.payload === 'string') return item.attributes;
  return { ...item.payload, ...item.attributes };
}

/** Assigns a missing id and redacts the text and attributes (counting redactions by type). Stateless. */
export function redactItem(item: IncomingItem, deps: { redactor: Redactor; metrics: Metrics }): RedactedLine {
  const { redactor, metrics } = deps;
  const { text, counts } = redactor.redact(itemText(item.payload));
  for (const [type, n] of Object.entries(counts)) if (n) metrics.redactions.inc({ type }, n);
  const attributes = attributesOf(item);
  return {
    id: item.id ?? randomUUID(),
    type: item.type,
    text,
    message: text,
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
export function prepareItems(items: readonly IncomingItem[], deps: { redactor: Redactor; miner: TemplateMiner; metrics: Metrics }): RedactedItem[] {
  return mineTemplates(
    items.map((item) => redactItem(item, deps)),
    deps.miner,
  );
}

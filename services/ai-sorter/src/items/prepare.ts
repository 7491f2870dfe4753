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

/** The attributes the classifiers see: a structured payload's own fields (its level, status...) under the item's attributes. */
function attributesOf(item: IncomingItem): Record<string, unknown> | undefined {
  if (typeof item.payload === 'string') return item.attributes;
  return { ...item.payload, ...item.attributes };
}

/** Assigns missing ids, redacts text and attributes (counting redactions by type), and mines each item's template. */
export function prepareItems(items: readonly IncomingItem[], deps: { redactor: Redactor; miner: TemplateMiner; metrics: Metrics }): RedactedItem[] {
  const { redactor, miner, metrics } = deps;
  return items.map((item) => {
    const { text, counts } = redactor.redact(itemText(item.payload));
    for (const [type, n] of Object.entries(counts)) if (n) metrics.redactions.inc({ type }, n);
    const match = miner.add(text);
    const attributes = attributesOf(item);
    return {
      id: item.id ?? randomUUID(),
      type: item.type,
      text,
      attributes: attributes === undefined ? undefined : (redactor.redactValue(attributes) as Record<string, unknown>),
      templateId: match.templateId,
      template: match.template,
    };
  });
}

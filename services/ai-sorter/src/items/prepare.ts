import { randomUUID } from 'node:crypto';
import type { ItemType } from '@obs/schema';
import { createRulesClassifier, maskTokens, type RulesClassifier, type TemplateMiner } from '@obs/classification';
import { createRedactor, type PiiType, type Redactor } from '@obs/pii';
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
}

/** An item after the work that needs no shared state: plain data, so it is done on worker threads and posted back. */
export interface RedactedLine {
  readonly id: string;
  readonly type: ItemType;
  /** The redacted text the classifiers and the LLM see. */
  readonly text: string;
  /** The redacted part of the text that is mined for its template, split and masked (maskTokens) for the miner. */
  readonly messageTokens: string[];
  readonly attributes?: Record<string, unknown>;
  /** Replacements made, per PII type; counted into the metrics on the main thread. */
  readonly redactions: Partial<Record<PiiType, number>>;
  /** The rules' decision, made here so the chain's last resort costs the main thread nothing. */
  readonly byRules: Classification;
}

/** What the per-item step uses: built from the same plain options on the main thread and in every worker thread. */
export interface ItemTools {
  readonly redactor: Redactor;
  readonly rules: RulesClassifier;
}

export interface ItemToolOptions {
  /** PII_HASH_KEY: hashed placeholders when set. */
  readonly piiHashKey?: string;
}

export function createItemTools(options: ItemToolOptions): ItemTools {
  return { redactor: createRedactor(options.piiHashKey ? { hashKey: options.piiHashKey } : {}), rules: createRulesClassifier() };
}

/** The attributes the classifiers see: a structured payload's own fields (its level, status...) under the item's attributes. */
function attributesOf(item: IncomingItem): Record<string, unknown> | undefined {
  if (typeof item.payload === 'string') return item.attributes;
  return { ...item.payload, ...item.attributes };
}

/**
 * The stateless per-item step, run on worker threads: assigns a missing id, redacts the text and attributes, masks the
 * message for the template miner, and takes the rules' decision. Everything with shared state (the template miner, the cache, metrics) stays on the main thread:
 * keep this function free of it.
 */
export function redactItem(item: IncomingItem, tools: ItemTools): RedactedLine {
  const { redactor, rules } = tools;
  const { text, counts } = redactor.redact(itemText(item.payload));
  const raw = attributesOf(item);
  const attributes = raw === undefined ? undefined : (redactor.redactValue(raw) as Record<string, unknown>);
  const r = rules.classify({ text, type: item.type, attributes });
  return {
    id: item.id ?? randomUUID(),
    type: item.type,
    text,
    messageTokens: maskTokens(text),
    attributes,
    redactions: counts,
    byRules: { severity: r.severity, category: r.category, forwardTo: r.forwardTo, confidence: r.confidence, reason: r.reason, decidedBy: 'rules' },
  };
}

/** Mines each item's template, in order: the one stateful step (the miner learns), kept apart from the per-item work. */
export function mineTemplates(lines: readonly RedactedLine[], miner: TemplateMiner): RedactedItem[] {
  return lines.map((line) => {
    const match = miner.addMasked(line.messageTokens);
    return {
      id: line.id,
      type: line.type,
      text: line.text,
      attributes: line.attributes,
      byRules: line.byRules,
      templateId: match.templateId,
      template: match.template,
      answerKey: match.answerKey,
    };
  });
}

/** The sorter's preparation of a batch: the per-item step (on worker threads), then counting redactions and mining, in order. */
export async function prepareItems(
  items: readonly IncomingItem[],
  deps: { preparer: ItemPreparer; miner: TemplateMiner; metrics: Metrics },
): Promise<RedactedItem[]> {
  const lines = await deps.preparer.prepare(items);
  for (const line of lines) for (const [type, n] of Object.entries(line.redactions)) if (n) deps.metrics.redactions.inc({ type }, n);
  return mineTemplates(lines, deps.miner);
}

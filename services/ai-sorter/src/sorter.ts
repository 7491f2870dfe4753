import type { TemplateMiner } from '@obs/classification';
import type { ClassifyResult, BatchStats } from '@obs/schema';
import type { Classification, Classifier, RedactedItem } from './classifiers/classifier';
import type { Metrics } from './observability/metrics';
import type { ItemPreparer } from './items/item-preparer';
import { prepareItems, type IncomingItem } from './items/prepare';

export interface SortOutcome {
  readonly results: ClassifyResult[];
  readonly stats: BatchStats;
  /** The items as the per-item step redacted them, in request order: what /sort echoes, so nothing is redacted twice. */
  readonly items: readonly RedactedItem[];
}

export interface SortRequestContext {
  readonly signal: AbortSignal;
  readonly requestId: string;
  /** Called once the batch's CPU-heavy preparation is done, before any wait for the LLM (frees its admission slot). */
  readonly onPrepared?: () => void;
}

export interface Sorter {
  sort(items: readonly IncomingItem[], request: SortRequestContext): Promise<SortOutcome>;
}

/** The sorter's path after validation: header -> redact -> template -> classifier chain -> one result per item, in order. */
export function createSorter(deps: {
  preparer: ItemPreparer;
  miner: TemplateMiner;
  classifier: Classifier;
  metrics: Metrics;
}): Sorter {
  const { classifier, metrics } = deps;
  return {
    async sort(items, request) {
      const started = performance.now();
      const prepared = await prepareItems(items, deps);
      request.onPrepared?.();
      const ctx = { signal: request.signal, requestId: request.requestId, llmCalls: 0, llmTokens: 0 };
      const decided = await classifier.classify(prepared, ctx);
      const counts = { llm: 0, cache: 0, rules: 0 };
      // One metric update per label set per batch instead of one per item.
      const perLabels = new Map<string, { c: Classification; n: number }>();
      const results = prepared.map((item): ClassifyResult => {
        const c = decided.get(item.id);
        // The chain ends in the rules' decision, which every item carries; a gap here is a programming error.
        if (!c) throw new Error('classifier chain left an item unanswered');
        counts[c.decidedBy] += 1;
        const key = `${c.decidedBy}|${c.severity}|${c.category}`;
        const seen = perLabels.get(key);
        if (seen) seen.n += 1;
        else perLabels.set(key, { c, n: 1 });
        return {
          id: item.id,
          severity: c.severity,
          category: c.category,
          forward_to: c.forwardTo,
          confidence: c.confidence,
          decided_by: c.decidedBy,
          reason: c.reason,
          template: { id: item.templateId, text: item.template },
        };
      });
      for (const { c, n } of perLabels.values())
        metrics.items.inc({ decided_by: c.decidedBy, severity: c.severity, category: c.category }, n);
      const stats: BatchStats = {
        items: results.length,
        decided_by: counts,
        templates: new Set(prepared.map((p) => p.templateId)).size,
        llm_calls: ctx.llmCalls,
        duration_ms: Math.round((performance.now() - started) * 1000) / 1000,
      };
      return { results, stats, items: prepared };
    },
  };
}

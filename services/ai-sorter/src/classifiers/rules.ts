import { createRulesClassifier } from '@obs/classification';
import type { Classification, RedactedItem, TotalClassifier } from './classifier';

/** The deterministic fallback: the rules classifier of @obs/classification over redacted text. */
export function createRulesFallback(): TotalClassifier {
  const rules = createRulesClassifier();
  return {
    classifyOne(item: RedactedItem): Classification {
      const r = rules.classify({ text: item.text, type: item.type, attributes: item.attributes });
      return {
        severity: r.severity,
        category: r.category,
        forwardTo: r.forwardTo,
        confidence: r.confidence,
        reason: r.reason,
        decidedBy: 'rules',
      };
    },
  };
}

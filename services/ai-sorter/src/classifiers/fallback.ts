import type { Logger } from 'winston';
import type { Classification, Classifier, ClassifyContext, RedactedItem } from './classifier';

/**
 * Tries the primary chain; every item it did not answer (or all, when it throws) gets the rules' decision it carries.
 * Without a primary (no LLM key) the rules decide everything.
 */
export function withFallback(primary: Classifier | undefined, logger: Logger): Classifier {
  return {
    async classify(items: readonly RedactedItem[], ctx: ClassifyContext): Promise<Map<string, Classification>> {
      let decided = new Map<string, Classification>();
      try {
        if (primary) decided = await primary.classify(items, ctx);
      } catch (err) {
        // Expected while the LLM is down or held back; the rules answer, so this is a warning, not an error.
        logger.warn('llm path failed; rules answer', {
          request_id: ctx.requestId,
          error: describeError(err),
          items: items.length,
        });
      }
      const out = new Map<string, Classification>();
      for (const item of items) out.set(item.id, decided.get(item.id) ?? item.byRules);
      return out;
    },
  };
}

function describeError(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return 'unknown error';
}

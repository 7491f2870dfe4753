import type { Logger } from 'winston';
import { LlmError } from '../errors';
import { createThrottledWarning } from '../observability/throttled-warning';
import type { Metrics } from '../observability/metrics';
import type { CacheStore, CachedClassification } from './cache-store';
import type { Classification, Classifier, ClassifyContext, RedactedItem } from './classifier';

/** The cache key of an item: its type and its template's answer key, so one template is decided once per type and an
 * answer given for a narrower template is not reused once the template generalised over a word. */
export function cacheKeyOf(item: RedactedItem): string {
  return `${item.type}:${item.answerKey}`;
}

/**
 * Answers items whose template was decided before; sends the inner classifier one representative item per unseen
 * template, up to `maxPerCall` per call with the calls made concurrently, and shares each answer with the template's
 * other items. A failed call leaves its items unanswered (they fall through to the rules) and is logged here.
 */
export function withCache(
  inner: Classifier,
  store: CacheStore,
  deps: { metrics: Metrics; logger: Logger; maxPerCall?: number },
): Classifier {
  const { metrics, logger } = deps;
  const maxPerCall = deps.maxPerCall ?? Number.POSITIVE_INFINITY;
  const cacheDown = createThrottledWarning(logger, 'template cache unavailable; treating as misses', 30_000);
  const ask = async (unseen: readonly RedactedItem[], ctx: ClassifyContext): Promise<Map<string, Classification>> => {
    try {
      return await inner.classify(unseen, ctx);
    } catch (err) {
      // An open breaker or a held-back call is the design working, not news: debug; anything else: warn.
      const expected =
        err instanceof LlmError
          ? err.kind === 'rate_limited_locally'
          : (err as { code?: unknown }).code === 'EOPENBREAKER';
      logger.log(expected ? 'debug' : 'warn', 'llm path failed; rules answer', {
        request_id: ctx.requestId,
        error: err instanceof Error ? `${err.name}: ${err.message}` : 'unknown',
      });
      return new Map();
    }
  };
  return {
    async classify(items: readonly RedactedItem[], ctx: ClassifyContext): Promise<Map<string, Classification>> {
      const groups = new Map<string, RedactedItem[]>();
      for (const item of items) {
        const key = cacheKeyOf(item);
        const group = groups.get(key);
        if (group) group.push(item);
        else groups.set(key, [item]);
      }
      const keys = [...groups.keys()];
      let cached: Array<CachedClassification | undefined>;
      try {
        cached = await store.getMany(keys);
      } catch (err) {
        cacheDown({ request_id: ctx.requestId, error: (err as Error).message });
        metrics.cacheLookups.inc({ result: 'error' }, items.length);
        cached = keys.map(() => undefined);
      }

      const out = new Map<string, Classification>();
      const unseen: RedactedItem[] = [];
      let hits = 0;
      keys.forEach((key, i) => {
        const group = groups.get(key) as RedactedItem[];
        const hit = cached[i];
        if (hit) {
          const answer: Classification = { ...hit, decidedBy: 'cache' };
          for (const item of group) out.set(item.id, answer);
          hits += group.length;
        } else {
          unseen.push(group[0]);
        }
      });
      // Once per batch, not per template.
      if (hits > 0) metrics.cacheLookups.inc({ result: 'hit' }, hits);
      if (hits < items.length) metrics.cacheLookups.inc({ result: 'miss' }, items.length - hits);
      if (unseen.length === 0) return out;

      const calls: Array<Promise<Map<string, Classification>>> = [];
      for (let start = 0; start < unseen.length; start += maxPerCall)
        calls.push(ask(unseen.slice(start, start + maxPerCall), ctx));
      const decided = new Map((await Promise.all(calls)).flatMap((answers) => [...answers]));
      const fresh: Array<readonly [string, CachedClassification]> = [];
      for (const representative of unseen) {
        const answer = decided.get(representative.id);
        if (!answer) continue;
        const key = cacheKeyOf(representative);
        for (const item of groups.get(key) as RedactedItem[]) out.set(item.id, answer);
        const { decidedBy: _d, ...value } = answer;
        fresh.push([key, value]);
      }
      if (fresh.length === 0) return out;
      try {
        await store.setMany(fresh);
      } catch (err) {
        logger.warn('template cache write failed', { request_id: ctx.requestId, error: (err as Error).message });
      }
      return out;
    },
  };
}

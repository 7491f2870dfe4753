import { Writable } from 'node:stream';
import winston from 'winston';
import { createMetrics } from '../observability/metrics';
import type { Classification, Classifier, RedactedItem } from './classifier';
import { withCache } from './cache';
import { createMemoryCacheStore } from './memory-cache-store';

const silent = winston.createLogger({
  transports: [new winston.transports.Stream({ stream: new Writable({ write: (_c, _e, done) => done() }) })],
});

const answer: Classification = {
  severity: 'error',
  category: 'error',
  forwardTo: 'alerting',
  confidence: 0.9,
  reason: 'r',
  decidedBy: 'llm',
};
const item = (id: string, templateId: string, type: RedactedItem['type'] = 'log'): RedactedItem => ({
  id,
  type,
  text: id,
  templateId,
  template: templateId,
  answerKey: templateId,
  byRules: { ...answer, decidedBy: 'rules' },
});

/** Records what it was asked and answers every item. */
function recordingInner(): Classifier & { asked: string[][] } {
  const asked: string[][] = [];
  return {
    asked,
    async classify(items) {
      asked.push(items.map((i) => i.id));
      return new Map(items.map((i) => [i.id, answer]));
    },
  };
}

const ctx = () => ({ signal: new AbortController().signal, requestId: 'test', llmCalls: 0, llmTokens: 0 });

describe('withCache', () => {
  test("asks the inner classifier once per template and shares the answer with the template's items", async () => {
    const inner = recordingInner();
    const cache = withCache(inner, createMemoryCacheStore({ maxEntries: 10, ttlMs: 60000 }), {
      metrics: createMetrics({ defaultMetrics: false }),
      logger: silent,
    });
    const out = await cache.classify([item('a', 't1'), item('b', 't1'), item('c', 't2')], ctx());
    expect(inner.asked).toEqual([['a', 'c']]);
    expect([...out.keys()]).toEqual(['a', 'b', 'c']);
    expect(out.get('b')?.decidedBy).toBe('llm');
  });

  test('asks at most maxPerCall templates per inner call when a batch has more unseen templates', async () => {
    const inner = recordingInner();
    const cache = withCache(inner, createMemoryCacheStore({ maxEntries: 10, ttlMs: 60000 }), {
      metrics: createMetrics({ defaultMetrics: false }),
      logger: silent,
      maxPerCall: 2,
    });
    const out = await cache.classify(
      [item('a', 't1'), item('b', 't2'), item('c', 't3'), item('d', 't1'), item('e', 't4'), item('f', 't5')],
      ctx(),
    );
    expect(inner.asked).toEqual([['a', 'b'], ['c', 'e'], ['f']]);
    expect(out.size).toBe(6);
  });

  test('keeps the answers of the other calls when one call of a split batch fails', async () => {
    let calls = 0;
    const flaky: Classifier = {
      async classify(items) {
        calls += 1;
        if (calls === 1) throw new Error('down');
        return new Map(items.map((i) => [i.id, answer]));
      },
    };
    const cache = withCache(flaky, createMemoryCacheStore({ maxEntries: 10, ttlMs: 60000 }), {
      metrics: createMetrics({ defaultMetrics: false }),
      logger: silent,
      maxPerCall: 1,
    });
    const out = await cache.classify([item('a', 't1'), item('b', 't2')], ctx());
    expect([...out.keys()]).toEqual(['b']);
  });

  test('asks again when the same template id comes with a new answer key', async () => {
    const inner = recordingInner();
    const cache = withCache(inner, createMemoryCacheStore({ maxEntries: 10, ttlMs: 60000 }), {
      metrics: createMetrics({ defaultMetrics: false }),
      logger: silent,
    });
    await cache.classify([item('a', 't1')], ctx());
    await cache.classify([{ ...item('b', 't1'), answerKey: 't1~2' }], ctx());
    expect(inner.asked).toEqual([['a'], ['b']]);
  });

  test('answers from the cache, marked cache, when the template was decided before', async () => {
    const inner = recordingInner();
    const cache = withCache(inner, createMemoryCacheStore({ maxEntries: 10, ttlMs: 60000 }), {
      metrics: createMetrics({ defaultMetrics: false }),
      logger: silent,
    });
    await cache.classify([item('a', 't1')], ctx());
    const out = await cache.classify([item('z', 't1')], ctx());
    expect(inner.asked).toHaveLength(1);
    expect(out.get('z')).toEqual({ ...answer, decidedBy: 'cache' });
  });

  test('keeps templates of different item types apart when their template ids are equal', async () => {
    const inner = recordingInner();
    const cache = withCache(inner, createMemoryCacheStore({ maxEntries: 10, ttlMs: 60000 }), {
      metrics: createMetrics({ defaultMetrics: false }),
      logger: silent,
    });
    await cache.classify([item('a', 't1', 'log')], ctx());
    await cache.classify([item('b', 't1', 'metric')], ctx());
    expect(inner.asked).toEqual([['a'], ['b']]);
  });

  test('returns only the cache hits and caches nothing when the inner classifier throws', async () => {
    const store = createMemoryCacheStore({ maxEntries: 10, ttlMs: 60000 });
    const failing: Classifier = { classify: async () => Promise.reject(new Error('down')) };
    const cache = withCache(failing, store, { metrics: createMetrics({ defaultMetrics: false }), logger: silent });
    const out = await cache.classify([item('a', 't1')], ctx());
    expect(out.size).toBe(0);
    expect(await store.getMany(['log:t1'])).toEqual([undefined]);
  });
});

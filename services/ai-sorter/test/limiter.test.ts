import request from 'supertest';
import { ClassifyResponse } from '@obs/schema';
import { estimateTokens } from '../src/classifiers/llm-prompt';
import { metricValue, type RunningSorter } from './support/start-sorter';
import { useFakeLlmFixture } from './support/fake-llm-fixture';

const words = [
  'amber',
  'basalt',
  'cobalt',
  'dune',
  'ember',
  'fjord',
  'granite',
  'harbor',
  'iris',
  'jade',
  'kelp',
  'lumen',
];

describe('rate limiter in front of the LLM', () => {
  const { fake, startSorter } = useFakeLlmFixture();
  let sorter: RunningSorter;

  test('When a burst exceeds the requests/min budget, then the LLM sees at most the budget and rules answer the rest', async () => {
    sorter = await startSorter({
      LLM_API_KEY: 'test-llm-key-0003',
      LLM_BASE_URL: fake.baseUrl,
      LIMITER_REQUESTS_PER_MINUTE: '3',
      LIMITER_MAX_CONCURRENT: '2',
    });
    fake.behave({ kind: 'slow', delayMs: 30 });
    const responses = await Promise.all(
      // Lines of different lengths are different templates, so every request needs its own LLM call.
      words.map((w, i) =>
        request(sorter.url)
          .post('/classify')
          .send({ items: [{ type: 'log', body: `${w}${' step'.repeat(i + 1)} done` }] }),
      ),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const decided = responses.map((r) => ClassifyResponse.parse(r.body).results[0]?.decided_by);
    expect(fake.calls.length).toBeLessThanOrEqual(3);
    expect(decided.filter((d) => d === 'llm')).toHaveLength(fake.calls.length);
    expect(decided.filter((d) => d === 'rules').length).toBeGreaterThanOrEqual(words.length - 3);
    const metrics = (await request(sorter.url).get('/metrics')).text;
    const dropped = ['requests_budget', 'queue_wait', 'queue_full'].reduce(
      (sum, reason) => sum + metricValue(metrics, 'sorter_limiter_dropped_total', { reason }),
      0,
    );
    expect(dropped).toBe(words.length - fake.calls.length);
  });

  test('When a batch is larger than the tokens/min budget, then no call is made and rules answer', async () => {
    sorter = await startSorter({
      LLM_API_KEY: 'test-llm-key-0004',
      LLM_BASE_URL: fake.baseUrl,
      LIMITER_TOKENS_PER_MINUTE: '50',
    });
    const res = await request(sorter.url)
      .post('/classify')
      .send({ items: [{ type: 'log', body: 'a line long enough to cost more than fifty tokens '.repeat(5) }] })
      .expect(200);
    expect(ClassifyResponse.parse(res.body).results[0]?.decided_by).toBe('rules');
    expect(fake.calls).toHaveLength(0);
    const metrics = (await request(sorter.url).get('/metrics')).text;
    expect(metricValue(metrics, 'sorter_limiter_dropped_total', { reason: 'tokens_budget' })).toBe(1);
  });

  test('When the API reports fewer tokens than estimated, then the difference returns to the tokens/min budget', async () => {
    // Same id length and text length, different token counts: two templates whose estimates we can compute exactly.
    const first = { id: 'tok-1', type: 'log' as const, text: 'aaaa bbbb cccc' };
    const second = { id: 'tok-2', type: 'log' as const, text: 'aaaaaa bbbbbbb' };
    const byRules = {
      severity: 'info',
      category: 'noise',
      forwardTo: 'archive',
      confidence: 0.5,
      reason: 'r',
      decidedBy: 'rules',
    } as const;
    const estimate = (i: typeof first) =>
      estimateTokens([{ ...i, templateId: '', template: '', answerKey: '', byRules }]);
    // Without settling, the first call leaves less than the second needs; the fake reports 150 tokens per one-item call.
    const budget = estimate(first) + estimate(second) - 1;
    expect(estimate(first)).toBeGreaterThan(150);
    sorter = await startSorter({
      LLM_API_KEY: 'test-llm-key-0008',
      LLM_BASE_URL: fake.baseUrl,
      LIMITER_TOKENS_PER_MINUTE: String(budget),
    });
    for (const item of [first, second]) {
      const res = await request(sorter.url)
        .post('/classify')
        .send({ items: [{ id: item.id, type: item.type, body: item.text }] })
        .expect(200);
      expect(ClassifyResponse.parse(res.body).results[0]?.decided_by).toBe('llm');
    }
    expect(fake.calls).toHaveLength(2);
  });
});

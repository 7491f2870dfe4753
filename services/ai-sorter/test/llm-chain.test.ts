import request from 'supertest';
import { ClassifyResponse } from '@obs/schema';
import type { FakeLlmServer } from './fake-llm-server';
import { waitFor } from '@obs/schema/testing';
import { metricValue, type RunningSorter } from './support/start-sorter';
import { useFakeLlmFixture } from './support/fake-llm-fixture';

const llmEnv = (fake: FakeLlmServer, extra: Record<string, string> = {}) => ({
  LLM_API_KEY: 'test-llm-key-0001',
  LLM_BASE_URL: fake.baseUrl,
  LLM_MODEL: 'fake-model',
  LLM_TIMEOUT_MS: '5000',
  ...extra,
});

async function classify(sorter: RunningSorter, items: unknown[]): Promise<ClassifyResponse> {
  const res = await request(sorter.url).post('/classify').send({ items }).expect(200);
  return ClassifyResponse.parse(res.body);
}

describe('classifier chain against the fake LLM server', () => {
  const { fake, startSorter } = useFakeLlmFixture();
  let sorter: RunningSorter;

  test('When the LLM answers well, then one call covers the batch, deduped by template, with structured output', async () => {
    sorter = await startSorter(llmEnv(fake));
    const body = await classify(sorter, [
      { id: 'a', type: 'log', body: 'ERROR payment 1001 failed for order 77' },
      { id: 'b', type: 'log', body: 'ERROR payment 1002 failed for order 78' },
      { id: 'c', type: 'log', body: 'debug cache warmed in 12 ms' },
    ]);
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]?.items).toHaveLength(2);
    expect(fake.calls[0]?.model).toBe('fake-model');
    expect(fake.calls[0]?.responseFormat).toMatchObject({ type: 'json_schema', json_schema: { strict: true } });
    expect(fake.calls[0]?.authorization).toBe('Bearer test-llm-key-0001');
    expect(body.results.map((r) => [r.id, r.decided_by, r.severity])).toEqual([
      ['a', 'llm', 'error'],
      ['b', 'llm', 'error'],
      ['c', 'llm', 'debug'],
    ]);
    expect(body.stats).toMatchObject({ llm_calls: 1, decided_by: { llm: 3, cache: 0, rules: 0 } });
  });

  test('When the LLM answers in another order, then results are matched by id, not position', async () => {
    sorter = await startSorter(llmEnv(fake));
    fake.behave({ kind: 'answer', order: 'reversed' });
    const body = await classify(sorter, [
      { id: 'first', type: 'log', body: 'FATAL kernel panic on node-3' },
      { id: 'second', type: 'log', body: 'debug heartbeat ok' },
    ]);
    expect(body.results.map((r) => [r.id, r.severity])).toEqual([
      ['first', 'critical'],
      ['second', 'debug'],
    ]);
  });

  test('When a template was decided before, then it is answered from the cache with no second LLM call', async () => {
    sorter = await startSorter(llmEnv(fake));
    await classify(sorter, [{ type: 'log', body: 'worker 17 failed to renew lease after 3 attempts' }]);
    const second = await classify(sorter, [{ type: 'log', body: 'worker 42 failed to renew lease after 9 attempts' }]);
    expect(fake.calls).toHaveLength(1);
    expect(second.results[0]?.decided_by).toBe('cache');
    expect(second.stats.llm_calls).toBe(0);
    const metrics = (await request(sorter.url).get('/metrics')).text;
    expect(metricValue(metrics, 'sorter_cache_lookups_total', { result: 'hit' })).toBe(1);
    expect(metricValue(metrics, 'sorter_cache_lookups_total', { result: 'miss' })).toBe(1);
  });

  test('When the LLM leaves items out, then the missing ones are decided by rules', async () => {
    sorter = await startSorter(llmEnv(fake));
    fake.behave({ kind: 'missing_items', answer: 1 });
    const body = await classify(sorter, [
      { id: 'x', type: 'log', body: 'ERROR disk /var is full' },
      { id: 'y', type: 'log', body: 'user bob logged out' },
    ]);
    expect(body.results.map((r) => [r.id, r.decided_by])).toEqual([
      ['x', 'llm'],
      ['y', 'rules'],
    ]);
    const metrics = (await request(sorter.url).get('/metrics')).text;
    expect(metricValue(metrics, 'sorter_llm_calls_total', { outcome: 'partial' })).toBe(1);
  });

  test.each([
    ['malformed JSON', { kind: 'malformed_json' } as const, 'invalid_response'],
    ['JSON of the wrong shape', { kind: 'wrong_shape' } as const, 'invalid_response'],
    ['HTTP 500', { kind: 'server_error' } as const, 'http_5xx'],
    ['HTTP 400', { kind: 'client_error', status: 400 } as const, 'http_4xx'],
  ])('When the LLM answers %s, then every item is still answered 200 by rules', async (_name, behaviour, outcome) => {
    sorter = await startSorter(llmEnv(fake));
    fake.behave(behaviour);
    const body = await classify(sorter, [
      { type: 'log', body: 'ERROR connection reset by peer' },
      { type: 'metric', body: 'cpu usage 0.93' },
    ]);
    expect(body.results.every((r) => r.decided_by === 'rules')).toBe(true);
    expect(body.stats.llm_calls).toBe(1);
    const metrics = (await request(sorter.url).get('/metrics')).text;
    expect(metricValue(metrics, 'sorter_llm_calls_total', { outcome })).toBe(1);
  });

  test('When the LLM hangs, then the call times out and rules answer within the timeout', async () => {
    sorter = await startSorter(llmEnv(fake, { LLM_TIMEOUT_MS: '200' }));
    fake.behave({ kind: 'hang' });
    const body = await classify(sorter, [{ type: 'log', body: 'ERROR upstream timed out' }]);
    expect(body.results[0]?.decided_by).toBe('rules');
    const metrics = (await request(sorter.url).get('/metrics')).text;
    expect(metricValue(metrics, 'sorter_llm_calls_total', { outcome: 'timeout' })).toBe(1);
  });

  test('When the LLM answers 429 with Retry-After, then no call is made until it elapses and rules answer meanwhile', async () => {
    sorter = await startSorter(llmEnv(fake));
    fake.behave({ kind: 'rate_limited', retryAfterSeconds: 30 });
    await classify(sorter, [{ type: 'log', body: 'first distinct message alpha' }]);
    fake.behave({ kind: 'answer' });
    const body = await classify(sorter, [{ type: 'log', body: 'second distinct line about beta things' }]);
    expect(fake.calls).toHaveLength(1);
    expect(body.results[0]?.decided_by).toBe('rules');
    const metrics = (await request(sorter.url).get('/metrics')).text;
    expect(metricValue(metrics, 'sorter_limiter_dropped_total', { reason: 'retry_after' })).toBe(1);
  });

  test('When the LLM answers 429 with Retry-After while calls wait in the limiter, then none of them goes out and rules answer them', async () => {
    sorter = await startSorter(llmEnv(fake, { LIMITER_MAX_CONCURRENT: '1' }));
    fake.behave({ kind: 'rate_limited', retryAfterSeconds: 30, delayMs: 1500 });
    // Lines of different lengths are different templates: each request needs its own call, and all but the first queue.
    const responses = Array.from({ length: 8 }, (_, i) =>
      classify(sorter, [{ type: 'log', body: `queued${' step'.repeat(i + 1)} done` }]),
    );
    await waitFor(
      async () => metricValue((await request(sorter.url).get('/metrics')).text, 'sorter_limiter_queue_depth') === 7,
      'seven calls queued in the limiter',
      5000,
      20,
    );
    expect(fake.calls.length).toBe(1);
    const answered = await Promise.all(responses);
    expect(answered.map((b) => b.results[0]?.decided_by)).toEqual(Array(8).fill('rules'));
    fake.behave({ kind: 'answer' });
    await classify(sorter, [{ type: 'log', body: 'a new line after the 429 arrived' }]);
    expect(fake.calls.length).toBe(1);
    const metrics = (await request(sorter.url).get('/metrics')).text;
    expect(metricValue(metrics, 'sorter_limiter_dropped_total', { reason: 'retry_after' })).toBe(8);
  });

  test('When the Retry-After pause ends, then calls go out again', async () => {
    sorter = await startSorter(llmEnv(fake));
    fake.behave({ kind: 'rate_limited', retryAfterSeconds: 1 });
    await classify(sorter, [{ type: 'log', body: 'first line before the pause' }]);
    fake.behave({ kind: 'answer' });
    let attempt = 0;
    await waitFor(
      async () => {
        attempt += 1;
        const body = await classify(sorter, [{ type: 'log', body: `after the pause${' again'.repeat(attempt)}` }]);
        return body.results[0]?.decided_by === 'llm';
      },
      'a line decided by the LLM after the pause',
      5000,
      100,
    );
    expect(fake.calls.length).toBe(2);
  });

  test('When items carry PII, then only redacted text reaches the LLM', async () => {
    sorter = await startSorter(llmEnv(fake));
    await classify(sorter, [
      { type: 'log', body: 'login failed for carol@example.org from 192.168.1.20' },
      {
        type: 'log',
        body: 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLXNpZw rejected',
      },
    ]);
    const sent = fake.calls.map((c) => c.rawBody).join('\n');
    expect(sent).not.toContain('carol@example.org');
    expect(sent).not.toContain('192.168.1.20');
    expect(sent).not.toContain('eyJzdWIiOiIxMjMifQ');
    expect(sent).toContain('<EMAIL>');
  });

  test("When an item has attributes, then the LLM sees them redacted and the rules use a structured payload's level", async () => {
    sorter = await startSorter(llmEnv(fake));
    fake.behave({ kind: 'server_error' });
    const body = await classify(sorter, [
      {
        id: 'obj',
        type: 'event',
        content: { message: 'nightly export done', level: 'warning', owner: 'dave@example.net' },
      },
    ]);
    expect(body.results[0]).toMatchObject({ id: 'obj', decided_by: 'rules', severity: 'warning' });
    expect(fake.calls[0]?.items[0]?.attributes).toContain('<EMAIL>');
    expect(fake.calls[0]?.rawBody).not.toContain('dave@example.net');
  });
});

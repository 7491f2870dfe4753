import request from 'supertest';
import { ClassifyResponse } from '@obs/schema';
import { startFakeLlmServer, type FakeLlmServer } from './fake-llm-server';
import { redisServerAvailable, startRedis, type RunningRedis } from './support/redis-server';
import { waitFor } from '@obs/schema/testing';
import { metricValue, startSorter, type RunningSorter } from './support/start-sorter';

const available = redisServerAvailable();
if (!available && process.env.CI === 'true') {
  throw new Error('redis-server is required when CI=true: apt-get install -y redis-server');
}
// Skipped, the reason in its name (the test summary lists skipped tests by name).
const describeWithRedis = available
  ? describe
  : (name: string, fn: () => void) =>
      describe.skip(`${name} (skipped: no redis-server; apt-get install -y redis-server)`, fn);

describeWithRedis('REDIS_URL: template cache and limiter shared through a real redis-server', () => {
  let redis: RunningRedis;
  let fake: FakeLlmServer;
  const sorters: RunningSorter[] = [];
  beforeEach(async () => {
    redis = await startRedis();
    fake = await startFakeLlmServer();
  });
  afterEach(async () => {
    await Promise.all(sorters.splice(0).map((s) => s.close()));
    await fake.close();
    await redis.stop();
  });

  const env = (extra: Record<string, string> = {}) => ({
    LLM_API_KEY: 'test-llm-key-0005',
    LLM_BASE_URL: fake.baseUrl,
    REDIS_URL: redis.url,
    ...extra,
  });

  test('When one instance decided a template, then another instance answers it from the shared cache without an LLM call', async () => {
    const a = await startSorter(env());
    const b = await startSorter(env());
    sorters.push(a, b);
    const first = await request(a.url)
      .post('/classify')
      .send({ items: [{ type: 'log', body: 'ERROR shard 12 lost quorum after 3 s' }] })
      .expect(200);
    expect(ClassifyResponse.parse(first.body).results[0]?.decided_by).toBe('llm');
    const second = await request(b.url)
      .post('/classify')
      .send({ items: [{ type: 'log', body: 'ERROR shard 12 lost quorum after 3 s' }] })
      .expect(200);
    const result = ClassifyResponse.parse(second.body).results[0];
    expect(result?.decided_by).toBe('cache');
    expect(result?.severity).toBe('error');
    expect(fake.calls).toHaveLength(1);
  });

  test('When two instances share the requests/min budget, then together they make no more calls than the budget', async () => {
    const a = await startSorter(env({ LIMITER_REQUESTS_PER_MINUTE: '2' }));
    const b = await startSorter(env({ LIMITER_REQUESTS_PER_MINUTE: '2' }));
    sorters.push(a, b);
    for (let i = 0; i < 3; i += 1) {
      for (const s of [a, b]) {
        await request(s.url)
          .post('/classify')
          .send({ items: [{ type: 'log', body: `warm${' up'.repeat(i * 2 + (s === a ? 1 : 2))}` }] })
          .expect(200);
      }
    }
    expect(fake.calls).toHaveLength(2);
  });

  test('When one instance gets a 429 with Retry-After, then no other instance calls the LLM, new or queued, until the pause ends', async () => {
    // One LLM account seen through two fakes: A's calls are answered 429, B's are slow, so B has calls waiting in its queue.
    const slow = await startFakeLlmServer();
    try {
      slow.behave({ kind: 'slow', delayMs: 1500 });
      fake.behave({ kind: 'rate_limited', retryAfterSeconds: 30 });
      const a = await startSorter(env());
      const b = await startSorter({
        ...env({ LIMITER_MAX_CONCURRENT: '1', LLM_TIMEOUT_MS: '5000' }),
        LLM_BASE_URL: slow.baseUrl,
      });
      sorters.push(a, b);
      const queued = [1, 2, 3, 4].map((n) =>
        request(b.url)
          .post('/classify')
          .send({ items: [{ type: 'log', body: `replica b${' step'.repeat(n)} done` }] }),
      );
      const answered = Promise.all(
        queued.map((r) => r.then((res) => ClassifyResponse.parse(res.body).results[0]?.decided_by)),
      );
      await waitFor(
        async () => metricValue((await request(b.url).get('/metrics')).text, 'sorter_limiter_queue_depth') === 3,
        'three calls queued in the limiter',
        5000,
        20,
      );
      await request(a.url)
        .post('/classify')
        .send({ items: [{ type: 'log', body: 'replica a meets the rate limit' }] })
        .expect(200);
      expect(fake.calls).toHaveLength(1);
      // B's call in flight finishes; the three waiting behind it (whichever came first) must not go out.
      expect((await answered).sort()).toEqual(['llm', 'rules', 'rules', 'rules']);
      const fresh = await request(b.url)
        .post('/classify')
        .send({ items: [{ type: 'log', body: 'a new line on replica b' }] })
        .expect(200);
      expect(ClassifyResponse.parse(fresh.body).results[0]?.decided_by).toBe('rules');
      expect(slow.calls.length).toBe(1);
      expect(
        metricValue((await request(b.url).get('/metrics')).text, 'sorter_limiter_dropped_total', {
          reason: 'retry_after',
        }),
      ).toBe(4);
    } finally {
      await slow.close();
    }
  });

  test('When the shared Retry-After pause expires, then the other instance calls the LLM again', async () => {
    // Long enough that replica b's request lands inside the pause on a loaded machine.
    fake.behave({ kind: 'rate_limited', retryAfterSeconds: 3 });
    const a = await startSorter(env());
    const b = await startSorter(env());
    sorters.push(a, b);
    await request(a.url)
      .post('/classify')
      .send({ items: [{ type: 'log', body: 'replica a meets the rate limit' }] })
      .expect(200);
    fake.behave({ kind: 'answer' });
    const held = await request(b.url)
      .post('/classify')
      .send({ items: [{ type: 'log', body: 'replica b right after the 429' }] })
      .expect(200);
    expect(ClassifyResponse.parse(held.body).results[0]?.decided_by).toBe('rules');
    expect(fake.calls).toHaveLength(1);
    let attempt = 0;
    await waitFor(
      async () => {
        attempt += 1;
        const res = await request(b.url)
          .post('/classify')
          .send({ items: [{ type: 'log', body: `replica b later${' again'.repeat(attempt)}` }] });
        return ClassifyResponse.parse(res.body).results[0]?.decided_by === 'llm';
      },
      'a line decided by the LLM again',
      10_000,
      100,
    );
  });
});

import request from 'supertest';
import { ClassifyResponse } from '@obs/schema';
import { startFakeLlmServer, type FakeLlmServer } from './fake-llm-server';
import { redisServerAvailable, startRedis, type RunningRedis } from './support/redis-server';
import { startSorter, type RunningSorter } from './support/start-sorter';

const available = redisServerAvailable();
if (!available && process.env.CI === 'true') {
  throw new Error('redis-server is required when CI=true: apt-get install -y redis-server');
}
const describeWithRedis = available ? describe : describe.skip;

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

  const env = (extra: Record<string, string> = {}) => ({ LLM_API_KEY: 'test-llm-key-0005', LLM_BASE_URL: fake.baseUrl, REDIS_URL: redis.url, ...extra });

  test('When one instance decided a template, then another instance answers it from the shared cache without an LLM call', async () => {
    const a = await startSorter(env());
    const b = await startSorter(env());
    sorters.push(a, b);
    const first = await request(a.url).post('/classify').send({ items: [{ type: 'log', body: 'ERROR shard 12 lost quorum after 3 s' }] }).expect(200);
    expect(ClassifyResponse.parse(first.body).results[0]?.decided_by).toBe('llm');
    const second = await request(b.url).post('/classify').send({ items: [{ type: 'log', body: 'ERROR shard 12 lost quorum after 3 s' }] }).expect(200);
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
        await request(s.url).post('/classify').send({ items: [{ type: 'log', body: `warm${' up'.repeat(i * 2 + (s === a ? 1 : 2))}` }] }).expect(200);
      }
    }
    expect(fake.calls).toHaveLength(2);
  });
});

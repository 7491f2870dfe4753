import request from 'supertest';
import { ClassifyResponse } from '@obs/schema';
import { metricValue, type RunningSorter } from './support/start-sorter';
import { useFakeLlmFixture } from './support/fake-llm-fixture';

describe('REDIS_URL pointing at a Redis that is down', () => {
  const { fake, startSorter } = useFakeLlmFixture();
  let sorter: RunningSorter;

  test('When Redis is unreachable, then /classify still answers 200 by rules within the limiter deadline and /readyz stays 200', async () => {
    // Port 1 on loopback: nothing listens there, so every connection is refused.
    sorter = await startSorter({
      LLM_API_KEY: 'test-llm-key-0007',
      LLM_BASE_URL: fake.baseUrl,
      REDIS_URL: 'redis://127.0.0.1:1',
      LLM_TIMEOUT_MS: '500',
    });
    const res = await request(sorter.url)
      .post('/classify')
      .send({ items: [{ type: 'log', body: 'ERROR replica lag too high' }] })
      .expect(200);
    expect(ClassifyResponse.parse(res.body).results[0]?.decided_by).toBe('rules');
    await request(sorter.url).get('/readyz').expect(200);
    const metrics = (await request(sorter.url).get('/metrics')).text;
    expect(metricValue(metrics, 'sorter_cache_lookups_total', { result: 'error' })).toBe(1);
    expect(metricValue(metrics, 'sorter_limiter_dropped_total', { reason: 'queue_wait' })).toBe(1);
    expect(fake.calls).toHaveLength(0);
  });
});

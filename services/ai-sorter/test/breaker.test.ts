import request from 'supertest';
import { ClassifyResponse } from '@obs/schema';
import type { FakeLlmServer } from './fake-llm-server';
import { waitFor } from '@obs/schema/testing';
import { metricValue, type RunningSorter } from './support/start-sorter';
import { useFakeLlmFixture } from './support/fake-llm-fixture';

// A reset timeout long enough that the breaker cannot half-open during a test, unless the test is about that;
// those use 1.5 s, so that a loaded machine cannot half-open it while the failing calls are still being made.
const breakerEnv = (fake: FakeLlmServer, resetTimeoutMs = 60000) => ({
  LLM_API_KEY: 'test-llm-key-0002',
  LLM_BASE_URL: fake.baseUrl,
  LLM_TIMEOUT_MS: '5000',
  BREAKER_VOLUME_THRESHOLD: '2',
  BREAKER_ERROR_THRESHOLD_PERCENT: '50',
  BREAKER_RESET_TIMEOUT_MS: String(resetTimeoutMs),
  BREAKER_ROLLING_WINDOW_MS: '10000',
  BREAKER_ROLLING_BUCKETS: '10',
});

let n = 0;
// Each call gets a template of its own (the miner groups lines by token count first), so the cache never hides the LLM.
const uniqueItem = () => ({ type: 'log', body: `subsystem stalled${' again'.repeat(++n)}` });

async function classifyOne(sorter: RunningSorter) {
  const res = await request(sorter.url)
    .post('/classify')
    .send({ items: [uniqueItem()] })
    .expect(200);
  return ClassifyResponse.parse(res.body).results[0];
}

async function readyBreaker(sorter: RunningSorter): Promise<string> {
  const res = await request(sorter.url).get('/readyz').expect(200);
  return (res.body as { llm: { breaker: string } }).llm.breaker;
}

describe('circuit breaker around the LLM', () => {
  const { fake, startSorter } = useFakeLlmFixture();
  let sorter: RunningSorter;

  test('When the LLM keeps failing, then the breaker opens, no calls reach it, every request is answered by rules and /readyz stays 200', async () => {
    sorter = await startSorter(breakerEnv(fake));
    fake.behave({ kind: 'server_error' });
    for (let i = 0; i < 3; i += 1) expect((await classifyOne(sorter))?.decided_by).toBe('rules');
    expect(await readyBreaker(sorter)).toBe('open');
    const callsWhenOpened = fake.calls.length;
    fake.behave({ kind: 'answer' });
    for (let i = 0; i < 5; i += 1) expect((await classifyOne(sorter))?.decided_by).toBe('rules');
    expect(fake.calls.length).toBe(callsWhenOpened);
    const metrics = (await request(sorter.url).get('/metrics')).text;
    expect(metricValue(metrics, 'sorter_breaker_state')).toBe(2);
    expect(metricValue(metrics, 'sorter_breaker_transitions_total', { to: 'open' })).toBe(1);
    expect(metricValue(metrics, 'sorter_http_requests_total', { route: '/classify', status: '200' })).toBe(8);
  });

  test('When the reset timeout passes, then the breaker half-opens, a good probe closes it and the LLM answers again', async () => {
    sorter = await startSorter(breakerEnv(fake, 1500));
    fake.behave({ kind: 'server_error' });
    for (let i = 0; i < 3; i += 1) await classifyOne(sorter);
    fake.behave({ kind: 'answer' });
    await waitFor(async () => (await readyBreaker(sorter)) === 'half_open', 'the breaker to half-open', 8000, 20);
    expect((await classifyOne(sorter))?.decided_by).toBe('llm');
    expect(await readyBreaker(sorter)).toBe('closed');
    expect((await classifyOne(sorter))?.decided_by).toBe('llm');
    const metrics = (await request(sorter.url).get('/metrics')).text;
    expect(metricValue(metrics, 'sorter_breaker_transitions_total', { to: 'half_open' })).toBe(1);
    expect(metricValue(metrics, 'sorter_breaker_transitions_total', { to: 'closed' })).toBe(1);
  });

  test('When a half-open probe fails, then the breaker opens again at once', async () => {
    sorter = await startSorter(breakerEnv(fake, 1500));
    fake.behave({ kind: 'server_error' });
    for (let i = 0; i < 3; i += 1) await classifyOne(sorter);
    await waitFor(async () => (await readyBreaker(sorter)) === 'half_open', 'the breaker to half-open', 8000, 20);
    const callsBeforeProbe = fake.calls.length;
    expect((await classifyOne(sorter))?.decided_by).toBe('rules');
    expect(fake.calls.length).toBe(callsBeforeProbe + 1);
    const metrics = (await request(sorter.url).get('/metrics')).text;
    expect(metricValue(metrics, 'sorter_breaker_transitions_total', { to: 'open' })).toBe(2);
    expect(metricValue(metrics, 'sorter_breaker_transitions_total', { to: 'closed' })).toBe(0);
  });

  test('When the LLM answers 4xx other than 429, then those are not failures and the breaker stays closed', async () => {
    sorter = await startSorter(breakerEnv(fake));
    fake.behave({ kind: 'client_error', status: 400 });
    for (let i = 0; i < 6; i += 1) expect((await classifyOne(sorter))?.decided_by).toBe('rules');
    expect(fake.calls).toHaveLength(6);
    expect(await readyBreaker(sorter)).toBe('closed');
  });

  test('When the LLM answers 429 repeatedly, then those count as failures and open the breaker', async () => {
    sorter = await startSorter(breakerEnv(fake));
    fake.behave({ kind: 'rate_limited', retryAfterSeconds: 0 });
    for (let i = 0; i < 3; i += 1) await classifyOne(sorter);
    expect(await readyBreaker(sorter)).toBe('open');
  });
});

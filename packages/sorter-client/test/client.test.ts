import {
  createSorterClient,
  type ClassifyItem,
  type ClassifyResult,
  type FallbackReason,
  type SorterClient,
  type SorterClientOptions,
} from '../src';
import { startFakeSorter, type FakeSorter } from '../src/testing';
import { waitFor } from '@obs/schema/testing';

const logItem = (body: string, id?: string): ClassifyItem => ({ type: 'log', body, ...(id ? { id } : {}) });

function rulesFallback(items: readonly (ClassifyItem & { id: string })[]): ClassifyResult[] {
  return items.map((item) => ({
    id: item.id,
    severity: 'warning',
    category: 'noise',
    forward_to: 'storage',
    confidence: 0.3,
    decided_by: 'rules',
    reason: 'test fallback',
    template: { id: 'local', text: String(item.body) },
  }));
}

describe('createSorterClient', () => {
  let sorter: FakeSorter;
  let client: SorterClient | undefined;
  const fellBack: Array<[FallbackReason, number]> = [];

  const open = (options: Partial<SorterClientOptions> = {}): SorterClient => {
    client = createSorterClient({
      url: sorter.url,
      fallback: rulesFallback,
      observer: { itemsFellBack: (reason, n) => fellBack.push([reason, n]) },
      ...options,
    });
    return client;
  };

  beforeEach(async () => {
    sorter = await startFakeSorter();
    fellBack.length = 0;
  });

  afterEach(async () => {
    await client?.close(AbortSignal.timeout(1000));
    client = undefined;
    await sorter.close();
  });

  test('splits queued items into batches of at most maxBatchItems when many arrive at once', async () => {
    const c = open({ maxBatchItems: 100, maxInFlight: 4 });
    const outcomes = await c.classifyMany(Array.from({ length: 250 }, (_, i) => logItem(`line ${i}`)));
    expect(sorter.requests.map((r) => r.length).sort((a, b) => b - a)).toEqual([100, 100, 50]);
    expect(outcomes.every((o) => o.status === 'answered')).toBe(true);
  });

  test('sends a partial batch after maxWaitMs when too few items arrive to fill it', async () => {
    const c = open({ maxBatchItems: 100, maxWaitMs: 5 });
    const outcome = await c.classify(logItem('payment failed'));
    expect(sorter.requests).toHaveLength(1);
    expect(outcome).toMatchObject({ status: 'answered', result: { severity: 'error', decided_by: 'llm' } });
  });

  test('matches results by id and falls back only for ids missing from the answer', async () => {
    sorter.setMode({ kind: 'answer', dropIds: ['b'] });
    const c = open();
    const [a, b, x] = await c.classifyMany([logItem('disk fail', 'a'), logItem('ok', 'b'), logItem('ok again', 'x')]);
    expect(a).toMatchObject({ status: 'answered', result: { id: 'a', severity: 'error' } });
    expect(b).toMatchObject({ status: 'fallback', reason: 'missing_result', result: { id: 'b', decided_by: 'rules' } });
    expect(x).toMatchObject({ status: 'answered', result: { id: 'x', severity: 'info' } });
  });

  test('assigns ids to items that have none so answers can be matched', async () => {
    const c = open();
    await c.classifyMany([logItem('one'), logItem('two')]);
    const ids = sorter.requests[0].map((item) => item.id);
    expect(new Set(ids).size).toBe(2);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
  });

  test('falls back with reason timeout when the sorter hangs past timeoutMs', async () => {
    sorter.setMode({ kind: 'hang' });
    const c = open({ timeoutMs: 150 });
    const outcome = await c.classify(logItem('anything'));
    expect(outcome).toMatchObject({ status: 'fallback', reason: 'timeout', result: { decided_by: 'rules' } });
  });

  test('opens the breaker after repeated 500s and then falls back without sending when open', async () => {
    sorter.setMode({ kind: 'status', status: 500 });
    const c = open({
      maxRetries: 0,
      breaker: { volumeThreshold: 3, errorThresholdPercentage: 50, resetTimeoutMs: 60_000 },
    });
    for (let i = 0; i < 3; i++) await c.classify(logItem(`attempt ${i}`));
    expect(c.breakerState).toBe('open');
    const sent = sorter.requests.length;
    const outcome = await c.classify(logItem('while open'));
    expect(outcome).toMatchObject({ status: 'fallback', reason: 'breaker_open' });
    expect(sorter.requests).toHaveLength(sent);
  });

  test('keeps the breaker closed when the sorter answers 400, because the fault is the request', async () => {
    sorter.setMode({ kind: 'status', status: 400 });
    const c = open({ maxRetries: 0, breaker: { volumeThreshold: 2, errorThresholdPercentage: 10 } });
    for (let i = 0; i < 5; i++) {
      expect(await c.classify(logItem(`bad ${i}`))).toMatchObject({ status: 'fallback', reason: 'http_error' });
    }
    expect(c.breakerState).toBe('closed');
    expect(sorter.requests).toHaveLength(5);
  });

  test('half-opens after resetTimeoutMs and closes again when the probe succeeds', async () => {
    sorter.setMode({ kind: 'status', status: 503 }, { kind: 'status', status: 503 }, { kind: 'answer' });
    const states: string[] = [];
    const c = open({
      maxRetries: 0,
      breaker: { volumeThreshold: 2, errorThresholdPercentage: 50, resetTimeoutMs: 50 },
      observer: { breakerStateChanged: (s) => states.push(s) },
    });
    await c.classify(logItem('one'));
    await c.classify(logItem('two'));
    expect(c.breakerState).toBe('open');
    await waitFor(() => c.breakerState === 'half_open', 'half-open');
    expect(await c.classify(logItem('probe'))).toMatchObject({ status: 'answered' });
    expect(c.breakerState).toBe('closed');
    expect(states).toEqual(['open', 'half_open', 'closed']);
  });

  test('retries a 503 after its Retry-After and returns the answer when the sorter recovers', async () => {
    sorter.setMode({ kind: 'status', status: 503, retryAfter: '0' }, { kind: 'answer' });
    const c = open({ maxRetries: 1 });
    expect(await c.classify(logItem('x'))).toMatchObject({ status: 'answered' });
    expect(sorter.requests).toHaveLength(2);
  });

  test('never retries a 400 when retries are allowed', async () => {
    sorter.setMode({ kind: 'status', status: 400 }, { kind: 'answer' });
    const c = open({ maxRetries: 3 });
    expect(await c.classify(logItem('x'))).toMatchObject({ status: 'fallback', reason: 'http_error' });
    expect(sorter.requests).toHaveLength(1);
  });

  test('gives up retrying when Retry-After is longer than the remaining timeout budget', async () => {
    sorter.setMode({ kind: 'status', status: 429, retryAfter: '30' }, { kind: 'answer' });
    const c = open({ maxRetries: 3, timeoutMs: 500 });
    expect(await c.classify(logItem('x'))).toMatchObject({ status: 'fallback', reason: 'http_error' });
    expect(sorter.requests).toHaveLength(1);
  });

  test.each([
    ['malformed JSON', { kind: 'malformed' as const }],
    ['a body of the wrong shape', { kind: 'wrong_shape' as const }],
  ])('falls back with bad_response when the sorter answers %s', async (_name, mode) => {
    sorter.setMode(mode);
    const c = open();
    expect(await c.classify(logItem('x'))).toMatchObject({ status: 'fallback', reason: 'bad_response' });
  });

  test('keeps at most maxInFlight requests open when the sorter is slow', async () => {
    sorter.setMode({ kind: 'answer', delayMs: 30 });
    const c = open({ maxBatchItems: 2, maxInFlight: 2 });
    const outcomes = await c.classifyMany(Array.from({ length: 12 }, (_, i) => logItem(`l${i}`)));
    expect(outcomes.every((o) => o.status === 'answered')).toBe(true);
    expect(sorter.requests).toHaveLength(6);
    expect(sorter.maxConcurrent).toBe(2);
  });

  test('sends items straight to the fallback as queue_full when the queue is at maxQueuedItems', async () => {
    sorter.setMode({ kind: 'answer', delayMs: 50 });
    const c = open({ maxBatchItems: 2, maxInFlight: 1, maxQueuedItems: 2 });
    const outcomes = await c.classifyMany(Array.from({ length: 6 }, (_, i) => logItem(`l${i}`)));
    expect(outcomes.filter((o) => o.status === 'answered')).toHaveLength(4);
    expect(outcomes.filter((o) => o.status === 'fallback' && o.reason === 'queue_full')).toHaveLength(2);
    expect(fellBack).toContainEqual(['queue_full', 1]);
  });

  test('sends the api key in x-api-key when one is configured', async () => {
    const c = open({ apiKey: 'k-123' });
    await c.classify(logItem('x'));
    expect(sorter.headers[0]['x-api-key']).toBe('k-123');
  });

  test('reports unanswered with the reason when no fallback hook is given', async () => {
    sorter.setMode({ kind: 'status', status: 500 });
    const c = open({ fallback: undefined, maxRetries: 0 });
    expect(await c.classify(logItem('x'))).toEqual({ status: 'unanswered', reason: 'http_error' });
  });

  test('falls back with network_error when nothing listens at the url', async () => {
    const url = sorter.url;
    await sorter.close();
    sorter = await startFakeSorter();
    const c = open({ url, maxRetries: 0 });
    expect(await c.classify(logItem('x'))).toMatchObject({ status: 'fallback', reason: 'network_error' });
  });

  test.each([
    ['nothing listens at the url', 'ECONNREFUSED'],
    ['fetch refuses the port outright (port 1 is one of the Fetch standard bad ports)', 'bad port'],
  ])('tells the observer why the sorter is unreachable when %s', async (_name, why) => {
    const url = why === 'bad port' ? 'http://127.0.0.1:1' : sorter.url;
    if (why !== 'bad port') {
      await sorter.close();
      sorter = await startFakeSorter();
    }
    const errors: Array<string | undefined> = [];
    const c = open({ url, maxRetries: 0, observer: { requestFinished: (_o, _n, _s, error) => errors.push(error) } });
    await c.classify(logItem('x'));
    expect(errors).toEqual([`sorter unreachable: ${why}`]);
  });

  test('sends what is queued when closed, then answers later items with reason closed', async () => {
    const c = open({ maxWaitMs: 60_000 });
    const queued = c.classify(logItem('queued'));
    await c.close();
    expect(await queued).toMatchObject({ status: 'answered' });
    expect(await c.classify(logItem('late'))).toMatchObject({ status: 'fallback', reason: 'closed' });
  });
});

import type { TracesData } from '../protocols/otlp/types';
import { ShutdownError } from '../errors';
import { countSpans } from '../protocols/otlp/codec';
import { recording, spans } from '../testing/otlp-data';
import { batchConfig, createBatchProcessor } from './batch';

describe('batch processor', () => {
  afterEach(() => jest.useRealTimers());

  test('sends one merged batch and settles every request when send_batch_size is reached', async () => {
    const out = recording<TracesData>();
    const processor = createBatchProcessor(
      batchConfig.parse({ send_batch_size: 3, send_batch_max_size: 0, timeout: '1h' }),
    );
    const chain = processor.wrap('traces', out);
    const first = chain.consume(spans(['a'], ['b']), AbortSignal.timeout(1000));
    expect(out.batches).toHaveLength(0);
    await Promise.all([first, chain.consume(spans(['c']), AbortSignal.timeout(1000))]);
    expect(out.batches).toHaveLength(1);
    expect(countSpans(out.batches[0])).toBe(3);
    expect(out.batches[0].resourceSpans).toHaveLength(2);
    await processor.shutdown(AbortSignal.timeout(1000));
  });

  test('splits a large request into chunks of send_batch_max_size when it is over the cap', async () => {
    const out = recording<TracesData>();
    const processor = createBatchProcessor(
      batchConfig.parse({ send_batch_size: 2, send_batch_max_size: 2, timeout: '1h' }),
    );
    await processor.wrap('traces', out).consume(spans(['a'], ['b'], ['c'], ['d'], ['e']), AbortSignal.timeout(1000));
    expect(out.batches.map(countSpans)).toEqual([2, 2, 1]);
    expect(out.batches[2].resourceSpans[0].resource.attributes.get('service.name')).toBe('api');
  });

  test('sends what waits when the timeout passes', async () => {
    jest.useFakeTimers();
    const out = recording<TracesData>();
    const processor = createBatchProcessor(batchConfig.parse({ send_batch_size: 100, timeout: '200ms' }));
    const pending = processor.wrap('traces', out).consume(spans(['a']), AbortSignal.timeout(1000));
    jest.advanceTimersByTime(199);
    expect(out.batches).toHaveLength(0);
    jest.advanceTimersByTime(1);
    await pending;
    expect(out.batches).toHaveLength(1);
  });

  test('rejects every request of the batch when the next step refuses it', async () => {
    const processor = createBatchProcessor(batchConfig.parse({ send_batch_size: 2 }));
    const chain = processor.wrap('traces', { consume: () => Promise.reject(new Error('sink down')) });
    const results = await Promise.allSettled([
      chain.consume(spans(['a']), AbortSignal.timeout(1000)),
      chain.consume(spans(['b']), AbortSignal.timeout(1000)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  test('flushes what waits and then refuses new data when shut down', async () => {
    const out = recording<TracesData>();
    const processor = createBatchProcessor(batchConfig.parse({ send_batch_size: 100, timeout: '1h' }));
    const chain = processor.wrap('traces', out);
    const pending = chain.consume(spans(['a']), AbortSignal.timeout(1000));
    await processor.shutdown(AbortSignal.timeout(1000));
    await pending;
    expect(out.batches).toHaveLength(1);
    await expect(chain.consume(spans(['b']), AbortSignal.timeout(1000))).rejects.toBeInstanceOf(ShutdownError);
  });

  test('rejects the config when send_batch_max_size is below send_batch_size', () => {
    const parsed = batchConfig.safeParse({ send_batch_size: 10, send_batch_max_size: 5 });
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['send_batch_max_size'],
      message: 'must be >= send_batch_size (10) or 0',
    });
  });
});

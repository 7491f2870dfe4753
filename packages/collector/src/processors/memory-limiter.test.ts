import { Registry } from 'prom-client';
import { RetryableError, toHttpStatus } from '../errors';
import type { TracesData } from '../protocols/otlp/types';
import { createLogger } from '../runtime/logger';
import { recording, spans } from '../testing/otlp-data';
import { createMemoryLimiter, memoryLimiterConfig, softLimitBytes } from './memory-limiter';

const MiB = 1024 * 1024;

describe('memory_limiter processor', () => {
  afterEach(() => jest.useRealTimers());

  test('refuses with a retryable error (503) while memory is above limit minus spike, and accepts again below it', async () => {
    jest.useFakeTimers();
    let used = 50 * MiB;
    const ctx = { id: 'sources.otlp', logger: createLogger({ level: 'silent' }), registry: new Registry() };
    const config = memoryLimiterConfig.parse({ check_interval: '1s', limit_mib: 100, spike_limit_mib: 20 });
    const limiter = createMemoryLimiter(config, ctx, {
      readMemoryBytes: () => used,
      totalMemoryBytes: () => 1024 * MiB,
    });
    const out = recording<TracesData>();
    const chain = limiter.wrap('traces', out);
    await limiter.start();
    await chain.consume(spans(['a']), AbortSignal.timeout(1000));

    used = 85 * MiB;
    jest.advanceTimersByTime(1000);
    const refusal = await chain.consume(spans(['b']), AbortSignal.timeout(1000)).catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(RetryableError);
    expect(toHttpStatus(refusal)).toBe(503);
    expect((refusal as RetryableError).retryAfterMs).toBe(1000);

    used = 70 * MiB;
    jest.advanceTimersByTime(1000);
    await chain.consume(spans(['c']), AbortSignal.timeout(1000));
    expect(out.batches).toHaveLength(2);
    await limiter.shutdown(AbortSignal.timeout(1000));
  });

  test.each([
    ['limit_mib with the default spike of 20%', { limit_mib: 100 }, { hard: 100 * MiB, soft: 80 * MiB }],
    [
      'limit_percentage and spike_limit_percentage of total memory',
      { limit_percentage: 50, spike_limit_percentage: 10 },
      { hard: 512 * MiB, soft: 409.6 * MiB },
    ],
  ])('computes the limits from %s', (_name, config, expected) => {
    const limits = softLimitBytes(memoryLimiterConfig.parse(config), 1024 * MiB);
    expect(limits.hard).toBeCloseTo(expected.hard);
    expect(limits.soft).toBeCloseTo(expected.soft);
  });

  test.each([
    ['neither limit is set', {}, 'set exactly one of limit_mib or limit_percentage'],
    ['both limits are set', { limit_mib: 1, limit_percentage: 1 }, 'set exactly one of limit_mib or limit_percentage'],
    ['check_interval is not a duration', { limit_mib: 1, check_interval: 'often' }, 'expected a duration'],
  ])('rejects the config when %s', (_name, config, message) => {
    const parsed = memoryLimiterConfig.safeParse(config);
    expect(parsed.error?.issues.map((i) => i.message).join('\n')).toContain(message);
  });
});

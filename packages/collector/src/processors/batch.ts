import { z } from 'zod';
import { durationMs } from '../schema/units';
import type { Consumer } from '../consumer';
import { ShutdownError } from '../errors';
import { itemWeight, itemsOf, mergeData, resourcesOf, scopesOf, splitData } from '../protocols/otlp/signal-shape';
import type { Signal, SignalData } from '../protocols/otlp/types';
import type { Processor, ProcessorDefinition } from './processor';

export const batchConfig = z
  .object({
    send_batch_size: z
      .number()
      .int()
      .positive()
      .default(2000)
      .describe('Items (spans, data points, log records) that trigger a send; a trigger, not a cap.'),
    send_batch_max_size: z
      .number()
      .int()
      .nonnegative()
      .default(3000)
      .describe('Largest batch sent; bigger ones are split (0 = no limit). Must be >= send_batch_size.'),
    timeout: durationMs('Longest an item waits before its batch is sent, e.g. 200ms.').default(200),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.send_batch_max_size > 0 && c.send_batch_max_size < c.send_batch_size) {
      ctx.addIssue({
        code: 'custom',
        path: ['send_batch_max_size'],
        message: `must be >= send_batch_size (${c.send_batch_size}) or 0`,
      });
    }
  });

export type BatchConfig = z.infer<typeof batchConfig>;

interface Waiter {
  resolve(): void;
  reject(err: unknown): void;
}

/** Collects one signal's requests; each caller's promise settles when the batch holding its items was accepted downstream. */
class SignalBatcher<S extends Signal> {
  #parts: SignalData[S][] = [];
  #waiters: Waiter[] = [];
  #weight = 0;
  #timer: NodeJS.Timeout | undefined;
  #sending: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(
    private readonly signal: S,
    private readonly config: BatchConfig,
    private readonly next: Consumer<SignalData[S]>,
  ) {}

  add(data: SignalData[S]): Promise<void> {
    if (this.#closed) return Promise.reject(new ShutdownError());
    const promise = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    this.#parts.push(data);
    this.#weight += weightOf(this.signal, data);
    // Not awaited: a send's outcome reaches each caller through its own promise, and #sending never rejects.
    if (this.#weight >= this.config.send_batch_size) void this.flush();
    else if (this.#timer === undefined) this.#timer = setTimeout(() => void this.flush(), this.config.timeout);
    return promise;
  }

  /** Sends what is pending; sends stay in order, one at a time per signal. */
  flush(): Promise<void> {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#parts.length === 0) return this.#sending;
    const merged = mergeData(this.signal, this.#parts);
    const waiters = this.#waiters;
    this.#parts = [];
    this.#waiters = [];
    this.#weight = 0;
    const chunks =
      this.config.send_batch_max_size > 0 ? splitData(this.signal, merged, this.config.send_batch_max_size) : [merged];
    const abort = new AbortController();
    this.#sending = this.#sending.then(async () => {
      try {
        for (const chunk of chunks) await this.next.consume(chunk, abort.signal);
        for (const w of waiters) w.resolve();
      } catch (err) {
        for (const w of waiters) w.reject(err);
      }
    });
    return this.#sending;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.flush();
  }
}

function weightOf(signal: Signal, data: SignalData[Signal]): number {
  let n = 0;
  for (const res of resourcesOf(signal, data))
    for (const scope of scopesOf(signal, res)) for (const item of itemsOf(signal, scope)) n += itemWeight(signal, item);
  return n;
}

/** Alloy's otelcol.processor.batch: groups requests per signal by size or time, splitting above send_batch_max_size. */
export function createBatchProcessor(config: BatchConfig): Processor {
  const batchers: SignalBatcher<Signal>[] = [];
  return {
    wrap(signal, next) {
      const batcher = new SignalBatcher(signal, config, next);
      batchers.push(batcher);
      return { consume: (data) => batcher.add(data) };
    },
    async start() {},
    async shutdown() {
      await Promise.all(batchers.map((b) => b.close()));
    },
  };
}

export const batchProcessorDefinition: ProcessorDefinition<BatchConfig> = {
  type: 'batch',
  description:
    'Groups spans, data points and log records into batches by size (send_batch_size) or time (timeout); a request is answered once its batch was accepted downstream.',
  config: batchConfig,
  create: (config) => createBatchProcessor(config),
};

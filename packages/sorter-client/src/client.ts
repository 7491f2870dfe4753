import CircuitBreaker from 'opossum';
import { SorterRequestError } from './errors';
import { postClassify, type PostClassifyOptions } from './post-classify';
import type {
  ClassifyItem,
  ClassifyOutcome,
  ClassifyResult,
  FallbackHook,
  FallbackReason,
  SorterClientObserver,
} from './types';

export interface SorterBreakerOptions {
  /** Failure percentage over the rolling window that opens the breaker. */
  errorThresholdPercentage?: number;
  /** How long the breaker stays open before one half-open probe. */
  resetTimeoutMs?: number;
  /** Requests in the window before the percentage is trusted. */
  volumeThreshold?: number;
  rollingCountTimeoutMs?: number;
}

export interface SorterClientOptions {
  /** Base URL of the ai-sorter, e.g. http://127.0.0.1:8080; requests go to `<url>/classify`. */
  url: string;
  /** Sent as `x-api-key` when set; never logged. */
  apiKey?: string;
  /** Items per request (default 100). */
  maxBatchItems?: number;
  /** Longest an item waits for its batch to fill (default 20 ms). */
  maxWaitMs?: number;
  /** Requests in flight at once (default 2); further batches wait in the queue. */
  maxInFlight?: number;
  /** Items waiting for a request slot; beyond this, items go straight to the fallback as `queue_full` (default 5000). */
  maxQueuedItems?: number;
  /** Budget per request including retries (default 2000 ms). */
  timeoutMs?: number;
  /** Retries for 429, 502-504 and connection errors, honouring Retry-After within the budget (default 1). */
  maxRetries?: number;
  minBackoffMs?: number;
  breaker?: SorterBreakerOptions;
  fallback?: FallbackHook;
  observer?: SorterClientObserver;
}

export type SorterBreakerState = 'closed' | 'open' | 'half_open';

export interface SorterClient {
  /** Queues one item into the next batch; never rejects. */
  classify(item: ClassifyItem): Promise<ClassifyOutcome>;
  /** Queues several items; outcomes come back in the same order. */
  classifyMany(items: readonly ClassifyItem[]): Promise<ClassifyOutcome[]>;
  readonly breakerState: SorterBreakerState;
  /** Items queued or in flight. */
  readonly pending: number;
  /** Stops intake, sends what is queued, waits for requests in flight (aborted when `signal` fires). Idempotent. */
  close(signal?: AbortSignal): Promise<void>;
}

interface Pending {
  item: ClassifyItem & { id: string };
  resolve(outcome: ClassifyOutcome): void;
}

export function createSorterClient(options: SorterClientOptions): SorterClient {
  return new BatchingSorterClient(options);
}

class BatchingSorterClient implements SorterClient {
  readonly #maxBatchItems: number;
  readonly #maxWaitMs: number;
  readonly #maxInFlight: number;
  readonly #maxQueuedItems: number;
  readonly #fallback?: FallbackHook;
  readonly #observer: SorterClientObserver;
  readonly #breaker: CircuitBreaker<[readonly ClassifyItem[]], ClassifyResult[]>;
  readonly #abort = new AbortController();
  readonly #inFlight = new Set<Promise<void>>();
  #queue: Pending[] = [];
  #timer: NodeJS.Timeout | undefined;
  #nextId = 0;
  #closed = false;
  #inFlightItems = 0;

  constructor(options: SorterClientOptions) {
    this.#maxBatchItems = positive(options.maxBatchItems ?? 100, 'maxBatchItems');
    this.#maxWaitMs = Math.max(0, options.maxWaitMs ?? 20);
    this.#maxInFlight = positive(options.maxInFlight ?? 2, 'maxInFlight');
    this.#maxQueuedItems = positive(options.maxQueuedItems ?? 5000, 'maxQueuedItems');
    this.#fallback = options.fallback;
    this.#observer = options.observer ?? {};
    const post: PostClassifyOptions = {
      endpoint: new URL('classify', options.url.endsWith('/') ? options.url : `${options.url}/`).toString(),
      apiKey: options.apiKey,
      timeoutMs: positive(options.timeoutMs ?? 2000, 'timeoutMs'),
      maxRetries: Math.max(0, options.maxRetries ?? 1),
      minBackoffMs: Math.max(1, options.minBackoffMs ?? 100),
    };
    const breaker = options.breaker ?? {};
    this.#breaker = new CircuitBreaker(
      (items: readonly ClassifyItem[]) => postClassify(items, post, this.#abort.signal),
      {
        timeout: false, // postClassify owns the timeout so that a slow request is really aborted
        errorThresholdPercentage: breaker.errorThresholdPercentage ?? 50,
        resetTimeout: breaker.resetTimeoutMs ?? 10_000,
        volumeThreshold: breaker.volumeThreshold ?? 5,
        rollingCountTimeout: breaker.rollingCountTimeoutMs ?? 10_000,
        errorFilter: (err: unknown) =>
          err instanceof SorterRequestError && (!err.countsAsFailure || err.reason === 'closed'),
      },
    );
    this.#breaker.on('open', () => this.#observer.breakerStateChanged?.('open'));
    this.#breaker.on('halfOpen', () => this.#observer.breakerStateChanged?.('half_open'));
    this.#breaker.on('close', () => this.#observer.breakerStateChanged?.('closed'));
  }

  get breakerState(): SorterBreakerState {
    if (this.#breaker.opened) return 'open';
    return this.#breaker.halfOpen ? 'half_open' : 'closed';
  }

  get pending(): number {
    return this.#queue.length + this.#inFlightItems;
  }

  classify(item: ClassifyItem): Promise<ClassifyOutcome> {
    const withId = { ...item, id: item.id ?? `i${this.#nextId++}` };
    if (this.#closed) return this.#fallBack([withId], 'closed').then((outcomes) => outcomes[0]);
    if (this.#queue.length >= this.#maxQueuedItems)
      return this.#fallBack([withId], 'queue_full').then((outcomes) => outcomes[0]);
    return new Promise((resolve) => {
      this.#queue.push({ item: withId, resolve });
      this.#schedule();
    });
  }

  classifyMany(items: readonly ClassifyItem[]): Promise<ClassifyOutcome[]> {
    return Promise.all(items.map((item) => this.classify(item)));
  }

  async close(signal?: AbortSignal): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      signal?.addEventListener('abort', () => this.#abort.abort(), { once: true });
      this.#pump(true);
    }
    while (this.#inFlight.size > 0 || this.#queue.length > 0) {
      if (this.#inFlight.size > 0) await Promise.all([...this.#inFlight]);
      this.#pump(true);
    }
    this.#breaker.shutdown();
  }

  #schedule(): void {
    if (this.#queue.length >= this.#maxBatchItems) {
      this.#pump(true);
      return;
    }
    if (this.#timer === undefined) this.#timer = setTimeout(() => this.#pump(true), this.#maxWaitMs);
  }

  /** Starts requests while slots are free; `force` sends a partial batch (its wait is over). */
  #pump(force: boolean): void {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    while (this.#inFlight.size < this.#maxInFlight && this.#queue.length > 0) {
      if (!force && this.#queue.length < this.#maxBatchItems) break;
      const batch = this.#queue.splice(0, this.#maxBatchItems);
      const request = this.#send(batch).finally(() => {
        this.#inFlight.delete(request);
        this.#pump(this.#closed);
      });
      this.#inFlight.add(request);
    }
    // Items left over (slots busy or batch not full) still need their deadline.
    if (this.#queue.length > 0 && this.#timer === undefined && this.#inFlight.size < this.#maxInFlight) {
      this.#timer = setTimeout(() => this.#pump(true), this.#maxWaitMs);
    }
  }

  async #send(batch: Pending[]): Promise<void> {
    const started = process.hrtime.bigint();
    this.#inFlightItems += batch.length;
    let results: ClassifyResult[];
    try {
      results = await this.#breaker.fire(batch.map((p) => p.item));
    } catch (err) {
      const reason = failureReason(err);
      const status = err instanceof SorterRequestError ? err.status : undefined;
      this.#observer.requestFinished?.(reason, batch.length, seconds(started), (err as Error).message, status);
      await this.#settle(batch, reason);
      return;
    } finally {
      this.#inFlightItems -= batch.length;
    }
    this.#observer.requestFinished?.('ok', batch.length, seconds(started));
    const byId = new Map(results.map((r) => [r.id, r]));
    const missing: Pending[] = [];
    for (const pending of batch) {
      const result = byId.get(pending.item.id);
      if (result) pending.resolve({ status: 'answered', result });
      else missing.push(pending);
    }
    if (missing.length > 0) await this.#settle(missing, 'missing_result');
  }

  async #settle(batch: Pending[], reason: FallbackReason): Promise<void> {
    const outcomes = await this.#fallBack(
      batch.map((p) => p.item),
      reason,
    );
    batch.forEach((pending, i) => pending.resolve(outcomes[i]));
  }

  async #fallBack(
    items: readonly (ClassifyItem & { id: string })[],
    reason: FallbackReason,
  ): Promise<ClassifyOutcome[]> {
    this.#observer.itemsFellBack?.(reason, items.length);
    if (!this.#fallback) return items.map(() => ({ status: 'unanswered', reason }));
    let results: ReadonlyArray<ClassifyResult | undefined>;
    try {
      results = await this.#fallback(items, reason);
    } catch {
      // A broken fallback must not lose the outcome; the caller still hears why the sorter did not answer.
      return items.map(() => ({ status: 'unanswered', reason }));
    }
    return items.map((_, i) => {
      const result = results[i];
      return result ? { status: 'fallback', result, reason } : { status: 'unanswered', reason };
    });
  }
}

function failureReason(err: unknown): FallbackReason {
  if (err instanceof SorterRequestError) return err.reason;
  if ((err as { code?: unknown }).code === 'EOPENBREAKER') return 'breaker_open';
  return 'network_error';
}

function positive(value: number, name: string): number {
  if (!Number.isFinite(value) || value < 1)
    throw new RangeError(`sorter client option ${name} must be >= 1, got ${value}`);
  return value;
}

function seconds(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}

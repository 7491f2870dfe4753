import type { Counter, Gauge, Registry } from 'prom-client';
import { counter, gauge } from '../../telemetry/metric-factory';
import type { ComponentContext, ComponentDefinition, SignalSink, Sink } from '../../component';
import type { LogBatch } from '../../entry';
import { PermanentError, QueueFullError, ShutdownError } from '../../errors';
import { abortableSleep } from '../../delivery/abortable-sleep';
import { backoffMs } from '../../delivery/backoff';
import { Waiters } from '../../delivery/waiters';
import type { Consumer } from '../../consumer';
import type { MetricsData } from '../../protocols/otlp/types';
import { PrometheusRemoteWriteConfig } from './config';
import { readRegistry, type RegistrySelection } from './from-registry';
import { translateOtlpMetrics } from './from-otlp';
import { sendWriteRequest, type RemoteWriteTarget } from './send';
import { groupSeries, type SeriesSample } from './series';

/** A remote write sink: takes OTLP metrics (`signals.metrics`) and reads the collector registry on its own. */
export interface PrometheusRemoteWriteSink extends Sink, SignalSink {
  readonly signals: { readonly metrics: Consumer<MetricsData> };
  /** Resolves once the samples are queued; rejects with QueueFullError under `overflow: block` when full. */
  consumeMetrics(data: MetricsData): Promise<void>;
  /** Reads the collector registry's metrics-stage series into the queue now (also done every scrape_interval_ms). */
  scrapeRegistry(): Promise<void>;
}

export const prometheusRemoteWriteSinkDefinition: ComponentDefinition<
  PrometheusRemoteWriteConfig,
  PrometheusRemoteWriteSink
> = {
  type: 'prometheus_remote_write',
  description:
    'Sends metrics (the metrics stage, OTLP metrics) with Prometheus remote write 1.0: snappy protobuf, sorted labels, retries 5xx/429',
  config: PrometheusRemoteWriteConfig,
  create: (config, ctx) => new RemoteWriteSink(config, ctx),
  takes: ['metrics'],
};

interface SinkMetrics {
  sent: Counter<string>;
  dropped: Counter<string>;
  retries: Counter<string>;
  pending: Gauge<string>;
}

class RemoteWriteSink implements PrometheusRemoteWriteSink {
  readonly id: string;
  readonly signals: { readonly metrics: Consumer<MetricsData> };
  readonly #config: PrometheusRemoteWriteConfig;
  readonly #ctx: ComponentContext;
  readonly #target: RemoteWriteTarget;
  readonly #selection: RegistrySelection;
  readonly #metrics: SinkMetrics;
  readonly #stop = new AbortController();
  #buffer: SeriesSample[] = [];
  // The send loop waits here for a full batch or batch_send_deadline_ms.
  readonly #wakers = new Waiters();
  #loop: Promise<void> | undefined;
  #scrapeTimer: NodeJS.Timeout | undefined;
  #stopping = false;

  constructor(config: PrometheusRemoteWriteConfig, ctx: ComponentContext) {
    this.id = ctx.id;
    this.#config = config;
    this.#ctx = ctx;
    this.#selection =
      config.registry_metrics_regex === undefined
        ? { kind: 'metrics_stage' }
        : { kind: 'names', names: new RegExp(config.registry_metrics_regex) };
    const headers: Record<string, string> = { ...config.headers };
    if (config.basic_auth) {
      headers.authorization = `Basic ${Buffer.from(`${config.basic_auth.username}:${config.basic_auth.password}`).toString('base64')}`;
    } else if (config.bearer_token) {
      headers.authorization = `Bearer ${config.bearer_token}`;
    }
    this.#target = { url: config.url, headers };
    this.#metrics = sinkMetrics(ctx.registry, ctx.id);
    // Queuing never waits, so there is nothing for the caller's abort signal to cut short.
    this.signals = { metrics: { consume: (data) => this.consumeMetrics(data) } };
  }

  async start(): Promise<void> {
    this.#loop ??= this.#sendLoop();
    if (this.#config.scrape_interval_ms > 0 && this.#scrapeTimer === undefined) {
      this.#scrapeTimer = setInterval(() => void this.scrapeRegistry(), this.#config.scrape_interval_ms);
    }
  }

  /** Log lines have no place in remote write; a pipeline that forwards here is misconfigured. */
  async consume(_batch: LogBatch): Promise<void> {
    throw new PermanentError(`${this.id} is a prometheus_remote_write sink: it takes metrics, not log lines`);
  }

  async consumeMetrics(data: MetricsData): Promise<void> {
    if (this.#stopping) throw new ShutdownError();
    const { samples, skipped } = translateOtlpMetrics(data, {
      externalLabels: this.#config.external_labels,
      resourceToLabels: this.#config.resource_to_labels,
    });
    for (const [reason, n] of skipped) this.#metrics.dropped.inc({ sink: this.id, reason }, n);
    this.#enqueue(samples, true);
  }

  /** Reads the collector registry once and queues what matches; runs on `scrape_interval_ms`. */
  async scrapeRegistry(): Promise<void> {
    if (this.#stopping) return;
    const samples = await readRegistry(this.#ctx.registry, this.#selection, this.#config.external_labels, Date.now());
    this.#enqueue(samples, false);
  }

  async shutdown(signal: AbortSignal): Promise<void> {
    this.#stopping = true;
    if (this.#scrapeTimer !== undefined) clearInterval(this.#scrapeTimer);
    this.#scrapeTimer = undefined;
    const onAbort = (): void => this.#stop.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    this.#wakers.wake();
    try {
      await this.#loop;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  #enqueue(samples: SeriesSample[], mayBlock: boolean): void {
    if (samples.length === 0) return;
    const room = this.#config.queue.capacity_samples - this.#buffer.length;
    if (samples.length > room) {
      // A registry read cannot wait for room; the next read carries the same cumulative values, so no total is lost.
      if (this.#config.queue.overflow === 'drop' || !mayBlock) {
        this.#metrics.dropped.inc({ sink: this.id, reason: 'queue_full' }, samples.length);
        return;
      }
      // An empty queue always takes one batch, so an oversized batch cannot be refused forever.
      if (this.#buffer.length > 0)
        throw new QueueFullError(`${this.id} queue is full`, this.#config.batch_send_deadline_ms);
    }
    for (const sample of samples) this.#buffer.push(sample);
    this.#metrics.pending.set({ sink: this.id }, this.#buffer.length);
    if (this.#buffer.length >= this.#config.max_samples_per_send) this.#wakers.wake();
  }

  async #sendLoop(): Promise<void> {
    for (;;) {
      if (this.#buffer.length < this.#config.max_samples_per_send && !this.#stopping) await this.#waitForBatch();
      if (this.#buffer.length === 0) {
        if (this.#stopping) return;
        continue;
      }
      const batch = this.#buffer.splice(0, this.#config.max_samples_per_send);
      this.#metrics.pending.set({ sink: this.id }, this.#buffer.length);
      await this.#deliver(batch);
    }
  }

  #waitForBatch(): Promise<void> {
    return this.#wakers.wait(this.#config.batch_send_deadline_ms);
  }

  async #deliver(batch: SeriesSample[]): Promise<void> {
    const series = groupSeries(batch);
    for (let attempt = 0; ; attempt++) {
      const signal = AbortSignal.any([this.#stop.signal, AbortSignal.timeout(this.#config.remote_timeout_ms)]);
      const result = await sendWriteRequest(this.#target, series, signal);
      if (result.status === 'ok') {
        this.#metrics.sent.inc({ sink: this.id }, batch.length);
        return;
      }
      if (result.status === 'rejected') {
        this.#metrics.dropped.inc({ sink: this.id, reason: 'rejected' }, batch.length);
        this.#ctx.logger.warn('remote write rejected a batch; dropped', {
          sink: this.id,
          samples: batch.length,
          error: result.error.message,
        });
        return;
      }
      const exhausted = this.#config.max_retries > 0 && attempt >= this.#config.max_retries;
      if (exhausted || this.#stop.signal.aborted) {
        this.#metrics.dropped.inc(
          { sink: this.id, reason: exhausted ? 'retries_exhausted' : 'shutdown' },
          batch.length,
        );
        this.#ctx.logger.warn('remote write gave up on a batch; dropped', {
          sink: this.id,
          samples: batch.length,
          error: result.error.message,
        });
        return;
      }
      this.#metrics.retries.inc({ sink: this.id });
      const wait = Math.max(
        backoffMs(attempt, { minMs: this.#config.min_backoff_ms, maxMs: this.#config.max_backoff_ms }),
        result.retryAfterMs ?? 0,
      );
      try {
        await abortableSleep(wait, this.#stop.signal);
      } catch {
        // Shutdown deadline: the next turn counts the batch as dropped.
      }
    }
  }
}

function sinkMetrics(registry: Registry, id: string): SinkMetrics {
  const metrics: SinkMetrics = {
    sent: counter(
      registry,
      'collector_remote_write_samples_sent_total',
      'Samples accepted by the remote write endpoint',
      ['sink'],
    ),
    dropped: counter(registry, 'collector_remote_write_samples_dropped_total', 'Samples dropped, by reason', [
      'sink',
      'reason',
    ]),
    retries: counter(registry, 'collector_remote_write_retries_total', 'Remote write requests retried', ['sink']),
    pending: gauge(registry, 'collector_remote_write_pending_samples', 'Samples queued for remote write', ['sink']),
  };
  metrics.sent.inc({ sink: id }, 0);
  return metrics;
}

import path from 'node:path';
import type { ComponentContext, ComponentDefinition, Sink } from '../../component';
import type { Consumer } from '../../consumer';
import { createQueue } from '../../delivery/create-queue';
import { createQueuedSink } from '../../delivery/queued-sink';
import { withRetry } from '../../delivery/retry';
import type { Send } from '../../delivery/send';
import { createSinkMetrics } from '../../delivery/sink-metrics';
import { withTimeout } from '../../delivery/timeout';
import { nowNs } from '../../entry';
import { codecs, type SignalCodec } from '../../otlp/codec';
import { counter } from '../../otlp/metric-factory';
import type { SignalSink } from '../../otlp/signal-consumer';
import type { MetricsData, Signal, SignalData, TracesData } from '../../otlp/types';
import { otlpSinkConfig, type OtlpSinkConfig } from './config';
import { entriesToLogsData } from './entries-to-log-records';
import { joinEnvelopes, toEnvelope } from './envelope';
import { createOtlpSend } from './send';

export interface OtlpSink extends Sink, SignalSink {
  readonly signals: { readonly traces: Consumer<TracesData>; readonly metrics: Consumer<MetricsData> };
}

/** OTLP/HTTP exporter: log entries (consume) and OTLP traces/metrics (signals), each signal through its own queue. */
export function createOtlpSink(config: OtlpSinkConfig, ctx: ComponentContext): OtlpSink {
  const sent = counter(ctx.registry, 'collector_otlp_exporter_sent_items_total', 'Spans, data points and log records an otlp sink delivered', ['sink', 'signal']);
  const rejected = counter(ctx.registry, 'collector_otlp_exporter_rejected_items_total', 'Items the OTLP endpoint refused in a partial success answer (never retried)', ['sink', 'signal']);

  function queuedSink<S extends Signal>(codec: SignalCodec<S>, toBody: Parameters<typeof createOtlpSend>[2]): Sink {
    const id = `${ctx.id}/${codec.signal}`;
    const metrics = createSinkMetrics(ctx.registry, id);
    const send: Send = createOtlpSend(config, codec, toBody, metrics, { sent: sent.labels(ctx.id, codec.signal), rejected: rejected.labels(ctx.id, codec.signal) });
    return createQueuedSink({
      id,
      queue: createQueue(config.queue, path.join(ctx.dataDir, codec.signal), ctx.logger),
      send: withRetry(withTimeout(send, config.timeout_ms), {
        minBackoffMs: config.retry.min_backoff_ms,
        maxBackoffMs: config.retry.max_backoff_ms,
        maxRetries: config.retry.max_retries,
        onRetry: (result, attempt, waitMs) => {
          metrics.retries.inc();
          ctx.logger.warn('OTLP export failed, retrying', { sink: id, attempt: attempt + 1, waitMs, error: result.error.message });
        },
      }),
      batchSizeBytes: config.batch_size_bytes,
      batchWaitMs: config.batch_wait_ms,
      overflow: config.queue.overflow,
      metrics,
      logger: ctx.logger,
    });
  }

  const logs = queuedSink(codecs.logs, (entries) => ({ body: codecs.logs.encodeProtobuf(entriesToLogsData(entries, nowNs())), items: entries.length }));
  const traces = queuedSink(codecs.traces, joinEnvelopes);
  const metrics = queuedSink(codecs.metrics, joinEnvelopes);
  const all = [logs, traces, metrics];

  return {
    id: ctx.id,
    consume: (batch, signal) => logs.consume(batch, signal),
    signals: {
      traces: envelopeConsumer(codecs.traces, traces),
      metrics: envelopeConsumer(codecs.metrics, metrics),
    },
    async start() {
      for (const s of all) await s.start();
    },
    async shutdown(signal) {
      await Promise.all(all.map((s) => s.shutdown(signal)));
    },
  };
}

/** Encodes each request once into a queue envelope; requests a processor emptied are not sent. */
function envelopeConsumer<S extends 'traces' | 'metrics'>(codec: SignalCodec<S>, sink: Sink): Consumer<SignalData[S]> {
  return {
    async consume(data, signal) {
      const items = codec.count(data);
      if (items === 0) return;
      await sink.consume({ entries: [toEnvelope(codec.encodeProtobuf(data), items)] }, signal);
    },
  };
}

export const otlpSinkDefinition: ComponentDefinition<OtlpSinkConfig, OtlpSink> = {
  type: 'otlp',
  description: 'Exports traces, metrics and log entries over OTLP/HTTP protobuf (gzip) to Tempo, an OpenTelemetry Collector or the Grafana Cloud OTLP gateway; retries 429/502/503/504 honouring Retry-After; queue per signal',
  config: otlpSinkConfig,
  takes: ['logs', 'traces', 'metrics'],
  create: createOtlpSink,
};

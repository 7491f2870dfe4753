import path from 'node:path';
import type { ComponentContext, ComponentDefinition, SignalSink, Sink } from '../../component';
import type { Consumer } from '../../consumer';
import { createQueue } from '../../delivery/create-queue';
import { createQueuedSink, oldestMs, type QueuedSink, type QueuedSinkOptions } from '../../delivery/queued-sink';
import { retryOptions, withRetry } from '../../delivery/retry';
import { createSinkMetrics } from '../../delivery/sink-metrics';
import { withTimeout } from '../../delivery/timeout';
import { nowNs } from '../../entry';
import { codecs, type SignalCodec } from '../../protocols/otlp/codec';
import { counter } from '../../telemetry/metric-factory';
import type { MetricsData, Signal, SignalData, TracesData } from '../../protocols/otlp/types';
import { otlpSinkConfig, type OtlpSinkConfig } from './config';
import { entriesToLogsData } from './entries-to-log-records';
import { createOtlpSend } from './send';

export interface OtlpSink extends Sink, SignalSink {
  readonly signals: { readonly traces: Consumer<TracesData>; readonly metrics: Consumer<MetricsData> };
}

/** OTLP/HTTP exporter: log entries (consume) and OTLP traces/metrics (signals), each signal through its own queue. */
export function createOtlpSink(config: OtlpSinkConfig, ctx: ComponentContext): OtlpSink {
  const sent = counter(
    ctx.registry,
    'collector_otlp_exporter_sent_items_total',
    'Spans, data points and log records an otlp sink delivered',
    ['sink', 'signal'],
  );
  const rejected = counter(
    ctx.registry,
    'collector_otlp_exporter_rejected_items_total',
    'Items the OTLP endpoint refused in a partial success answer (never retried)',
    ['sink', 'signal'],
  );

  function queuedSink<S extends Signal>(codec: SignalCodec<S>, encode?: QueuedSinkOptions['encode']): QueuedSink {
    const id = `${ctx.id}/${codec.signal}`;
    const metrics = createSinkMetrics(ctx.registry, id);
    const send = createOtlpSend(config, codec, metrics, {
      sent: sent.labels(ctx.id, codec.signal),
      rejected: rejected.labels(ctx.id, codec.signal),
    });
    return createQueuedSink({
      id,
      queue: createQueue(config.queue, path.join(ctx.dataDir, codec.signal), ctx.logger),
      encode,
      send: withRetry(
        withTimeout(send, config.timeout_ms),
        retryOptions(config.retry, metrics, ctx.logger, id, 'OTLP export failed'),
      ),
      batchSizeBytes: config.batch_size_bytes,
      batchWaitMs: config.batch_wait_ms,
      parallelRequests: config.parallel_requests,
      overflow: config.queue.overflow,
      metrics,
      logger: ctx.logger,
    });
  }

  // Log entries become an OTLP request when consumed; traces and metrics arrive encoded (signalConsumer).
  const logs = queuedSink(codecs.logs, (entries) => ({
    payload: asBuffer(codecs.logs.encodeProtobuf(entriesToLogsData(entries, nowNs()))),
    entries: entries.length,
    oldestMs: oldestMs(entries),
  }));
  const traces = queuedSink(codecs.traces);
  const metrics = queuedSink(codecs.metrics);
  const all = [logs, traces, metrics];

  return {
    id: ctx.id,
    consume: (batch, signal) => logs.consume(batch, signal),
    signals: {
      traces: signalConsumer(codecs.traces, traces),
      metrics: signalConsumer(codecs.metrics, metrics),
    },
    async start() {
      for (const s of all) await s.start();
    },
    async shutdown(signal) {
      await Promise.all(all.map((s) => s.shutdown(signal)));
    },
  };
}

/**
 * Encodes each request once into a queue record; requests a processor emptied are not sent. Encoded OTLP requests
 * have only repeated fields, so the records of a chunk concatenate into one valid request.
 */
function signalConsumer<S extends 'traces' | 'metrics'>(
  codec: SignalCodec<S>,
  sink: QueuedSink,
): Consumer<SignalData[S]> {
  return {
    async consume(data) {
      const items = codec.count(data);
      if (items === 0) return;
      await sink.enqueue({ payload: asBuffer(codec.encodeProtobuf(data)), entries: items, oldestMs: Date.now() });
    },
  };
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

export const otlpSinkDefinition: ComponentDefinition<OtlpSinkConfig, OtlpSink> = {
  type: 'otlp',
  description:
    'Exports traces, metrics and log entries over OTLP/HTTP protobuf (gzip) to Tempo, an OpenTelemetry Collector or the Grafana Cloud OTLP gateway; retries 429/502/503/504 honouring Retry-After; queue per signal',
  config: otlpSinkConfig,
  takes: ['logs', 'traces', 'metrics'],
  create: createOtlpSink,
};

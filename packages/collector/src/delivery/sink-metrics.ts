import type { Registry } from 'prom-client';
import { counter, gauge, histogram } from '../telemetry/metric-factory';

/** Metrics a queued sink keeps, children resolved once for its `sink` label. */
export interface SinkMetrics {
  sentEntries: CounterChild;
  sentBytes: CounterChild;
  retries: CounterChild;
  dropped(reason: string): CounterChild;
  queueEntries: GaugeChild;
  queueBytes: GaugeChild;
  queueCapacityBytes: GaugeChild;
  requestDuration(statusCode: string): HistogramChild;
  propagationLatency: HistogramChild;
}

interface CounterChild {
  inc(n?: number): void;
}
interface GaugeChild {
  set(value: number): void;
}
interface HistogramChild {
  observe(value: number): void;
}

export function createSinkMetrics(registry: Registry, sink: string): SinkMetrics {
  const sent = counter(registry, 'collector_sink_sent_entries_total', 'Entries delivered by a sink', ['sink']);
  const sentBytes = counter(
    registry,
    'collector_sink_sent_bytes_total',
    'Bytes delivered by a sink, as encoded before compression',
    ['sink'],
  );
  const retries = counter(registry, 'collector_sink_retries_total', 'Delivery attempts retried', ['sink']);
  const dropped = counter(registry, 'collector_sink_dropped_entries_total', 'Entries a sink gave up on, by reason', [
    'sink',
    'reason',
  ]);
  const queueEntries = gauge(registry, 'collector_sink_queue_entries', 'Entries waiting in a sink queue', ['sink']);
  const queueBytes = gauge(registry, 'collector_sink_queue_bytes', 'Bytes waiting in a sink queue', ['sink']);
  const queueCapacity = gauge(
    registry,
    'collector_sink_queue_capacity_bytes',
    'The capacity_bytes bound of a sink queue (divide collector_sink_queue_bytes by it for fullness)',
    ['sink'],
  );
  const duration = histogram(
    registry,
    'collector_sink_request_duration_seconds',
    'Duration of delivery attempts',
    ['sink', 'status_code'],
    [0.005, 0.025, 0.1, 0.5, 1, 2.5, 10, 30],
  );
  const latency = histogram(
    registry,
    'collector_sink_entry_propagation_latency_seconds',
    'Time from the oldest entry timestamp in a batch to its delivery',
    ['sink'],
    [0.05, 0.25, 1, 5, 30, 120, 600, 3600],
  );
  const droppedChildren = new Map<string, CounterChild>();
  const durationChildren = new Map<string, HistogramChild>();
  return {
    sentEntries: sent.labels(sink),
    sentBytes: sentBytes.labels(sink),
    retries: retries.labels(sink),
    dropped(reason) {
      let child = droppedChildren.get(reason);
      if (!child) droppedChildren.set(reason, (child = dropped.labels(sink, reason)));
      return child;
    },
    queueEntries: queueEntries.labels(sink),
    queueBytes: queueBytes.labels(sink),
    queueCapacityBytes: queueCapacity.labels(sink),
    requestDuration(statusCode) {
      let child = durationChildren.get(statusCode);
      if (!child) durationChildren.set(statusCode, (child = duration.labels(sink, statusCode)));
      return child;
    },
    propagationLatency: latency.labels(sink),
  };
}

import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { getOrCreate } from '../telemetry/metric-factory';

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
  const registers = [registry];
  const sent = getOrCreate(registry, 'collector_sink_sent_entries_total', () => new Counter({ name: 'collector_sink_sent_entries_total', help: 'Entries delivered by a sink', labelNames: ['sink'], registers }));
  const sentBytes = getOrCreate(registry, 'collector_sink_sent_bytes_total', () => new Counter({ name: 'collector_sink_sent_bytes_total', help: 'Bytes delivered by a sink, as encoded before compression', labelNames: ['sink'], registers }));
  const retries = getOrCreate(registry, 'collector_sink_retries_total', () => new Counter({ name: 'collector_sink_retries_total', help: 'Delivery attempts retried', labelNames: ['sink'], registers }));
  const dropped = getOrCreate(registry, 'collector_sink_dropped_entries_total', () => new Counter({ name: 'collector_sink_dropped_entries_total', help: 'Entries a sink gave up on, by reason', labelNames: ['sink', 'reason'], registers }));
  const queueEntries = getOrCreate(registry, 'collector_sink_queue_entries', () => new Gauge({ name: 'collector_sink_queue_entries', help: 'Entries waiting in a sink queue', labelNames: ['sink'], registers }));
  const queueBytes = getOrCreate(registry, 'collector_sink_queue_bytes', () => new Gauge({ name: 'collector_sink_queue_bytes', help: 'Bytes waiting in a sink queue', labelNames: ['sink'], registers }));
  const queueCapacity = getOrCreate(registry, 'collector_sink_queue_capacity_bytes', () => new Gauge({ name: 'collector_sink_queue_capacity_bytes', help: 'The capacity_bytes bound of a sink queue (divide collector_sink_queue_bytes by it for fullness)', labelNames: ['sink'], registers }));
  const duration = getOrCreate(registry, 'collector_sink_request_duration_seconds', () => new Histogram({ name: 'collector_sink_request_duration_seconds', help: 'Duration of delivery attempts', labelNames: ['sink', 'status_code'], buckets: [0.005, 0.025, 0.1, 0.5, 1, 2.5, 10, 30], registers }));
  const latency = getOrCreate(registry, 'collector_sink_entry_propagation_latency_seconds', () => new Histogram({ name: 'collector_sink_entry_propagation_latency_seconds', help: 'Time from the oldest entry timestamp in a batch to its delivery', labelNames: ['sink'], buckets: [0.05, 0.25, 1, 5, 30, 120, 600, 3600], registers }));
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

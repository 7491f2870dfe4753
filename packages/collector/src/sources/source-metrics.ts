import { Counter, Gauge, type Registry } from 'prom-client';
import { getOrCreate } from '../telemetry/metric-factory';

/** Metrics every source keeps, resolved once for its `source` label. */
export function createSourceMetrics(registry: Registry, source: string) {
  const registers = [registry];
  const lines = getOrCreate(registry, 'collector_source_read_lines_total', () => new Counter({ name: 'collector_source_read_lines_total', help: 'Lines (entries) a source read and handed on', labelNames: ['source'], registers }));
  const bytes = getOrCreate(registry, 'collector_source_read_bytes_total', () => new Counter({ name: 'collector_source_read_bytes_total', help: 'Bytes a source read', labelNames: ['source'], registers }));
  const truncated = getOrCreate(registry, 'collector_source_truncated_lines_total', () => new Counter({ name: 'collector_source_truncated_lines_total', help: 'Lines cut to max_line_size', labelNames: ['source'], registers }));
  const retries = getOrCreate(registry, 'collector_source_backpressure_retries_total', () => new Counter({ name: 'collector_source_backpressure_retries_total', help: 'Times a source waited and re-sent a batch the next step refused', labelNames: ['source'], registers }));
  const dropped = getOrCreate(registry, 'collector_source_dropped_lines_total', () => new Counter({ name: 'collector_source_dropped_lines_total', help: 'Lines a source gave up on because the next step rejected them permanently', labelNames: ['source', 'reason'], registers }));
  const filesActive = getOrCreate(registry, 'collector_source_files_active', () => new Gauge({ name: 'collector_source_files_active', help: 'Files a file source is tailing', labelNames: ['source'], registers }));
  const lagBytes = getOrCreate(registry, 'collector_source_file_lag_bytes', () => new Gauge({ name: 'collector_source_file_lag_bytes', help: 'Bytes written to tailed files but not yet acknowledged (file size minus saved position), summed', labelNames: ['source'], registers }));
  const requests = getOrCreate(registry, 'collector_push_requests_total', () => new Counter({ name: 'collector_push_requests_total', help: 'Push requests answered, by HTTP status', labelNames: ['source', 'status'], registers }));
  return {
    lines: lines.labels(source),
    bytes: bytes.labels(source),
    truncated: truncated.labels(source),
    retries: retries.labels(source),
    dropped: (reason: string) => dropped.labels(source, reason),
    filesActive: filesActive.labels(source),
    lagBytes: lagBytes.labels(source),
    requests: (status: number) => requests.labels(source, String(status)),
  };
}

export type SourceMetrics = ReturnType<typeof createSourceMetrics>;

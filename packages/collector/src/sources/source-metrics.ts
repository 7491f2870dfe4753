import type { Registry } from 'prom-client';
import { counter, gauge } from '../telemetry/metric-factory';

/** Metrics every source keeps, resolved once for its `source` label. */
export function createSourceMetrics(registry: Registry, source: string) {
  const lines = counter(registry, 'collector_source_read_lines_total', 'Lines (entries) a source read and handed on', [
    'source',
  ]);
  const bytes = counter(registry, 'collector_source_read_bytes_total', 'Bytes a source read', ['source']);
  const truncated = counter(registry, 'collector_source_truncated_lines_total', 'Lines cut to max_line_size', [
    'source',
  ]);
  const retries = counter(
    registry,
    'collector_source_backpressure_retries_total',
    'Times a source waited and re-sent a batch the next step refused',
    ['source'],
  );
  const dropped = counter(
    registry,
    'collector_source_dropped_lines_total',
    'Lines a source gave up on because the next step rejected them permanently',
    ['source', 'reason'],
  );
  const filesActive = gauge(registry, 'collector_source_files_active', 'Files a file source is tailing', ['source']);
  const lagBytes = gauge(
    registry,
    'collector_source_file_lag_bytes',
    'Bytes written to tailed files but not yet acknowledged (file size minus saved position), summed',
    ['source'],
  );
  const requests = counter(registry, 'collector_push_requests_total', 'Push requests answered, by HTTP status', [
    'source',
    'status',
  ]);
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

import type { ComponentDefinition, Sink } from '../../component';
import { createQueue } from '../../delivery/create-queue';
import { createQueuedSink } from '../../delivery/queued-sink';
import { retryOptions, withRetry } from '../../delivery/retry';
import { createSinkMetrics } from '../../delivery/sink-metrics';
import { withTimeout } from '../../delivery/timeout';
import { lokiSinkConfig, type LokiSinkConfig } from './config';
import type { EncodeOptions, EncodeStats } from '../../protocols/loki/encode';
import { encodeLokiRecord } from './record';
import { createLokiPost } from './send';
import { sendByTenant } from './send-by-tenant';
import { counter } from '../../telemetry/metric-factory';

export const lokiSinkDefinition: ComponentDefinition<LokiSinkConfig, Sink> = {
  type: 'loki',
  description:
    'Pushes to Loki (or Grafana Cloud Logs) as snappy protobuf, batched, retried, through its own queue; one request per `__tenant_id__` (the tenant stage) as X-Scope-OrgID',
  config: lokiSinkConfig,
  create(config, ctx) {
    const metrics = createSinkMetrics(ctx.registry, ctx.id);
    const truncated = counter(
      ctx.registry,
      'collector_loki_truncated_lines_total',
      'Lines cut to max_line_size_bytes by a loki sink',
      ['sink'],
    ).labels(ctx.id);
    const moved = counter(
      ctx.registry,
      'collector_loki_labels_moved_total',
      'Labels past max_labels moved to structured metadata by a loki sink',
      ['sink'],
    ).labels(ctx.id);
    const encodeOptions: EncodeOptions = {
      externalLabels: config.external_labels,
      maxLabels: config.max_labels,
      maxLineBytes: config.max_line_size_bytes,
    };
    const onEncoded = (stats: EncodeStats): void => {
      if (stats.truncatedLines > 0) truncated.inc(stats.truncatedLines);
      if (stats.movedLabels > 0) moved.inc(stats.movedLabels);
    };
    const postAs = createLokiPost(config, metrics);
    const retry = retryOptions(config.retry, metrics, ctx.logger, ctx.id, 'loki push failed');
    return createQueuedSink({
      id: ctx.id,
      queue: createQueue(config.queue, ctx.dataDir, ctx.logger),
      encode: (entries) => encodeLokiRecord(entries, encodeOptions, config.tenant_id, onEncoded),
      // Split outside the retry, so a retried tenant never resends what another tenant already delivered.
      send: sendByTenant((tenant) => withRetry(withTimeout(postAs(tenant), config.timeout_ms), retry)),
      batchSizeBytes: config.batch_size_bytes,
      batchWaitMs: config.batch_wait_ms,
      parallelRequests: config.parallel_requests,
      overflow: config.queue.overflow,
      metrics,
      logger: ctx.logger,
    });
  },
};

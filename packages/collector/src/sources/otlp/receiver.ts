import { z } from 'zod';
import type { SourceContext } from '../../component';
import type { Consumer, Lifecycle } from '../../consumer';
import { nowNs } from '../../entry';
import { PermanentError, QueueFullError, RetryableError, ShutdownError } from '../../errors';
import type { Processor } from '../../processors/processor';
import { buildProcessors, processorListSchema } from '../../processors/registry';
import { codecs } from '../../protocols/otlp/codec';
import { createLogRecordConverter, logMappingSchema } from './log-records-to-entries';
import { counter } from '../../telemetry/metric-factory';
import { signals, type PartialSuccess, type Signal, type SignalData } from '../../protocols/otlp/types';

const sinkTarget = z.string().regex(/^sinks\.[A-Za-z0-9_-]+$/, 'expected sinks.<id>');

/** Keys both OTLP receivers share; `forward_to` (log entries) is the loader's, as for every source. */
export const receiverConfigShape = {
  traces_forward_to: z
    .array(sinkTarget)
    .default([])
    .describe(
      'Sinks that take traces (type otlp or file). Spans go nowhere without one: they are refused as partial success.',
    ),
  metrics_forward_to: z
    .array(sinkTarget)
    .default([])
    .describe('Sinks that take OTLP metrics (type otlp, prometheus_remote_write or file).'),
  logs: logMappingSchema.prefault({}).describe('How OTLP log records become entries for forward_to.'),
  processors: processorListSchema
    .default([])
    .describe('Processors run in order on every signal before forwarding, e.g. memory_limiter first, batch last.'),
};

export type ReceiverConfig = z.infer<z.ZodObject<typeof receiverConfigShape>>;

/** SourceContext, whose signals() finds the sinks of traces_forward_to / metrics_forward_to. */
export type OtlpReceiverContext = SourceContext;

export interface OtlpReceiver extends Lifecycle {
  /** Processes and forwards one request; resolves once every target accepted, with what was refused if anything. */
  export<S extends Signal>(signal: S, data: SignalData[S], abort: AbortSignal): Promise<PartialSuccess | undefined>;
}

/** The part of the OTLP receivers that does not depend on the transport: processors, log mapping, routing, counts. */
export function createOtlpReceiver(
  config: ReceiverConfig,
  ctx: OtlpReceiverContext,
  protocol: 'http' | 'grpc',
): OtlpReceiver {
  const processors: Processor[] = buildProcessors(config.processors, {
    id: ctx.id,
    logger: ctx.logger,
    registry: ctx.registry,
  });
  const toEntries = createLogRecordConverter(config.logs, nowNs);
  const receivedTotal = counter(
    ctx.registry,
    'collector_otlp_received_items_total',
    'Spans, data points and log records received by an OTLP receiver',
    ['source', 'protocol', 'signal'],
  );
  const refusedTotal = counter(
    ctx.registry,
    'collector_otlp_refused_items_total',
    'Items an OTLP receiver answered with an error or partial success, by reason',
    ['source', 'protocol', 'signal', 'reason'],
  );
  const received = {
    traces: receivedTotal.labels(ctx.id, protocol, 'traces'),
    metrics: receivedTotal.labels(ctx.id, protocol, 'metrics'),
    logs: receivedTotal.labels(ctx.id, protocol, 'logs'),
  };
  const refusedChildren = new Map<string, { inc(n: number): void }>();
  const refused = (signal: Signal, reason: string): { inc(n: number): void } => {
    const key = `${signal}/${reason}`;
    let child = refusedChildren.get(key);
    if (child === undefined) refusedChildren.set(key, (child = refusedTotal.labels(ctx.id, protocol, signal, reason)));
    return child;
  };
  const logsSink: Consumer<SignalData['logs']> = {
    consume: (data, abort) => ctx.next.consume({ entries: toEntries(data) }, abort),
  };
  const targets: { [S in Signal]?: Consumer<SignalData[S]> } = {
    logs: logsSink,
    traces: resolveTargets(ctx, 'traces', config.traces_forward_to),
    metrics: resolveTargets(ctx, 'metrics', config.metrics_forward_to),
  };
  const chains = new Map<Signal, Consumer<never>>();
  for (const signal of signals) {
    const target = targets[signal];
    if (target === undefined) continue;
    let chain = target as Consumer<SignalData[typeof signal]>;
    for (let i = processors.length - 1; i >= 0; i--) chain = processors[i].wrap(signal, chain);
    chains.set(signal, chain);
  }
  let stopped = false;

  return {
    async export(signal, data, abort) {
      const count = codecs[signal].count(data);
      received[signal].inc(count);
      const chain = chains.get(signal) as Consumer<typeof data> | undefined;
      if (chain === undefined) {
        refused(signal, 'no_target').inc(count);
        return { rejected: count, errorMessage: `source ${ctx.id} forwards no ${signal} (set ${signal}_forward_to)` };
      }
      if (stopped) throw new ShutdownError();
      try {
        await chain.consume(data, abort);
      } catch (err) {
        refused(signal, refusalReason(err)).inc(count);
        throw err;
      }
      return undefined;
    },
    async start() {
      for (const p of processors) await p.start();
    },
    async shutdown(abort) {
      stopped = true;
      for (const p of processors) await p.shutdown(abort);
    },
  };
}

function resolveTargets<S extends 'traces' | 'metrics'>(
  ctx: OtlpReceiverContext,
  signal: S,
  targets: readonly string[],
): Consumer<SignalData[S]> | undefined {
  if (targets.length === 0) return undefined;
  if (ctx.signals === undefined) throw new Error(`${ctx.id}: ${signal}_forward_to needs a runtime that resolves sinks`);
  try {
    return ctx.signals(signal, targets);
  } catch (err) {
    throw new Error(`${ctx.id}: ${signal}_forward_to: ${(err as Error).message}`);
  }
}

function refusalReason(err: unknown): string {
  if (err instanceof QueueFullError) return 'queue_full';
  if (err instanceof ShutdownError) return 'shutdown';
  if (err instanceof RetryableError) return 'retryable';
  if (err instanceof PermanentError) return 'permanent';
  return 'error';
}

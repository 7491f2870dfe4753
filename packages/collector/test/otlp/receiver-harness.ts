import type { Consumer } from '../../src/consumer';
import type { LogBatch } from '../../src/entry';
import type { SignalSink, Sink } from '../../src/component';
import { createTargets } from '../../src/pipelines/targets';
import type { MetricsData, TracesData } from '../../src/protocols/otlp/types';
import { createOtlpGrpcSource, otlpGrpcConfig, type OtlpGrpcSource } from '../../src/sources/otlp/grpc';
import { createOtlpHttpSource, otlpHttpConfig, type OtlpHttpSource } from '../../src/sources/otlp/http';
import { createMemoryConsumer, type MemoryConsumer } from '../../src/testing';
import { createTestContext } from '../support/sink-context';

/** Records the traces and metrics an OTLP receiver forwards; accepts at once unless told to fail. */
export interface SignalRecorder extends SignalSink {
  traces: TracesData[];
  metrics: MetricsData[];
  failWith?: () => Error;
}

export function createSignalRecorder(): SignalRecorder {
  const recorder: SignalRecorder = {
    traces: [],
    metrics: [],
    signals: {
      traces: {
        async consume(d) {
          if (recorder.failWith) throw recorder.failWith();
          recorder.traces.push(d);
        },
      },
      metrics: {
        async consume(d) {
          if (recorder.failWith) throw recorder.failWith();
          recorder.metrics.push(d);
        },
      },
    },
  };
  return recorder;
}

export interface Harness<S> {
  source: S;
  logs: MemoryConsumer;
  recorder: SignalRecorder;
  ctx: ReturnType<typeof createTestContext>;
}

function context(next: Consumer<LogBatch>, recorder: SignalRecorder) {
  const base = createTestContext('sources.otlp');
  // The runtime's own resolution, over one recorder sink.
  const sinks = new Map<string, Sink>([
    [
      'sinks.recorder',
      {
        id: 'sinks.recorder',
        consume: async () => undefined,
        start: async () => undefined,
        shutdown: async () => undefined,
        signals: recorder.signals,
      },
    ],
  ]);
  return { ...base, next, signals: createTargets(sinks, new Map()).signals };
}

/** Starts the source on a free loopback port; `wrap` puts a consumer (e.g. a failing one) in front of the recorded logs. */
export async function startHttp(
  extra: Record<string, unknown> = {},
  wrap: (logs: MemoryConsumer) => Consumer<LogBatch> = (logs) => logs,
): Promise<Harness<OtlpHttpSource>> {
  const logs = createMemoryConsumer();
  const recorder = createSignalRecorder();
  const ctx = context(wrap(logs), recorder);
  const config = otlpHttpConfig.parse({
    listen_address: '127.0.0.1',
    listen_port: 0,
    traces_forward_to: ['sinks.recorder'],
    metrics_forward_to: ['sinks.recorder'],
    ...extra,
  });
  const source = createOtlpHttpSource(config, ctx);
  await source.start();
  return { source, logs, recorder, ctx };
}

/** Starts the source on a free loopback port; `wrap` puts a consumer (e.g. a failing one) in front of the recorded logs. */
export async function startGrpc(
  extra: Record<string, unknown> = {},
  wrap: (logs: MemoryConsumer) => Consumer<LogBatch> = (logs) => logs,
): Promise<Harness<OtlpGrpcSource>> {
  const logs = createMemoryConsumer();
  const recorder = createSignalRecorder();
  const ctx = context(wrap(logs), recorder);
  const config = otlpGrpcConfig.parse({
    listen_address: '127.0.0.1',
    listen_port: 0,
    traces_forward_to: ['sinks.recorder'],
    metrics_forward_to: ['sinks.recorder'],
    ...extra,
  });
  const source = createOtlpGrpcSource(config, ctx);
  await source.start();
  return { source, logs, recorder, ctx };
}

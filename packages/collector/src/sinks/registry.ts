import type { ComponentDefinition, Sink } from '../component';
import { fileSinkDefinition } from './file';
import { lokiSinkDefinition } from './loki/sink';
import { otlpSinkDefinition } from './otlp/sink';
import { prometheusRemoteWriteSinkDefinition } from './prometheus-remote-write';
import { stdoutSinkDefinition } from './stdout';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each definition has its own config type
export type AnySinkDefinition = ComponentDefinition<any, Sink>;

/** Every sink type the config may name, keyed by its `type:` value. */
export const sinkDefinitions: Record<string, AnySinkDefinition> = {
  [lokiSinkDefinition.type]: lokiSinkDefinition,
  [fileSinkDefinition.type]: fileSinkDefinition,
  [stdoutSinkDefinition.type]: stdoutSinkDefinition,
  [otlpSinkDefinition.type]: otlpSinkDefinition,
  [prometheusRemoteWriteSinkDefinition.type]: prometheusRemoteWriteSinkDefinition,
};

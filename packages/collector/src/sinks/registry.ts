import type { ComponentDefinition, Sink } from '../component';
import { lazyRegistry } from '../lazy-registry';

export type AnySinkDefinition = ComponentDefinition<unknown, Sink>;

/** Every sink type the config may name, keyed by its `type:` value; each module loads when a config names it. */
export const sinkDefinitions: Record<string, AnySinkDefinition> = lazyRegistry<AnySinkDefinition>({
  loki: () => (require('./loki/sink') as typeof import('./loki/sink')).lokiSinkDefinition,
  file: () => (require('./file') as typeof import('./file')).fileSinkDefinition,
  stdout: () => (require('./stdout') as typeof import('./stdout')).stdoutSinkDefinition,
  otlp: () => (require('./otlp/sink') as typeof import('./otlp/sink')).otlpSinkDefinition,
  prometheus_remote_write: () =>
    (require('./prometheus-remote-write') as typeof import('./prometheus-remote-write'))
      .prometheusRemoteWriteSinkDefinition,
});

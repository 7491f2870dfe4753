import type { ComponentDefinition, Source, SourceContext } from '../component';
import { lazyRegistry } from '../lazy-registry';

export type AnySourceDefinition = ComponentDefinition<unknown, Source, SourceContext>;

/** Every source type the config may name, keyed by its `type:` value; each module loads when a config names it. */
export const sourceDefinitions: Record<string, AnySourceDefinition> = lazyRegistry<AnySourceDefinition>({
  file: () => (require('./file/source') as typeof import('./file/source')).fileSourceDefinition,
  gelf: () => (require('./gelf/source') as typeof import('./gelf/source')).gelfSourceDefinition,
  heroku_drain: () =>
    (require('./heroku-drain/source') as typeof import('./heroku-drain/source')).herokuDrainSourceDefinition,
  loki_push: () => (require('./loki-push') as typeof import('./loki-push')).lokiPushSourceDefinition,
  otlp_http: () => (require('./otlp/http') as typeof import('./otlp/http')).otlpHttpSourceDefinition,
  otlp_grpc: () => (require('./otlp/grpc') as typeof import('./otlp/grpc')).otlpGrpcSourceDefinition,
  syslog: () => (require('./syslog/source') as typeof import('./syslog/source')).syslogSourceDefinition,
});

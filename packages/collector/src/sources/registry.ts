import type { ComponentDefinition, Source, SourceContext } from '../component';
import { fileSourceDefinition } from './file/source';
import { lokiPushSourceDefinition } from './loki-push';
import { otlpGrpcSourceDefinition } from './otlp-grpc';
import { otlpHttpSourceDefinition } from './otlp-http';
import { syslogSourceDefinition } from './syslog/source';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each definition has its own config type
export type AnySourceDefinition = ComponentDefinition<any, Source, SourceContext>;

/** Every source type the config may name, keyed by its `type:` value. */
export const sourceDefinitions: Record<string, AnySourceDefinition> = {
  [fileSourceDefinition.type]: fileSourceDefinition,
  [lokiPushSourceDefinition.type]: lokiPushSourceDefinition,
  [otlpHttpSourceDefinition.type]: otlpHttpSourceDefinition,
  [otlpGrpcSourceDefinition.type]: otlpGrpcSourceDefinition,
  [syslogSourceDefinition.type]: syslogSourceDefinition,
};

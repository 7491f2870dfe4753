import type { LogSelector } from '../logql';

/** One validated stage: its YAML key and its config as its own zod schema parsed it. */
export interface StageConfig {
  readonly type: string;
  readonly config: unknown;
}

export interface RouteConfig {
  readonly selector: LogSelector;
  readonly forward_to: readonly string[];
  /** true: keep looking at later routes after this one matched (fan-out); false: first match wins. */
  readonly continue: boolean;
}

export interface SourceConfig {
  /** The key under `sources:`; components are addressed as `sources.<id>`. */
  readonly id: string;
  readonly type: string;
  /** `pipelines.<id>` or `sinks.<id>`. */
  readonly forward_to: readonly string[];
  /** The source type's own keys, parsed by its zod schema. */
  readonly config: unknown;
}

export interface PipelineConfig {
  readonly id: string;
  readonly stages: readonly StageConfig[];
  readonly forward_to: readonly string[];
  readonly routes: readonly RouteConfig[];
  /** Where entries that match no route go; empty drops them (counted). */
  readonly default_forward_to: readonly string[];
  /** `namespace.name` when the stages came from an imported module. */
  readonly module?: string;
}

export interface SinkConfig {
  readonly id: string;
  readonly type: string;
  readonly config: unknown;
}

/** A validated, trusted collector config. Pipelines are ordered so each comes after the pipelines it forwards to. */
export interface CollectorConfig {
  /** Absolute path of the main config file. */
  readonly file: string;
  readonly server: {
    readonly http_listen_address: string;
    readonly http_listen_port: number;
    readonly log_level?: 'debug' | 'info' | 'warn' | 'error';
  };
  readonly storage_path: string;
  /** Collector-wide limits; absent in configs built by hand, which then get the defaults. */
  readonly limits?: { readonly max_in_flight_bytes?: number };
  readonly sources: readonly SourceConfig[];
  readonly pipelines: readonly PipelineConfig[];
  readonly sinks: readonly SinkConfig[];
}

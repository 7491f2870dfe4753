import type { Definition } from './definition';
import type { Registry } from 'prom-client';
import type { Consumer, Lifecycle } from './consumer';
import type { LogBatch } from './entry';
import type { Signal, SignalData } from './protocols/otlp/types';

/** What the collector hands every component it builds. */
export interface ComponentContext {
  /** The component's id from the config, e.g. `sources.app_logs` or `sinks.loki`. */
  id: string;
  logger: Logger;
  /** The collector's own registry, exposed on its /metrics. */
  registry: Registry;
  /** Folder for this component's durable state (positions, disk queues); created on demand. */
  dataDir: string;
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** A source or sink type; its zod config covers the component's own keys (without `type` and `forward_to`). */
export interface ComponentDefinition<C, T, X extends ComponentContext = ComponentContext> extends Definition<C, T, X> {
  /** Sinks only: what it takes (logs through consume(), traces/metrics through `signals`); omitted means logs only. */
  takes?: readonly Signal[];
}

/**
 * The bytes of request bodies being received and decoded, across every receiver of the collector. A request
 * holds its part from its first byte until it is answered, so decoding and handing on stay within the limit.
 */
export interface InFlightBudget {
  readonly limitBytes: number;
  /** A reservation for one request; grow it as bytes arrive, release it once the request is answered. */
  open(): InFlightReservation;
}

export interface InFlightReservation {
  /**
   * Adds `bytes` to the reservation. Throws QueueFullError (429/RESOURCE_EXHAUSTED, Retry-After) when the
   * collector is over its limit now, or RequestTooLargeError when this request alone could never fit.
   */
  add(bytes: number): void;
  /** Gives every reserved byte back; idempotent. */
  release(): void;
}

export interface Source extends Lifecycle {
  readonly id: string;
}

/** Sources get the consumer they feed; positions advance / 2xx is answered only after it resolves. */
export interface SourceContext extends ComponentContext {
  next: Consumer<LogBatch>;
  /** The bytes all receivers may hold at once (limits.max_in_flight_bytes); set by the runtime, unlimited without it. */
  inFlight?: InFlightBudget;
  /** The sinks of a `traces_forward_to` / `metrics_forward_to` list as one consumer, for OTLP sources; set by the runtime. */
  signals?: SignalTargets;
}

/** Resolves sink names to one consumer of `signal`; throws naming a target that is not a sink or does not take it. */
export type SignalTargets = <S extends Signal>(signal: S, targets: readonly string[]) => Consumer<SignalData[S]>;

/** What a sink takes besides log entries through consume(): OTLP traces and/or metrics. */
export type SignalConsumers = { readonly [S in Signal]?: Consumer<SignalData[S]> };

/**
 * A sink reads (encodes) the entries of a batch before its consume() returns and never changes them, so a fan-out
 * can hand the same entries to several sinks and then to a pipeline that changes them in place.
 */
export interface Sink extends Consumer<LogBatch>, Lifecycle {
  readonly id: string;
  /** Set by sinks that also take traces or metrics (the otlp sink, prometheus remote write, file); matches `takes`. */
  readonly signals?: SignalConsumers;
}

/** A sink that takes traces and/or metrics. */
export interface SignalSink {
  readonly signals: SignalConsumers;
}

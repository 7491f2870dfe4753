import type { SourceContext } from '../../component';
import { copyLabels, nowNs, type Labels, type LogEntry } from '../../entry';
import { emitBatch } from '../file/emitter';
import { createSourceMetrics, type SourceMetrics } from '../source-metrics';
import type { GelfError } from './chunks';
import type { GelfSourceConfig } from './config';
import { gelfLabels, gelfLine, gelfTimestampNs, type GelfMessage } from './message';

/** One message as read, before it becomes an entry (a refused batch is rebuilt from these). */
export interface Received {
  line: string;
  labels: Labels;
  timestampNs: bigint;
}

// A flood of bad input is counted in full but logged at most once per reason in this long.
const LOG_EVERY_MS = 10_000;

/**
 * What the UDP and TCP listeners share: GELF JSON to what is handed on, drops counted by reason and logged (rate
 * limited), batches handed on until the source stops.
 */
export class GelfIntake {
  readonly metrics: SourceMetrics;
  readonly #abort = new AbortController();
  readonly #loggedAt = new Map<string, number>();

  constructor(
    readonly config: GelfSourceConfig,
    readonly ctx: SourceContext,
  ) {
    this.metrics = createSourceMetrics(ctx.registry, ctx.id);
  }

  get stopped(): boolean {
    return this.#abort.signal.aborted;
  }

  /** A parsed message's line, labels and timestamp (parse with parseGelf, which throws GelfError on bad input). */
  build(msg: GelfMessage): Received {
    const incoming = this.config.use_incoming_timestamp ? gelfTimestampNs(msg) : undefined;
    return {
      line: gelfLine(msg),
      labels: gelfLabels(msg, copyLabels(this.config.labels)),
      timestampNs: incoming ?? nowNs(),
    };
  }

  /** Hands `batch` on, retrying back pressure; false once the source stops. */
  handOn(batch: readonly Received[]): Promise<boolean> {
    const entries = (): LogEntry[] =>
      batch.map((r) => ({
        timestampNs: r.timestampNs,
        line: r.line,
        labels: copyLabels(r.labels),
        structuredMetadata: {},
        extracted: {},
      }));
    return emitBatch(entries, this.ctx.next, this.#abort.signal, this.metrics, this.ctx.logger, this.ctx.id);
  }

  drop(err: GelfError, count = 1): void {
    this.metrics.dropped(err.reason).inc(count);
    this.warn(err.reason, 'GELF message dropped', { reason: err.reason, error: err.message });
  }

  /** Logs at most once per `kind` every 10 s. */
  warn(kind: string, message: string, fields: Record<string, unknown>): void {
    const now = Date.now();
    if (now - (this.#loggedAt.get(kind) ?? -Infinity) < LOG_EVERY_MS) return;
    this.#loggedAt.set(kind, now);
    this.ctx.logger.warn(message, { source: this.ctx.id, ...fields });
  }

  /** Stops handing on: a batch being handed on gives up. */
  stop(reason: unknown): void {
    this.#abort.abort(reason);
  }
}

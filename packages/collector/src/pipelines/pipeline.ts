import type { Registry } from 'prom-client';
import type { Logger } from '../component';
import type { PipelineConfig } from '../schema/collector-config';
import type { Consumer, Lifecycle } from '../consumer';
import { nowNs, type LogBatch, type LogEntry } from '../entry';
import { ShutdownError } from '../errors';
import { seedLabels } from '../stages/extracted';
import { FLUSH_ALL_NS } from '../stages/multiline';
import { buildStageChain } from '../stages/stage-chain';
import { createRouter } from './router';

export interface PipelineContext {
  registry: Registry;
  logger: Logger;
  /** Returns the consumer for `pipelines.<id>` or `sinks.<id>`; the runtime builds targets first. */
  resolve(target: string): Consumer<LogBatch>;
}

export interface PipelineConsumer extends Consumer<LogBatch>, Lifecycle {
  readonly id: string;
}

// Stages that hold entries (multiline) are flushed this often; their own max_wait_time decides what leaves.
const FLUSH_INTERVAL_MS = 250;

/** Runs a pipeline's compiled stages over each batch, then routes or fans out to its targets. */
export function createPipelineConsumer(pipeline: PipelineConfig, ctx: PipelineContext): PipelineConsumer {
  const chain = buildStageChain(pipeline.stages, '', {
    pipeline: pipeline.id,
    registry: ctx.registry,
    logger: ctx.logger,
  });
  const router = createRouter(pipeline, ctx);
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> | undefined;
  let closed = false;
  const flush = chain.flush;
  // Entries released by a flush whose delivery failed; retried on the next tick and at shutdown.
  let held: LogEntry[] = [];
  const flushHeld = async (signal: AbortSignal, now: bigint): Promise<void> => {
    if (!flush) return;
    flush(held, now);
    if (held.length === 0) return;
    const entries = held;
    held = [];
    try {
      await router.consume({ entries }, signal);
    } catch (err) {
      held = entries.concat(held);
      throw err;
    }
  };
  return {
    id: pipeline.id,
    async consume(batch: LogBatch, signal: AbortSignal): Promise<void> {
      if (closed) throw new ShutdownError();
      seedLabels(batch.entries);
      const out = chain.runBatch(batch.entries);
      if (out.length > 0) await router.consume({ entries: out }, signal);
    },
    async start(): Promise<void> {
      if (!flush || timer) return;
      timer = setInterval(() => {
        if (flushing) return;
        flushing = flushHeld(AbortSignal.timeout(FLUSH_INTERVAL_MS * 40), nowNs())
          .catch((err: unknown) => {
            ctx.logger.warn('delivering flushed entries failed; retrying on the next flush', {
              pipeline: pipeline.id,
              error: (err as Error).message,
            });
          })
          .finally(() => {
            flushing = undefined;
          });
      }, FLUSH_INTERVAL_MS);
      timer.unref();
    },
    async shutdown(signal: AbortSignal): Promise<void> {
      if (closed) return;
      closed = true;
      if (timer) clearInterval(timer);
      await flushing;
      // Shutdown releases every held block, whatever its age.
      await flushHeld(signal, FLUSH_ALL_NS);
    },
  };
}

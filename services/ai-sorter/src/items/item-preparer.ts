import { join } from 'node:path';
import type { PiiType } from '@obs/pii';
import { createWorkerPool } from '../workers/worker-pool';
import { decodeLines, type LinesOnWire } from './line-wire';
import { createItemTools, redactItems, type IncomingItem, type ItemToolOptions, type PreparedLines } from './prepare';

/** Runs the stateless per-item step over a batch, in order: on worker threads, or inline. */
export interface ItemPreparer {
  prepare(items: readonly IncomingItem[]): Promise<PreparedLines>;
  close(): Promise<void>;
}

export interface ItemPreparerOptions extends ItemToolOptions {
  /** Worker threads; 0 runs the step on the main thread. */
  readonly workers: number;
}

// Chunks smaller than this cost the main thread more in messages than spreading a batch over the workers gains.
const minChunkItems = 128;
// Always the built file: tests run src/ through a TypeScript transform, which a worker thread does not have.
const workerScript = join(__dirname, '..', '..', 'dist', 'items', 'item-worker.js');

export function createItemPreparer(options: ItemPreparerOptions): ItemPreparer {
  if (options.workers === 0) {
    const tools = createItemTools(options);
    return {
      async prepare(items) {
        return redactItems(items, tools);
      },
      async close() {},
    };
  }
  const pool = createWorkerPool<string, LinesOnWire>({
    script: workerScript,
    size: options.workers,
    workerData: { piiHashKey: options.piiHashKey } satisfies ItemToolOptions,
  });
  const chunkItems = (n: number) => Math.max(minChunkItems, Math.ceil(n / options.workers));
  return {
    async prepare(items) {
      const size = chunkItems(items.length);
      const chunks: Array<Promise<LinesOnWire>> = [];
      for (let start = 0; start < items.length; start += size)
        chunks.push(pool.run(JSON.stringify(items.slice(start, start + size))));
      const prepared = (await Promise.all(chunks)).map(decodeLines);
      if (prepared.length === 1) return prepared[0];
      const redactions: Partial<Record<PiiType, number>> = {};
      for (const chunk of prepared)
        for (const [type, n] of Object.entries(chunk.redactions) as Array<[PiiType, number]>)
          redactions[type] = (redactions[type] ?? 0) + n;
      return { lines: prepared.flatMap((chunk) => chunk.lines), redactions };
    },
    close: () => pool.close(),
  };
}

import { join } from 'node:path';
import { createWorkerPool } from '../workers/worker-pool';
import { createItemTools, redactItem, type IncomingItem, type ItemToolOptions, type RedactedLine } from './prepare';

/** Runs the stateless per-item step over a batch, in order: on worker threads, or inline. */
export interface ItemPreparer {
  prepare(items: readonly IncomingItem[]): Promise<RedactedLine[]>;
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
        return items.map((item) => redactItem(item, tools));
      },
      async close() {},
    };
  }
  const pool = createWorkerPool<string, string>({
    script: workerScript,
    size: options.workers,
    workerData: { piiHashKey: options.piiHashKey } satisfies ItemToolOptions,
  });
  const chunkItems = (n: number) => Math.max(minChunkItems, Math.ceil(n / options.workers));
  return {
    async prepare(items) {
      const size = chunkItems(items.length);
      const chunks: Array<Promise<RedactedLine[]>> = [];
      for (let start = 0; start < items.length; start += size) chunks.push(pool.run(JSON.stringify(items.slice(start, start + size))).then((out) => JSON.parse(out) as RedactedLine[]));
      return (await Promise.all(chunks)).flat();
    },
    close: () => pool.close(),
  };
}

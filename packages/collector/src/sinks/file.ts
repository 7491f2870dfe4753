import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import type { ComponentDefinition, Sink } from '../component';
import type { LogBatch } from '../entry';
import { ShutdownError } from '../errors';
import { createSinkMetrics } from '../delivery/sink-metrics';
import { formatNdjsonEntry } from './ndjson-entry';

export const fileSinkConfig = z
  .object({
    path: z.string().min(1).describe('NDJSON file to append to; folders are created'),
    max_size_bytes: z.number().int().positive().default(100 * 1024 * 1024).describe('Rotate when the file would grow past this: path -> path.1 -> path.2 ...'),
    max_files: z.number().int().min(1).default(5).describe('Files kept, counting the one being written'),
  })
  .strict();

export type FileSinkConfig = z.infer<typeof fileSinkConfig>;

export const fileSinkDefinition: ComponentDefinition<FileSinkConfig, Sink> = {
  type: 'file',
  description: 'Appends one NDJSON object per entry {ts, ts_ns, labels, structured_metadata, line}, rotating by size',
  config: fileSinkConfig,
  create(config, ctx) {
    return new FileSink(ctx.id, config, createSinkMetrics(ctx.registry, ctx.id));
  },
};

/** consume() resolves once the batch is written to the file (the OS page cache; survives a process crash). */
class FileSink implements Sink {
  #handle: fs.promises.FileHandle | undefined;
  #size = 0;
  #chain: Promise<void> = Promise.resolve();
  #stopping = false;

  constructor(
    readonly id: string,
    readonly config: FileSinkConfig,
    readonly metrics: ReturnType<typeof createSinkMetrics>,
  ) {}

  async start(): Promise<void> {
    await fs.promises.mkdir(path.dirname(this.config.path), { recursive: true });
  }

  consume(batch: LogBatch, _signal: AbortSignal): Promise<void> {
    if (this.#stopping) return Promise.reject(new ShutdownError(`sink ${this.id} is shutting down`));
    let text = '';
    for (const entry of batch.entries) text += formatNdjsonEntry(entry);
    const write = this.#chain.then(() => this.#write(text, batch.entries.length));
    this.#chain = write.catch(() => undefined);
    return write;
  }

  async #write(text: string, entries: number): Promise<void> {
    const bytes = Buffer.byteLength(text);
    if (!this.#handle) await this.#open();
    if (this.#size > 0 && this.#size + bytes > this.config.max_size_bytes) await this.#rotate();
    await this.#handle!.write(text);
    this.#size += bytes;
    this.metrics.sentEntries.inc(entries);
    this.metrics.sentBytes.inc(bytes);
  }

  async #open(): Promise<void> {
    await fs.promises.mkdir(path.dirname(this.config.path), { recursive: true });
    this.#handle = await fs.promises.open(this.config.path, 'a');
    this.#size = (await this.#handle.stat()).size;
  }

  async #rotate(): Promise<void> {
    await this.#handle!.close();
    this.#handle = undefined;
    const p = this.config.path;
    await fs.promises.rm(`${p}.${this.config.max_files - 1}`, { force: true });
    for (let i = this.config.max_files - 2; i >= 1; i--) await fs.promises.rename(`${p}.${i}`, `${p}.${i + 1}`).catch(ignoreMissing);
    if (this.config.max_files > 1) await fs.promises.rename(p, `${p}.1`);
    else await fs.promises.rm(p, { force: true });
    await this.#open();
  }

  async shutdown(_signal: AbortSignal): Promise<void> {
    this.#stopping = true;
    await this.#chain;
    await this.#handle?.close();
    this.#handle = undefined;
  }
}

function ignoreMissing(err: NodeJS.ErrnoException): void {
  if (err.code !== 'ENOENT') throw err;
}

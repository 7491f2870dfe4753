import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import type { ComponentDefinition, SignalSink, Sink } from '../component';
import type { Consumer } from '../consumer';
import type { LogBatch } from '../entry';
import { ShutdownError } from '../errors';
import { createSinkMetrics, type SinkMetrics } from '../delivery/sink-metrics';
import { codecs } from '../protocols/otlp/codec';
import { kernelFilesystemProblem } from '../schema/kernel-filesystem';
import type { MetricsData, TracesData } from '../protocols/otlp/types';
import { formatNdjsonEntry } from './ndjson-entry';
import { createRotatingFile, type RotatingFile } from './rotating-file';

type FileSignal = 'traces' | 'metrics';
const fileSignals: readonly FileSignal[] = ['traces', 'metrics'];

export const fileSinkConfig = z
  .object({
    path: z.string().min(1).describe('NDJSON file to append to; folders are created'),
    traces_path: z
      .string()
      .min(1)
      .optional()
      .describe(
        'File for OTLP traces, one OTLP/JSON request per line; default: path with its extension replaced by .traces.ndjson',
      ),
    metrics_path: z
      .string()
      .min(1)
      .optional()
      .describe(
        'File for OTLP metrics, one OTLP/JSON request per line; default: path with its extension replaced by .metrics.ndjson',
      ),
    max_size_bytes: z
      .number()
      .int()
      .positive()
      .default(100 * 1024 * 1024)
      .describe('Rotate when the file would grow past this: path -> path.1 -> path.2 ... (each file on its own)'),
    max_files: z.number().int().min(1).default(5).describe('Files kept per signal, counting the one being written'),
  })
  .strict()
  .superRefine((config, ctx) => {
    for (const key of ['path', ...fileSignals.map((signal) => `${signal}_path` as const)] as const) {
      const file = config[key];
      const problem = file === undefined ? undefined : kernelFilesystemProblem(path.resolve(file));
      if (problem !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: problem });
    }
    if (isFolder(config.path))
      ctx.addIssue({
        code: 'custom',
        path: ['path'],
        message: `${config.path} is a folder; give a file in it, e.g. ${path.join(config.path, 'out.ndjson')}`,
      });
    const seen = new Map([[path.resolve(config.path), 'path']]);
    for (const signal of fileSignals) {
      const key = `${signal}_path` as const;
      const resolved = path.resolve(signalPath(config, signal));
      const other = seen.get(resolved);
      if (other !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `${key} is the same file as ${other}; each signal needs its own file`,
        });
      else if (config[key] !== undefined && isFolder(resolved))
        ctx.addIssue({ code: 'custom', path: [key], message: `${resolved} is a folder; give a file in it` });
      seen.set(resolved, key);
    }
  });

export type FileSinkConfig = z.infer<typeof fileSinkConfig>;

function isFolder(file: string): boolean {
  return fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() === true;
}

/** Where a signal's lines go: its own key, else `path` with the extension swapped (`out/a.ndjson` -> `out/a.traces.ndjson`). */
export function signalPath(
  config: Pick<FileSinkConfig, 'path' | 'traces_path' | 'metrics_path'>,
  signal: FileSignal,
): string {
  const own = config[`${signal}_path`];
  if (own !== undefined) return own;
  const ext = path.extname(config.path);
  return `${ext === '' ? config.path : config.path.slice(0, -ext.length)}.${signal}.ndjson`;
}

/** The part of an OTLP codec a signal file needs. */
interface LineCodec<T> {
  count(data: T): number;
  encodeJson(data: T): string;
}

export interface FileSink extends Sink, SignalSink {
  readonly signals: { readonly traces: Consumer<TracesData>; readonly metrics: Consumer<MetricsData> };
}

export const fileSinkDefinition: ComponentDefinition<FileSinkConfig, FileSink> = {
  type: 'file',
  description:
    'Appends one NDJSON object per entry {ts, ts_ns, labels, structured_metadata, line}, and OTLP traces/metrics as one OTLP/JSON request per line to their own files, rotating by size',
  config: fileSinkConfig,
  takes: ['logs', 'traces', 'metrics'],
  create(config, ctx) {
    return new NdjsonFileSink(ctx.id, config, (id) => createSinkMetrics(ctx.registry, id));
  },
};

/** consume() and signals.*.consume() resolve once the batch is written to its file (the OS page cache; survives a process crash). */
class NdjsonFileSink implements FileSink {
  readonly signals: FileSink['signals'];
  readonly #logs: RotatingFile;
  readonly #metrics: SinkMetrics;
  readonly #signalFiles: RotatingFile[];
  #stopping = false;

  constructor(
    readonly id: string,
    readonly config: FileSinkConfig,
    metricsFor: (id: string) => SinkMetrics,
  ) {
    const open = (file: string): RotatingFile =>
      createRotatingFile({ path: file, maxSizeBytes: config.max_size_bytes, maxFiles: config.max_files });
    this.#logs = open(config.path);
    this.#metrics = metricsFor(id);
    const traces = open(signalPath(config, 'traces'));
    const metrics = open(signalPath(config, 'metrics'));
    this.#signalFiles = [traces, metrics];
    this.signals = {
      traces: this.#signalConsumer(codecs.traces, traces, metricsFor(`${id}/traces`)),
      metrics: this.#signalConsumer(codecs.metrics, metrics, metricsFor(`${id}/metrics`)),
    };
  }

  async start(): Promise<void> {
    await fs.promises.mkdir(path.dirname(this.config.path), { recursive: true });
  }

  consume(batch: LogBatch, _signal: AbortSignal): Promise<void> {
    let text = '';
    for (const entry of batch.entries) text += formatNdjsonEntry(entry);
    return this.#append(this.#logs, text, batch.entries.length, this.#metrics);
  }

  /** Each request becomes one OTLP/JSON line; requests a processor emptied are not written. */
  #signalConsumer<T>(codec: LineCodec<T>, file: RotatingFile, metrics: SinkMetrics): Consumer<T> {
    return {
      consume: (data) => {
        const items = codec.count(data);
        if (items === 0) return Promise.resolve();
        return this.#append(file, `${codec.encodeJson(data)}\n`, items, metrics);
      },
    };
  }

  async #append(file: RotatingFile, text: string, items: number, metrics: SinkMetrics): Promise<void> {
    if (this.#stopping) throw new ShutdownError(`sink ${this.id} is shutting down`);
    metrics.sentBytes.inc(await file.append(text));
    metrics.sentEntries.inc(items);
  }

  async shutdown(_signal: AbortSignal): Promise<void> {
    this.#stopping = true;
    await Promise.all([this.#logs, ...this.#signalFiles].map((file) => file.close()));
  }
}

import * as path from 'node:path';
import type { ComponentDefinition, Source, SourceContext } from '../../component';
import type { Labels } from '../../entry';
import { createSourceMetrics, type SourceMetrics } from '../source-metrics';
import { fileSourceConfig, type FileSourceConfig } from './config';
import { compileExclude, compileGlob, expandGlob, type CompiledGlob } from './glob';
import { isGzipFile, readGzipOnce } from './gzip-reader';
import { Positions } from './positions';
import { readPromtailPositions } from './positions-promtail';
import { Tailer, type TailerDeps } from './tailer';
import { present } from '../../errors';

export const fileSourceDefinition: ComponentDefinition<FileSourceConfig, Source, SourceContext> = {
  type: 'file',
  description: 'Tails files matched by globs, with a positions file, rotation handling and .gz files read once',
  config: fileSourceConfig,
  create: (config, ctx) => createFileSource(config, ctx),
};

export function createFileSource(config: FileSourceConfig, ctx: SourceContext): Source {
  return new FileSource(config, ctx);
}

interface Target {
  glob: CompiledGlob;
  exclude: ((file: string) => boolean) | undefined;
  labels: Labels;
}

interface Running {
  tailer?: Tailer;
  done: Promise<void>;
}

/** Runs one tailer per matched file; positions live in `<dataDir>/positions.json`. */
class FileSource implements Source {
  readonly id: string;
  readonly #config: FileSourceConfig;
  readonly #ctx: SourceContext;
  readonly #targets: Target[];
  readonly #metrics: SourceMetrics;
  readonly #running = new Map<string, Running>();
  readonly #abort = new AbortController();
  #positions: Positions | undefined;
  #timer: NodeJS.Timeout | undefined;
  #syncing: Promise<void> | undefined;
  #stopping = false;

  constructor(config: FileSourceConfig, ctx: SourceContext) {
    this.id = ctx.id;
    this.#config = config;
    this.#ctx = ctx;
    this.#metrics = createSourceMetrics(ctx.registry, ctx.id);
    this.#targets = config.targets.map(({ __path__, __path_exclude__, ...labels }) => ({
      glob: compileGlob(__path__),
      exclude: compileExclude(__path_exclude__),
      labels,
    }));
  }

  async start(): Promise<void> {
    if (this.#positions) return;
    const positions = await Positions.load(path.join(this.#ctx.dataDir, 'positions.json'));
    if (!positions.existed && this.#config.promtail_positions) {
      const wanted = (file: string): boolean => this.#targets.some((t) => t.glob.matches(file) && !t.exclude?.(file));
      const handed = await readPromtailPositions(this.#config.promtail_positions, wanted, this.#ctx.logger);
      await positions.adopt(handed);
      this.#ctx.logger.info("continuing from Promtail's positions", {
        source: this.id,
        positions: this.#config.promtail_positions.filename,
        files: handed.length,
      });
    }
    this.#positions = positions;
    await this.#sync();
    this.#timer = setInterval(() => void this.#sync(), this.#config.sync_period_ms);
  }

  #sync(): Promise<void> {
    this.#syncing ??= this.#expand().finally(() => (this.#syncing = undefined));
    return this.#syncing;
  }

  async #expand(): Promise<void> {
    const opening: Promise<unknown>[] = [];
    for (const target of this.#targets) {
      for (const file of await expandGlob(target.glob, target.exclude)) {
        if (this.#stopping) return;
        const known = this.#running.get(file);
        if (known) {
          known.tailer?.wake();
          continue;
        }
        opening.push(this.#launch(file, target.labels));
      }
    }
    await Promise.all(opening);
    let lag = 0;
    for (const [file, run] of this.#running) {
      if (run.tailer?.finished) this.#running.delete(file);
      else lag += run.tailer?.lagBytes ?? 0;
    }
    this.#metrics.filesActive.set([...this.#running.values()].filter((r) => r.tailer).length);
    this.#metrics.lagBytes.set(lag);
  }

  /** Resolves once the file is open at its start position (so start() returns with every file opened). */
  #launch(file: string, labels: Labels): Promise<unknown> {
    const deps: TailerDeps = {
      path: file,
      labels: { ...labels, filename: file },
      config: this.#config,
      positions: present(this.#positions, 'the positions file (opened by start())'),
      next: this.#ctx.next,
      metrics: this.#metrics,
      logger: this.#ctx.logger,
      source: this.id,
      signal: this.#abort.signal,
    };
    if (isGzipFile(file)) {
      this.#running.set(file, { done: readGzipOnce(deps) });
      return Promise.resolve();
    }
    const tailer = new Tailer(deps);
    const opened = tailer.open();
    this.#running.set(file, { tailer, done: opened.then((ok) => (ok ? tailer.run() : undefined)) });
    return opened;
  }

  async shutdown(signal: AbortSignal): Promise<void> {
    if (this.#stopping) return;
    this.#stopping = true;
    clearInterval(this.#timer);
    const onAbort = (): void => this.#abort.abort(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    await this.#syncing;
    for (const run of this.#running.values()) run.tailer?.stop();
    await Promise.all([...this.#running.values()].map((r) => r.done));
    signal.removeEventListener('abort', onAbort);
  }
}

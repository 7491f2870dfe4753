import * as fs from 'node:fs';
import * as path from 'node:path';

export interface RotatingFileOptions {
  path: string;
  /** Rotate before a write would grow the file past this. */
  maxSizeBytes: number;
  /** Files kept, counting the one being written. */
  maxFiles: number;
}

/** Appends text to one file, a write at a time in call order, rotating path -> path.1 -> path.2 ... by size. */
export interface RotatingFile {
  readonly path: string;
  /** Resolves with the bytes written once the text is in the file (the OS page cache; survives a process crash). */
  append(text: string): Promise<number>;
  /** Waits for appends already made, then closes the file. */
  close(): Promise<void>;
}

export function createRotatingFile(options: RotatingFileOptions): RotatingFile {
  return new AppendOnlyFile(options);
}

class AppendOnlyFile implements RotatingFile {
  readonly #options: RotatingFileOptions;
  #handle: fs.promises.FileHandle | undefined;
  #size = 0;
  #chain: Promise<void> = Promise.resolve();

  constructor(options: RotatingFileOptions) {
    this.#options = options;
  }

  get path(): string {
    return this.#options.path;
  }

  append(text: string): Promise<number> {
    const write = this.#chain.then(() => this.#write(text));
    this.#chain = write.then(noop, noop);
    return write;
  }

  async close(): Promise<void> {
    await this.#chain;
    await this.#handle?.close();
    this.#handle = undefined;
  }

  async #write(text: string): Promise<number> {
    const bytes = Buffer.byteLength(text);
    let handle = this.#handle ?? (await this.#open());
    if (this.#size > 0 && this.#size + bytes > this.#options.maxSizeBytes) handle = await this.#rotate(handle);
    await handle.write(text);
    this.#size += bytes;
    return bytes;
  }

  async #open(): Promise<fs.promises.FileHandle> {
    await fs.promises.mkdir(path.dirname(this.#options.path), { recursive: true });
    const handle = await fs.promises.open(this.#options.path, 'a');
    this.#handle = handle;
    this.#size = (await handle.stat()).size;
    return handle;
  }

  async #rotate(handle: fs.promises.FileHandle): Promise<fs.promises.FileHandle> {
    await handle.close();
    this.#handle = undefined;
    const { path: p, maxFiles } = this.#options;
    await fs.promises.rm(`${p}.${maxFiles - 1}`, { force: true });
    for (let i = maxFiles - 2; i >= 1; i--) await fs.promises.rename(`${p}.${i}`, `${p}.${i + 1}`).catch(ignoreMissing);
    if (maxFiles > 1) await fs.promises.rename(p, `${p}.1`);
    else await fs.promises.rm(p, { force: true });
    return this.#open();
  }
}

function noop(): void {}

function ignoreMissing(err: NodeJS.ErrnoException): void {
  if (err.code !== 'ENOENT') throw err;
}

import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where reading of one file stands: `offset` bytes are acknowledged downstream. */
export interface FilePosition {
  path: string;
  dev: number;
  ino: number;
  offset: number;
  /** File size seen at the last read, for the lag gauge. */
  size: number;
  /** Set for .gz files once read to the end: they are read once. */
  done?: boolean;
}

/**
 * The positions file: one JSON document written atomically (temp file + rename) so a crash leaves the
 * old or the new version, never a torn one. commit() resolves once a write containing the update finished.
 */
export class Positions {
  readonly #file: string;
  readonly #entries = new Map<string, FilePosition>();
  #writing: Promise<void> | undefined;
  #dirty = false;
  #existed = true;

  private constructor(file: string) {
    this.#file = file;
  }

  static async load(file: string): Promise<Positions> {
    const positions = new Positions(file);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    let text: string;
    try {
      text = await fs.promises.readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        positions.#existed = false;
        return positions;
      }
      throw err;
    }
    let parsed: { files?: FilePosition[] };
    try {
      parsed = JSON.parse(text) as { files?: FilePosition[] };
    } catch (err) {
      throw new Error(
        `positions file ${file} is not valid JSON (${(err as Error).message}); move it away to start over`,
      );
    }
    for (const p of parsed.files ?? []) positions.#entries.set(p.path, p);
    return positions;
  }

  /** False when there was no positions file yet: the source starts for the first time. */
  get existed(): boolean {
    return this.#existed;
  }

  /** Takes positions from elsewhere (Promtail's) and saves, so a later start finds the file and does not take them again. */
  adopt(positions: readonly FilePosition[]): Promise<void> {
    for (const p of positions) this.#entries.set(p.path, { ...p });
    this.#existed = true;
    return this.#save();
  }

  get(filePath: string): FilePosition | undefined {
    return this.#entries.get(filePath);
  }

  all(): FilePosition[] {
    return [...this.#entries.values()];
  }

  commit(position: FilePosition): Promise<void> {
    this.#entries.set(position.path, { ...position });
    return this.#save();
  }

  forget(filePath: string): Promise<void> {
    this.#entries.delete(filePath);
    return this.#save();
  }

  /** Coalesces: callers arriving during a write share the next one. */
  async #save(): Promise<void> {
    this.#dirty = true;
    while (this.#writing) await this.#writing;
    if (!this.#dirty) return;
    this.#dirty = false;
    this.#writing = this.#write().finally(() => (this.#writing = undefined));
    await this.#writing;
  }

  async #write(): Promise<void> {
    const tmp = `${this.#file}.tmp`;
    await fs.promises.writeFile(tmp, JSON.stringify({ version: 1, files: this.all() }));
    await fs.promises.rename(tmp, this.#file);
  }
}

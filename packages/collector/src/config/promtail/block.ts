import { parseDuration } from '../../schema/units';
import type { PathIssue } from '../../schema/issues';

/** A comment `collector convert` writes above a key of the converted config: what changed, and why. */
export interface Note {
  at: PropertyKey[];
  text: string;
}

/** Everything a conversion found besides the converted value; paths in `issues` are Promtail key paths. */
export interface Conversion {
  issues: PathIssue[];
  notes: Note[];
  /** Converted key path -> the Promtail key path it came from, so the collector's own checks point into the Promtail file. */
  origins: { out: PropertyKey[]; from: PropertyKey[] }[];
  /** The Promtail file with every scalar as written, for string keys (yaml.v2 gives them `1.50`, not 1.5). */
  text?: unknown;
}

export function newConversion(text?: unknown): Conversion {
  return { issues: [], notes: [], origins: [], text };
}

/**
 * One YAML map of the Promtail file being read: typed getters that report a wrong type at the key's path,
 * and `finish()`, which reports every key nobody read, so nothing in a Promtail file is silently ignored.
 */
export class Block {
  readonly #taken = new Set<string>();

  private constructor(
    readonly value: Record<string, unknown>,
    readonly at: PropertyKey[],
    readonly conv: Conversion,
  ) {}

  /** The map at `at`, or undefined (with an issue unless it is absent or null) when it is not a map. */
  /** A block with no keys, for a section the file leaves out. */
  static empty(at: PropertyKey[], conv: Conversion): Block {
    return new Block({}, at, conv);
  }

  static of(value: unknown, at: PropertyKey[], conv: Conversion): Block | undefined {
    if (value === undefined || value === null) return new Block({}, at, conv);
    if (typeof value !== 'object' || Array.isArray(value)) {
      conv.issues.push({ path: at, message: `expected a map, got ${kind(value)}` });
      return undefined;
    }
    return new Block(value as Record<string, unknown>, at, conv);
  }

  has(key: string): boolean {
    return this.value[key] !== undefined && this.value[key] !== null;
  }

  /** The raw value, marked as read. */
  raw(key: string): unknown {
    this.#taken.add(key);
    return this.value[key];
  }

  issue(key: PropertyKey | PropertyKey[], message: string): void {
    this.conv.issues.push({ path: [...this.at, ...(Array.isArray(key) ? key : [key])], message });
  }

  /** A string key; any other scalar as it was written (`version: 1.50` is "1.50", `port: 0755` is "0755"), as yaml.v2 reads it. */
  string(key: string): string | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    const written = this.#written([key]) ?? (typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);
    return written ?? this.#wrong(key, 'string', v);
  }

  number(key: string): number | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.#wrong(key, 'number', v);
    return v;
  }

  bool(key: string): boolean | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') return this.#wrong(key, 'boolean', v);
    return v;
  }

  /** A Go duration (`10s`, `1m30s`) in milliseconds. */
  durationMs(key: string): number | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null) return undefined;
    const ms = typeof v === 'string' ? parseDuration(v) : typeof v === 'number' && v === 0 ? 0 : undefined;
    if (ms === undefined) return this.#wrong(key, 'a duration such as 10s or 1m30s', v);
    return ms;
  }

  list(key: string): unknown[] | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) return this.#wrong(key, 'list', v);
    return v;
  }

  stringList(key: string): string[] | undefined {
    const list = this.list(key);
    if (!list) return undefined;
    const out: string[] = [];
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      const text = typeof item === 'string' ? item : item === null ? undefined : this.#written([key, i]);
      if (text === undefined) return this.#wrong([key, i], 'string', item);
      out.push(text);
    }
    return out;
  }

  /** A map of scalar values as strings (labels, headers); null values become "". */
  stringMap(key: string): Record<string, string> | undefined {
    const b = this.block(key);
    if (!b) return undefined;
    const out: Record<string, string> = {};
    for (const name of Object.keys(b.value)) {
      const v = b.string(name);
      if (v !== undefined || b.value[name] === null) out[name] = v ?? '';
    }
    return out;
  }

  block(key: string): Block | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    return Block.of(v, [...this.at, key], this.conv);
  }

  /** Reports every key not read: as not supported (with what to use instead) when `unsupported` knows it, else as unknown. */
  finish(unsupported: Readonly<Record<string, string>> = {}): void {
    for (const key of Object.keys(this.value)) {
      if (this.#taken.has(key)) continue;
      const why = unsupported[key];
      this.issue(
        key,
        why === undefined
          ? `unknown key "${key}" in this Promtail block`
          : `"${key}" is not supported by the collector: ${why}`,
      );
    }
  }

  /** The scalar at `path` below this block as the file wrote it; undefined when it is not a scalar. */
  #written(path: PropertyKey[]): string | undefined {
    let node: unknown = this.conv.text;
    for (const seg of [...this.at, ...path]) {
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as Record<PropertyKey, unknown>)[seg];
    }
    return typeof node === 'string' ? node : undefined;
  }

  #wrong(key: PropertyKey | PropertyKey[], expected: string, got: unknown): undefined {
    this.issue(
      key,
      `expected ${expected}, got ${typeof got === 'string' ? JSON.stringify(got.length > 40 ? `${got.slice(0, 40)}…` : got) : kind(got)}`,
    );
    return undefined;
  }
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return typeof value;
}

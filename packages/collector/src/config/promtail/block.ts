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
}

export function newConversion(): Conversion {
  return { issues: [], notes: [], origins: [] };
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

  string(key: string): string | undefined {
    const v = this.raw(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (typeof v !== 'string') return this.#wrong(key, 'string', v);
    return v;
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
    const bad = list.findIndex((s) => typeof s !== 'string');
    if (bad !== -1) return this.#wrong([key, bad], 'string', list[bad]);
    return list as string[];
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

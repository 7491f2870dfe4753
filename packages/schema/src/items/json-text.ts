/** An array or object being written: its members are written in order from `next`. */
interface Open {
  readonly value: readonly unknown[] | Record<string, unknown>;
  /** An object's own keys; undefined for an array. */
  readonly keys: string[] | undefined;
  next: number;
  /** Whether a member is written yet, so the next one is preceded by a comma. */
  written: boolean;
}

/** How jsonText writes: `sortKeys` writes every object's keys in sorted order, as Go's json.Marshal writes a map. */
export interface JsonTextOptions {
  sortKeys?: boolean;
}

const sortedKeys = (_key: string, v: unknown): unknown =>
  v !== null && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, (v as Record<string, unknown>)[k]]),
      )
    : v;

/**
 * JSON.stringify for a map or list as JSON.parse returns it, at any depth: past the engine's recursion limit (about
 * 5,000 levels, where JSON.stringify throws) it is written by a walk that keeps its own stack.
 */
export function jsonText(value: object, options: JsonTextOptions = {}): string {
  try {
    return options.sortKeys ? JSON.stringify(value, sortedKeys) : JSON.stringify(value);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
  }
  const parts: string[] = [];
  const open: Open[] = [];
  /** Writes a scalar, or opens an array or object (its members are written by the loop below). */
  const write = (v: unknown): void => {
    if (v !== null && typeof v === 'object') {
      const keys = Array.isArray(v) ? undefined : options.sortKeys ? Object.keys(v).sort() : Object.keys(v);
      parts.push(keys === undefined ? '[' : '{');
      open.push({ value: v as unknown[] | Record<string, unknown>, keys, next: 0, written: false });
      // An array's undefined or function item is written as null, as JSON.stringify writes it.
    } else parts.push(JSON.stringify(v) ?? 'null');
  };
  write(value);
  for (let top = open[open.length - 1]; top !== undefined; top = open[open.length - 1]) {
    const i = top.next++;
    if (top.keys === undefined) {
      const items = top.value as readonly unknown[];
      if (i === items.length) {
        open.pop();
        parts.push(']');
        continue;
      }
      if (i > 0) parts.push(',');
      write(items[i]);
      continue;
    }
    if (i === top.keys.length) {
      open.pop();
      parts.push('}');
      continue;
    }
    const k = top.keys[i] as string;
    const member = (top.value as Record<string, unknown>)[k];
    // JSON.stringify leaves out an object's member it cannot write (undefined, a function).
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    if (top.written) parts.push(',');
    top.written = true;
    parts.push(JSON.stringify(k), ':');
    write(member);
  }
  return parts.join('');
}

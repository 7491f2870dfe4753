import { isSecretKey } from './detectors/secret-kv';

export interface DeepRedaction {
  redactString(text: string): string;
  /** Replaces a whole value found under a secret-named key; absent when secret_kv is disabled. */
  secretPlaceholder: ((raw: string) => string) | undefined;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Copies arrays and plain objects, redacting every string inside, keys included; a string or number under a secret-named key
 * (`password`, `apiKey`, `client_secret`) is replaced whole. Other objects (Date, Buffer, class instances)
 * are returned as they are; a cycle is returned as the copy already made.
 */
export function redactDeep(value: unknown, policy: DeepRedaction): unknown {
  const seen = new Map<object, unknown>();

  function visit(v: unknown, key: string | undefined): unknown {
    if (key !== undefined && policy.secretPlaceholder !== undefined && isSecretKey(key)) {
      if ((typeof v === 'string' && v !== '') || typeof v === 'number' || typeof v === 'bigint') {
        return policy.secretPlaceholder(String(v));
      }
    }
    if (typeof v === 'string') return policy.redactString(v);
    if (typeof v !== 'object' || v === null) return v;
    const done = seen.get(v);
    if (done !== undefined) return done;
    if (Array.isArray(v)) {
      const copy: unknown[] = [];
      seen.set(v, copy);
      for (const item of v) copy.push(visit(item, undefined));
      return copy;
    }
    if (!isPlainObject(v)) return v;
    const copy: Record<string, unknown> = Object.getPrototypeOf(v) === null ? Object.create(null) : {};
    seen.set(v, copy);
    for (const [k, item] of Object.entries(v)) {
      // Keys are client data too (an IP used as a key); two keys that redact alike stay apart with a #n suffix.
      const redactedKey = policy.redactString(k);
      let name = redactedKey;
      for (let n = 2; Object.prototype.hasOwnProperty.call(copy, name); n++) name = `${redactedKey}#${n}`;
      copy[name] = visit(item, k);
    }
    return copy;
  }

  return visit(value, undefined);
}

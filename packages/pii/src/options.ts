import { isPiiType, piiTypes, type PiiType } from './pii-type';

export interface RedactorOptions {
  /** PII types to detect; all of piiTypes when omitted. */
  types?: readonly PiiType[];
  /** Key for hashed placeholders (`<EMAIL:3f9a1c2e>`); plain `<EMAIL>` when omitted. */
  hashKey?: string | Buffer;
}

/** Checks options from callers that may not be type-checked, and returns the enabled types in canonical order. */
export function enabledTypes(options: RedactorOptions): readonly PiiType[] {
  const requested = options.types ?? piiTypes;
  if (!Array.isArray(requested)) throw new TypeError('pii: options.types must be an array of PII types');
  requested.forEach((type: unknown, index) => {
    if (!isPiiType(type)) {
      throw new TypeError(`pii: options.types[${index}] is not a PII type (expected one of ${piiTypes.join(', ')})`);
    }
  });
  const key = options.hashKey;
  if (key !== undefined && !(typeof key === 'string' || Buffer.isBuffer(key))) {
    throw new TypeError('pii: options.hashKey must be a string or a Buffer');
  }
  if (key !== undefined && key.length === 0) throw new TypeError('pii: options.hashKey must not be empty');
  const wanted = new Set(requested);
  return Object.freeze(piiTypes.filter((type) => wanted.has(type)));
}

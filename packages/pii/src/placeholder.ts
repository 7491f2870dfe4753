import { createHmac } from 'node:crypto';
import { piiTypes, type PiiType } from './pii-type';

/** Hex characters of the HMAC kept in a hashed placeholder (32 bits: enough to tell values apart in one log). */
export const hashLength = 8;

/** Distinct values whose tag is remembered; logs repeat the same addresses, so most lookups skip the HMAC. */
const tagCacheSize = 4096;

export type PlaceholderWriter = (type: PiiType, normalizedValue: string) => string;

const labels = Object.fromEntries(piiTypes.map((type) => [type, type.toUpperCase()])) as Record<PiiType, string>;
/** Plain placeholders are the same string every time: built once, not once per replacement. */
const plain = Object.fromEntries(piiTypes.map((type) => [type, `<${labels[type]}>`])) as Record<PiiType, string>;

/** `<EMAIL>`, or with a key `<EMAIL:3f9a1c2e>`: HMAC-SHA256(key, normalized value), truncated. */
export function createPlaceholderWriter(hashKey?: string | Buffer): PlaceholderWriter {
  if (hashKey === undefined) return (type) => plain[type];
  const key = Buffer.from(hashKey);
  const tags = new Map<string, string>();
  return (type, value) => {
    let tag = tags.get(value);
    if (tag === undefined) {
      tag = createHmac('sha256', key).update(value).digest('hex').slice(0, hashLength);
      if (tags.size >= tagCacheSize) tags.clear();
      tags.set(value, tag);
    }
    return `<${labels[type]}:${tag}>`;
  };
}

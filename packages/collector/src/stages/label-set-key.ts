import type { Labels } from '../entry';

/** A canonical string for a label set (sorted `name="value"` pairs), used to key per-stream state. */
export function labelSetKey(labels: Labels): string {
  const names = Object.keys(labels);
  if (names.length > 1) names.sort();
  let key = '{';
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (i > 0) key += ',';
    key += name + '=' + JSON.stringify(labels[name]);
  }
  return key + '}';
}

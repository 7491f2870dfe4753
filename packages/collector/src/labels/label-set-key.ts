import type { Labels } from '../entry';

/**
 * A canonical string for a label set, used to key per-stream state: names in sorted order, each value
 * length-prefixed so no value can imitate a separator. Sorting is skipped when names already come sorted.
 */
export function labelSetKey(labels: Labels): string {
  let key = '';
  let previous = '';
  let sorted = true;
  for (const name in labels) {
    if (name < previous) {
      sorted = false;
      break;
    }
    previous = name;
    const value = labels[name];
    key += name + '=' + value.length + ':' + value + ',';
  }
  if (sorted) return key;
  key = '';
  for (const name of Object.keys(labels).sort()) {
    const value = labels[name];
    key += name + '=' + value.length + ':' + value + ',';
  }
  return key;
}

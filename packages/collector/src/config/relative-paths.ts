import * as path from 'node:path';

/** Keys whose string values name a file, a folder or a glob (file sinks, processors' folders, positions files). */
function isPathKey(key: string): boolean {
  return key === 'path' || key === 'filename' || key.endsWith('_path') || key.endsWith('_dir');
}

// Maps whose keys are the user's own (label and header names), never config keys.
const USER_KEYED = new Set(['labels', 'external_labels', 'headers']);

// A file source target: its globs are paths, every other key is a label.
const TARGET_PATH_KEYS = new Set(['__path__', '__path_exclude__']);

/**
 * A copy of a component's raw config in which every relative path under a path key is resolved from `dir`
 * (the config file's folder), so that a config means the same files from whatever folder it is run.
 */
export function resolveRelativePaths(value: unknown, dir: string): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveRelativePaths(item, dir));
  if (value === null || typeof value !== 'object') return value;
  const isTarget = '__path__' in value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (USER_KEYED.has(key) || (isTarget && !TARGET_PATH_KEYS.has(key))) out[key] = v;
    else if (typeof v === 'string')
      out[key] = (isTarget || isPathKey(key)) && v !== '' && !path.isAbsolute(v) ? path.resolve(dir, v) : v;
    else out[key] = resolveRelativePaths(v, dir);
  }
  return out;
}

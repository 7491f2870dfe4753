import * as path from 'node:path';

/** Keys whose string values name a file, a folder or a glob (file source targets, file sinks, processors' folders). */
function isPathKey(key: string): boolean {
  return key === 'path' || key.endsWith('_path') || key.endsWith('_dir') || key === '__path__' || key === '__path_exclude__';
}

/**
 * A copy of a component's raw config in which every relative path under a path key is resolved from `dir`
 * (the config file's folder), so that a config means the same files from whatever folder it is run.
 */
export function resolveRelativePaths(value: unknown, dir: string): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveRelativePaths(item, dir));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = typeof v === 'string' && isPathKey(key) && v !== '' && !path.isAbsolute(v) ? path.resolve(dir, v) : resolveRelativePaths(v, dir);
  }
  return out;
}

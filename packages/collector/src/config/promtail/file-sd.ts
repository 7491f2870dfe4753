import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { ConfigDocument } from '../document';
import type { Block } from './block';

/** A target group as static_configs and file_sd_configs files list them: target hosts and their labels. */
export interface TargetGroup {
  hosts: string[];
  labels: Record<string, string>;
  /** Where the group was written, for notes: a Promtail key path or an SD file. */
  where: string;
}

// As Prometheus: an SD file is JSON or YAML by its extension, and only the last path segment may hold a `*`.
const SD_FILE = /\.(json|ya?ml)$/;

/**
 * One `file_sd_configs` entry: the target groups of the files its patterns match (relative to the Promtail file's
 * folder), each with `__meta_filepath`. Read once at load; a file that cannot be read or parsed is an issue at its
 * pattern, naming the file and the line in it.
 */
export function fileSdGroups(b: Block, baseDir: string): TargetGroup[] {
  const patterns = b.stringList('files');
  if (patterns === undefined || patterns.length === 0)
    b.issue('files', 'required key is missing (a list of .json, .yml or .yaml files with target groups)');
  b.durationMs('refresh_interval');
  b.finish();
  const groups: TargetGroup[] = [];
  (patterns ?? []).forEach((pattern, i) => {
    if (!SD_FILE.test(pattern)) {
      b.issue(['files', i], `a file_sd file must end in .json, .yml or .yaml, got ${JSON.stringify(pattern)}`);
      return;
    }
    for (const file of matchingFiles(path.resolve(baseDir, pattern))) {
      const read = readGroups(file);
      if (typeof read === 'string') b.issue(['files', i], read);
      else groups.push(...read);
    }
  });
  return groups;
}

// Prometheus globs an SD file's name as Go's filepath.Match does: `*`, `?` and `[…]`, also before a leading dot.
const GO_MATCH: picomatch.PicomatchOptions = { dot: true, noextglob: true, nonegate: true, nobrace: true };

function matchingFiles(pattern: string): string[] {
  const dir = path.dirname(pattern);
  const base = path.basename(pattern);
  if (!picomatch.scan(base).isGlob) return fs.existsSync(pattern) ? [pattern] : [];
  const matches = picomatch(base, GO_MATCH);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => matches(n))
    .sort()
    .map((n) => path.join(dir, n));
}

/** The groups of one SD file, or what is wrong with it (with the file and line). */
function readGroups(file: string): TargetGroup[] | string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    return `file_sd file ${file} cannot be read: ${(err as Error).message}`;
  }
  // JSON is YAML too; read as yaml.v2 reads it, label values as written.
  const doc = new ConfigDocument(file, text, () => undefined, { yamlVersion: '1.1', scalarText: true });
  if (doc.issues.length > 0) {
    const i = doc.issues[0];
    return `file_sd file ${i.file}:${i.line}:${i.col}: ${i.message}`;
  }
  const list = doc.text ?? [];
  if (!Array.isArray(list))
    return `file_sd file ${file}: expected a list of target groups ({targets: [...], labels: {...}})`;
  const groups: TargetGroup[] = [];
  for (let g = 0; g < list.length; g++) {
    const problem = (what: string): string => {
      const [placed] = doc.place([{ path: [g], message: what }]);
      return `file_sd file ${file}:${placed.line}:${placed.col}: target group ${g}: ${what}`;
    };
    const group: unknown = list[g];
    if (group === null || typeof group !== 'object' || Array.isArray(group)) return problem('expected a map');
    const { targets, labels, ...rest } = group as Record<string, unknown>;
    const unknown = Object.keys(rest);
    if (unknown.length > 0) return problem(`unknown key "${unknown[0]}" (expected targets and labels)`);
    if (!Array.isArray(targets) || targets.some((t) => typeof t !== 'string'))
      return problem('targets: expected a list of strings');
    if (labels !== undefined && labels !== null && (typeof labels !== 'object' || Array.isArray(labels)))
      return problem('labels: expected a map');
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries((labels ?? {}) as Record<string, unknown>)) {
      if (value !== null && typeof value !== 'string') return problem(`labels.${name}: expected a string`);
      values[name] = value ?? '';
    }
    groups.push({ hosts: targets as string[], labels: { __meta_filepath: file, ...values }, where: file });
  }
  return groups;
}

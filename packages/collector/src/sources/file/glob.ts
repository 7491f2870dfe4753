import * as fs from 'node:fs';
import * as path from 'node:path';

export interface CompiledGlob {
  /** The folder before the first wildcard; the walk starts here. */
  base: string;
  regex: RegExp;
  /** Whether the pattern has `**` (walk every depth) or only single-level wildcards. */
  deep: boolean;
  depth: number;
}

const SPECIAL = /[*?[]/;

/** Compiles `*` (any run within a path segment), `**` (any number of segments) and `?` (one character). */
export function compileGlob(pattern: string): CompiledGlob {
  const absolute = path.resolve(pattern);
  const segments = absolute.split(path.sep);
  const firstWild = segments.findIndex((s) => SPECIAL.test(s));
  if (firstWild === -1) return { base: path.dirname(absolute), regex: new RegExp(`^${escape(absolute)}$`), deep: false, depth: 1 };
  const base = segments.slice(0, firstWild).join(path.sep) || path.sep;
  let source = escape(base === path.sep ? '' : base);
  const rest = segments.slice(firstWild);
  rest.forEach((segment, i) => {
    if (segment === '**') {
      source += i === rest.length - 1 ? '(?:/.*)?' : '(?:/[^/]+)*';
      return;
    }
    source += '/';
    for (const ch of segment) source += ch === '*' ? '[^/]*' : ch === '?' ? '[^/]' : escape(ch);
  });
  return { base, regex: new RegExp(`^${source}$`), deep: rest.includes('**'), depth: rest.length };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Regular files matching the glob, sorted; folders that vanish mid-walk are skipped. */
export async function expandGlob(glob: CompiledGlob): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, level: number): Promise<void> => {
    let items: fs.Dirent[];
    try {
      items = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const item of items) {
      const full = path.join(dir, item.name);
      if (item.isDirectory()) {
        if (glob.deep || level + 1 < glob.depth) await walk(full, level + 1);
      } else if ((item.isFile() || item.isSymbolicLink()) && glob.regex.test(full)) {
        found.push(full);
      }
    }
  };
  await walk(glob.base, 0);
  return found.sort();
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

export interface CompiledGlob {
  /** The folder before the first wildcard; the walk starts here. */
  base: string;
  matches(file: string): boolean;
  /** Whether the pattern has `**` (walk every depth) or only single-level wildcards. */
  deep: boolean;
  /** Folder levels below `base` a match can be at most (every `/` of the pattern's wild part, counted once). */
  depth: number;
}

// Promtail's doublestar: `*` also matches names starting with a dot, a leading `!` and `+(…)` are literal.
const OPTIONS: picomatch.PicomatchOptions = { dot: true, noextglob: true, nonegate: true, strictSlashes: true };

/**
 * Compiles a path glob with Promtail's (doublestar) semantics: `*` and `?` within a segment, `**` for any
 * number of segments, `[0-9]`/`[!a]` classes, `{a,b}` alternatives and `\` escapes.
 */
export function compileGlob(pattern: string): CompiledGlob {
  const absolute = toPicomatch(pattern);
  const scan = picomatch.scan(absolute);
  if (!scan.isGlob) {
    const file = absolute.replace(/\\(.)/g, '$1');
    return { base: path.dirname(file), matches: (candidate) => candidate === file, deep: false, depth: 1 };
  }
  return {
    base: scan.base || path.sep,
    matches: picomatch(absolute, OPTIONS),
    deep: scan.glob.includes('**'),
    depth: scan.glob.split('/').length,
  };
}

/** Matches files against `__path_exclude__` with the same semantics; undefined when there is none. */
export function compileExclude(pattern: string | undefined): ((file: string) => boolean) | undefined {
  return pattern === undefined ? undefined : picomatch(toPicomatch(pattern), OPTIONS);
}

/** An absolute pattern; doublestar's `[!…]` is written `[^…]` for picomatch, which reads `[!` as a literal `!`. */
function toPicomatch(pattern: string): string {
  return path.resolve(pattern).replace(/(^|[^\\])\[!/g, '$1[^');
}

/** Regular files matching the glob (and not `exclude`), sorted; folders that vanish mid-walk are skipped. */
export async function expandGlob(glob: CompiledGlob, exclude?: (file: string) => boolean): Promise<string[]> {
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
      } else if ((item.isFile() || item.isSymbolicLink()) && glob.matches(full) && !exclude?.(full)) {
        found.push(full);
      }
    }
  };
  await walk(glob.base, 0);
  return found.sort();
}

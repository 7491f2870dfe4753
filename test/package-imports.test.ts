import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { repoRoot } from './support/repo';

// Code reaches another workspace package through its name and `exports` map (`@obs/pii`, `@obs/pii/testing`),
// never through a path into its folder: a path skips the package's public surface and breaks when files move.

const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', '.turbo', 'coverage']);
const CODE = /\.(c|m)?(j|t)s$/;

/** Paths that name another package's dist/ or src/ for a reason other than importing it. */
const ALLOWED: Record<string, string> = {
  'bench/pii/evaluate.js': 'compiles packages/pii/src as of a git ref (--baseline) beside the current build',
  'bench/collector/push-memory.js':
    'compiles packages/collector/src as of a git ref (--baseline) and runs it beside the current build',
  'bench/sorter/per-item-redaction.js':
    "compiles the sorter's items/ over packages/pii/src as of a git ref (--baseline) and times the built items/ step, which the sorter does not export",
  'bench/sorter/end-to-end.js':
    "names a reference checkout's built ai-sorter server (--baseline-server) that it starts beside the current build",
  'bench/pii/records-same-as.js': 'compiles packages/pii/src as of a git ref beside the current build',
  'bench/pii/records-as-lines.js': 'compiles packages/pii/src as of a git ref (--baseline) beside the current build',
  'bench/pii/hostile.js':
    "reads the detectors' own key words from the built registry, which the package does not export",
  'bench/collector/push-receivers.js':
    'runs the built sources in a child process, without the pipeline, which the collector does not export',
  'jest.config.js': 'maps package names to their sources, so tests run without a build',
  'test/package-imports.test.ts': 'its own examples of what the check finds',
};

function codeFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) codeFiles(path.join(dir, entry.name), out);
    } else if (CODE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      out.push(path.join(dir, entry.name));
    }
  }
  return out;
}

/** The folder of the nearest package.json at or above `file` (the repository root for bench/ and scripts/). */
function packageOf(file: string): string {
  let dir = path.dirname(file);
  while (dir !== repoRoot && !fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}

const INTO_BUILD_OR_SOURCE = /(^|\/)(packages|services|examples)\/[a-z0-9-]+\/(dist|src)(\/|$)/;

/** Every string a file spells as a path: literals, and the literal parts of path.join/path.resolve joined by '/'. */
function spelledPaths(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    if (ts.isCallExpression(node) && /^path\.(join|resolve)$/.test(node.expression.getText(source))) {
      found.push(
        node.arguments
          .filter((a) => ts.isStringLiteral(a))
          .map((a) => (a as ts.StringLiteral).text)
          .join('/'),
      );
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function problemsIn(file: string): string[] {
  const rel = path.relative(repoRoot, file);
  const text = fs.readFileSync(file, 'utf8');
  const own = packageOf(file);
  const problems: string[] = [];
  for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const target = path.resolve(path.dirname(file), fileName);
    const other = packageOf(path.join(target, 'x'));
    if (other !== own && other !== repoRoot)
      problems.push(
        `${rel} imports '${fileName}' by path: import it as the package ${path.relative(repoRoot, other)} is named`,
      );
  }
  if (ALLOWED[rel] === undefined) {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
    for (const spelled of spelledPaths(source)) {
      if (INTO_BUILD_OR_SOURCE.test(spelled))
        problems.push(
          `${rel} spells the path '${spelled}' into another package's dist/ or src/: require the package by name`,
        );
    }
  }
  return problems;
}

describe('imports between workspace packages', () => {
  const files = codeFiles(repoRoot);

  test('go through package names, never a path into another package', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap(problemsIn)).toEqual([]);
  });

  test('the check sees a path into another package, spelled either way', () => {
    const file = path.join(repoRoot, 'bench', 'x.js');
    const source = (text: string) => ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
    expect(
      spelledPaths(source("require(path.join(root, 'packages', 'collector', 'dist', 'top'));")).some((p) =>
        INTO_BUILD_OR_SOURCE.test(p),
      ),
    ).toBe(true);
    expect(
      spelledPaths(source("require('../../packages/pii/dist/testing');")).some((p) => INTO_BUILD_OR_SOURCE.test(p)),
    ).toBe(true);
    expect(
      spelledPaths(source("require('@obs/pii/testing'); // packages/pii/dist")).some((p) =>
        INTO_BUILD_OR_SOURCE.test(p),
      ),
    ).toBe(false);
  });

  test.each(Object.keys(ALLOWED))('the allowed exception %s still exists', (rel) => {
    expect(fs.existsSync(path.join(repoRoot, rel))).toBe(true);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// The README's architecture as a rule: src/ is laid out in floors along the data path, and a file imports only from
// its own floor or the floors below. A new top-level folder or file must be given a floor here.

const src = path.join(__dirname, '..', 'src');

const FLOORS: readonly (readonly string[])[] = [
  // 0: shared contracts, wire formats and primitives every component may use
  [
    'entry',
    'errors',
    'consumer',
    'component',
    'definition',
    'utf8',
    'lazy-registry',
    'protocols',
    'schema',
    'labels',
    'logql',
    'relabel',
    'telemetry',
  ],
  // 1: what components build on: sending and waiting, the sorter adapter
  ['delivery', 'sorter'],
  // 2: the components
  ['sources', 'stages', 'processors', 'sinks'],
  // 3: the pipeline node, routing and fan-out
  ['pipelines'],
  // 4: what builds and runs the graph
  ['config', 'runtime', 'cli', 'top', 'testing', 'index'],
];

/** Pairs on one floor that still must not import each other, as "from -> to". */
const APART = new Set(['sources -> sinks', 'sinks -> sources']);

/** The top-level folder or file (without .ts) a path under src/ belongs to. */
function areaOf(file: string): string {
  const [first = ''] = path.relative(src, file).split(path.sep);
  return first.replace(/\.ts$/, '');
}

function floorOf(area: string): number {
  return FLOORS.findIndex((floor) => floor.includes(area));
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(full, out);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

/** What is wrong with one import of `file`, or undefined when it points down or sideways. */
function importProblem(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = path.resolve(path.dirname(file), specifier);
  const from = areaOf(file);
  const to = areaOf(target);
  const rel = path.relative(src, file);
  if (from === to) return undefined;
  const fromFloor = floorOf(from);
  const toFloor = floorOf(to);
  if (fromFloor < 0) return `${rel}: ${from}/ has no floor in import-direction.test.ts; add it where it belongs`;
  if (toFloor < 0)
    return `${rel} imports '${specifier}': ${to}/ has no floor in import-direction.test.ts; add it where it belongs`;
  if (toFloor > fromFloor)
    return `${rel} imports '${specifier}': ${from} (floor ${fromFloor}) may not import from ${to} (floor ${toFloor}), which sits above it`;
  if (APART.has(`${from} -> ${to}`))
    return `${rel} imports '${specifier}': ${from} and ${to} share protocols/, never each other`;
  return undefined;
}

describe('imports in packages/collector/src only point down the data path', () => {
  const files = sourceFiles(src);

  test('every import goes to the same floor or one below', () => {
    expect(files.length).toBeGreaterThan(100);
    const problems = files.flatMap((file) =>
      ts
        .preProcessFile(fs.readFileSync(file, 'utf8'), true, true)
        .importedFiles.map(({ fileName }) => importProblem(file, fileName))
        .filter((p): p is string => p !== undefined),
    );
    expect(problems).toEqual([]);
  });

  test('an import from a higher floor is named with its file', () => {
    expect(importProblem(path.join(src, 'logql', 'selector.ts'), '../stages/extracted')).toBe(
      "logql/selector.ts imports '../stages/extracted': logql (floor 0) may not import from stages (floor 2), which sits above it",
    );
    expect(importProblem(path.join(src, 'sinks', 'loki', 'sink.ts'), '../../sources/loki-push')).toMatch(
      /share protocols/,
    );
    expect(importProblem(path.join(src, 'stages', 'json.ts'), '../entry')).toBeUndefined();
  });
});

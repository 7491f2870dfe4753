// Shared by the benches that time the current build against the same code as of a git ref (`--baseline REF`).
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');

/**
 * Writes the .ts files under `dir` (a repository path) as of `ref` into `out` as CommonJS, transpiled without a type
 * check; `packages` maps a package name its files require to the path to require instead.
 */
function transpileAtRef(ref, dir, out, { packages = {}, compilerOptions = {} } = {}) {
  const ts = require(require.resolve('typescript', { paths: [root] }));
  const files = execFileSync('git', ['-C', root, 'ls-tree', '-r', '--name-only', ref, dir], { encoding: 'utf8' })
    .split('\n')
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  for (const file of files) {
    const source = execFileSync('git', ['-C', root, 'show', `${ref}:${file}`], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    let { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, ...compilerOptions },
    });
    for (const [name, target] of Object.entries(packages))
      outputText = outputText.split(`require("${name}")`).join(`require(${JSON.stringify(target)})`);
    const to = path.join(out, path.relative(dir, file)).replace(/\.ts$/, '.js');
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.writeFileSync(to, outputText);
  }
}

module.exports = { transpileAtRef };

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Spawns the built launcher (bin/collector.js -> dist/cli.js); `pnpm turbo run build` comes first.
const BIN = path.join(__dirname, '..', '..', 'bin', 'collector.js');

describe('bin/collector.js', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'collector-bin-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const collector = (args: string[], input = '') =>
    spawnSync(process.execPath, [BIN, ...args], {
      input,
      encoding: 'utf8',
      timeout: 30_000,
      env: { PATH: process.env.PATH },
    });

  test('exits 0, 1 and 2 for a valid config, an invalid one and a usage error', () => {
    const good = path.join(dir, 'good.yaml');
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(good, 'pipelines:\n  p: { stages: [], forward_to: [sinks.s] }\nsinks:\n  s: { type: stdout }\n');
    fs.writeFileSync(bad, 'storage_path: ${UNSET_FOR_TEST}\n');
    expect(collector(['validate', '-c', good]).status).toBe(0);
    const invalid = collector(['validate', '-c', bad]);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain(`${bad}:1:15 environment variable UNSET_FOR_TEST is not set`);
    expect(collector(['validate']).status).toBe(2);
  });

  test('runs when executed itself, as an installed `collector` command is, with the node flags of its #! line', () => {
    const good = path.join(dir, 'good.yaml');
    fs.writeFileSync(good, 'pipelines:\n  p: { stages: [], forward_to: [sinks.s] }\nsinks:\n  s: { type: stdout }\n');
    const direct = spawnSync(BIN, ['validate', '-c', good], {
      encoding: 'utf8',
      timeout: 30_000,
      env: { PATH: `${path.dirname(process.execPath)}:${process.env.PATH}` },
    });
    expect(direct.stderr).toBe('');
    expect(direct.status).toBe(0);
    expect(fs.readFileSync(BIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env -S node --max-semi-space-size=4');
  });

  test('finishes a catastrophically backtracking regex because the launcher enables the linear fallback engine', () => {
    const file = path.join(dir, 'redos.yaml');
    fs.writeFileSync(
      file,
      "pipelines:\n  p:\n    stages: [ { regex: { expression: '^(?P<a>(a+)+)$' } } ]\n    forward_to: [sinks.s]\nsinks:\n  s: { type: stdout }\n",
    );
    const result = collector(['dry-run', '-c', file], `${'a'.repeat(40)}b\n`);
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('1 lines in, 1 entries out');
  });
});

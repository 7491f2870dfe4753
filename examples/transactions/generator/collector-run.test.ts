import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { waitFor } from '@obs/collector/testing';

// Spawns the built binaries (pnpm turbo run build first): the generator writes the log, `collector run` tails it.
const EXAMPLE = path.join(__dirname, '..');
const COLLECTOR = path.join(EXAMPLE, '..', '..', 'packages', 'collector', 'bin', 'collector.js');
const GENERATOR = path.join(EXAMPLE, 'bin', 'transactions-generator.js');

describe('collector run -c examples/transactions/collector.yaml', () => {
  let dir: string;
  let child: ChildProcess | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-example-'));
    fs.cpSync(path.join(EXAMPLE, 'collector.yaml'), path.join(dir, 'collector.yaml'));
    fs.cpSync(path.join(EXAMPLE, 'modules'), path.join(dir, 'modules'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'logs'));
  });
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('ships every generated line, labelled by the module, and exits 0 after SIGTERM', async () => {
    const generated = spawnSync(process.execPath, [
      GENERATOR,
      '--rate',
      '0',
      '--count',
      '300',
      '--seed',
      '11',
      '--malformed-share',
      '0.1',
      '--output',
      path.join(dir, 'logs', 'transactions.log'),
    ]);
    expect(generated.status).toBe(0);
    child = spawn(process.execPath, [COLLECTOR, 'run', '-c', 'collector.yaml', '--log-level', 'warn'], {
      cwd: dir,
      env: { PATH: process.env.PATH, COLLECTOR_HTTP_PORT: '0' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const stderr: Buffer[] = [];
    child.stderr?.on('data', (c: Buffer) => stderr.push(c));
    const out = path.join(dir, 'data', 'out', 'transactions.ndjson');
    const count = (): number =>
      fs.existsSync(out) ? fs.readFileSync(out, 'utf8').split('\n').filter(Boolean).length : 0;
    await waitFor(() => count() >= 300, `300 lines in ${out}; stderr: ${Buffer.concat(stderr).toString()}`, 20_000, 50);
    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);

    const entries = fs
      .readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { labels: Record<string, string>; line: string });
    expect(entries).toHaveLength(300);
    const statuses = new Set(entries.map((e) => e.labels.parse_status));
    expect(statuses).toEqual(new Set(['success', 'failed']));
    for (const e of entries) {
      expect(e.labels).toMatchObject({ job: 'transactions', service: 'payments', env: 'dev' });
      if (e.labels.parse_status === 'success') expect(e.line.split('|')[4]).toBe(e.labels.method);
    }
  });
});

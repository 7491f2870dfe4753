import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from '@obs/schema/testing';
import { freePort } from '../support/ports';
import { repoRoot } from '../support/repo';
import { required } from '@obs/schema/testing';

/** The tail of each process log under DATA_DIR/logs, by file name. */
function processLogs(dataDir: string): Record<string, string> {
  const dir = path.join(dataDir, 'logs');
  return Object.fromEntries(
    fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8').slice(-4000)]),
  );
}

// Ctrl-C in a terminal sends SIGINT to the whole foreground process group: pnpm, its shell and the main job.
describe('the main job stopped with Ctrl-C', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'main-job-ctrl-c-'))));
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('when the terminal sends SIGINT to `pnpm start`, then everything stops and it exits 0 without ELIFECYCLE', async () => {
    const collectorPort = await freePort();
    const env = {
      ...process.env,
      PORT: String(await freePort()),
      COLLECTOR_HTTP_PORT: String(collectorPort),
      OTLP_HTTP_PORT: String(await freePort()),
      OTLP_GRPC_PORT: String(await freePort()),
      LOKI_PUSH_PORT: String(await freePort()),
    };
    // detached: its own process group, as a terminal gives the foreground job.
    const child = spawn('pnpm', ['start', '--', '--data-dir', dataDir], {
      cwd: repoRoot,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await waitFor(
        () => fs.existsSync(path.join(dataDir, 'logs', 'generator.log')),
        'the generator started (the whole job is up)',
        55_000,
        100,
      );
      process.kill(-required(child.pid, 'the pid of pnpm start'), 'SIGINT');
      const code = await exited;
      // On failure the report shows what pnpm start printed and what each process logged.
      expect({ code, output, logs: processLogs(dataDir) }).toEqual(
        expect.objectContaining({ code: 0, output: expect.stringContaining('stopped; output files are under') }),
      );
    } finally {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null)
        process.kill(-child.pid, 'SIGKILL');
    }
    expect(output).not.toContain('ELIFECYCLE');
    await expect(fetch(`http://127.0.0.1:${collectorPort}/readyz`)).rejects.toThrow();
  }, 120_000);
});

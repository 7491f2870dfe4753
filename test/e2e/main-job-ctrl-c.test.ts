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

/** The pids of a process's children, by their command line (Linux /proc). */
function childrenOf(pid: number): { pid: number; command: string }[] {
  return fs
    .readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .split(' ')
    .filter(Boolean)
    .map((p) => ({ pid: Number(p), command: fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').replace(/\0/g, ' ') }));
}

// Ctrl-C in a terminal sends SIGINT to the whole foreground process group: pnpm, its shell, the main job and the
// processes it started, each of which may see it and exit before the main job does.
describe('the main job stopped with Ctrl-C', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'main-job-ctrl-c-'))));
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  /** Starts the job in its own process group, as a terminal starts a foreground job, and waits until it is all up. */
  async function startJob(command: string, args: string[]) {
    const collectorPort = await freePort();
    const env = {
      ...process.env,
      PORT: String(await freePort()),
      COLLECTOR_HTTP_PORT: String(collectorPort),
      OTLP_HTTP_PORT: String(await freePort()),
      OTLP_GRPC_PORT: String(await freePort()),
      LOKI_PUSH_PORT: String(await freePort()),
    };
    const child = spawn(command, [...args, '--data-dir', dataDir], {
      cwd: repoRoot,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const job = { child, collectorPort, output: '', exited: new Promise<number | null>((r) => child.once('exit', r)) };
    child.stdout.on('data', (d: Buffer) => (job.output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (job.output += d.toString()));
    await waitFor(
      () => fs.existsSync(path.join(dataDir, 'logs', 'generator.log')),
      'the generator started (the whole job is up)',
      55_000,
      100,
    );
    return job;
  }

  /** Waits for the exit; on failure the report shows what the job printed and what each process logged. */
  async function expectCleanStop(job: Awaited<ReturnType<typeof startJob>>) {
    try {
      const code = await job.exited;
      expect({ code, output: job.output, logs: processLogs(dataDir) }).toEqual(
        expect.objectContaining({ code: 0, output: expect.stringContaining('stopped; output files are under') }),
      );
    } finally {
      const { pid, exitCode, signalCode } = job.child;
      if (pid !== undefined && exitCode === null && signalCode === null) process.kill(-pid, 'SIGKILL');
    }
    await expect(fetch(`http://127.0.0.1:${job.collectorPort}/readyz`)).rejects.toThrow();
  }

  test('when the terminal sends SIGINT to `pnpm start`, then everything stops and it exits 0 without ELIFECYCLE', async () => {
    const job = await startJob('pnpm', ['start', '--']);
    process.kill(-required(job.child.pid, 'the pid of pnpm start'), 'SIGINT');
    await expectCleanStop(job);
    expect(job.output).not.toContain('ELIFECYCLE');
  }, 120_000);

  test('when the ai-sorter gets the SIGINT before the main job does, then the job still stops cleanly with exit 0 and says so', async () => {
    const job = await startJob(process.execPath, [path.join(repoRoot, 'scripts', 'start.js')]);
    const sorter = childrenOf(required(job.child.pid, 'the pid of the main job')).find((c) =>
      c.command.includes('ai-sorter'),
    );
    process.kill(required(sorter, 'the ai-sorter process').pid, 'SIGINT');
    await expectCleanStop(job);
    expect(job.output).toContain('ai-sorter was stopped (exit 0); stopping the rest');
  }, 120_000);
});

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeLlmServer, type FakeLlmServer } from './fake-llm-server';
import { waitFor } from '@obs/schema/testing';
import { metricValue } from './support/start-sorter';

const serverJs = join(__dirname, '..', 'dist', 'server.js');

// The load runs in its own process, so the probes' latency is the server's, not this test process's own event loop.
const loadScript = `
const [url, requests, items] = process.argv.slice(1);
const lines = Array.from({ length: Number(items) }, (_, i) => [
  'ERROR user ' + i + ' failed login from 10.0.' + (i % 250) + '.' + (i % 7) + ' after ' + i * 3 + ' ms (session ' + i.toString(16) + 'abcdef)',
  'GET /api/orders/' + i + ' 200 ' + (i % 90) + ' ms bytes=' + i * 17 + ' agent="curl/8.' + (i % 9) + '"',
  'disk /dev/sda' + (i % 4) + ' usage at ' + (i % 100) + '% on host node-' + (i % 12) + '.example.com, mail ops' + i + '@example.org',
][i % 3]);
const body = JSON.stringify({ items: lines.map((line) => ({ type: 'log', body: line })) });
Promise.all(Array.from({ length: Number(requests) }, () =>
  fetch(url + '/classify', { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (res) => { await res.arrayBuffer(); return res.status; }),
)).then((statuses) => console.log(JSON.stringify({ ok: statuses.filter((s) => s === 200).length })));
`;

/** Spawns the built server on a free loopback port and resolves its URL once it logs "listening". */
async function spawnServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  if (!existsSync(serverJs))
    throw new Error(`${serverJs} is missing: run pnpm turbo run build --filter @obs/ai-sorter`);
  const child = spawn(process.execPath, [serverJs], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stdout: string[] = [];
  child.stdout?.on('data', (c: Buffer) => stdout.push(...c.toString().split('\n').filter(Boolean)));
  await waitFor(() => stdout.some((l) => l.includes('"listening"')), 'the "listening" log line', 10000, 20);
  const { port } = JSON.parse(stdout.find((l) => l.includes('"listening"')) as string) as { port: number };
  return { child, url: `http://127.0.0.1:${port}` };
}

const stop = async (child: ChildProcess | undefined) => {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
};

// Functional, not timed: while a heavy /classify load runs (the LLM answering 429), liveness and readiness answer.
describe('liveness under load (built dist/server.js)', () => {
  let fake: FakeLlmServer;
  let server: ChildProcess | undefined;
  let load: ChildProcess | undefined;
  beforeEach(async () => {
    fake = await startFakeLlmServer();
    fake.behave({ kind: 'rate_limited', retryAfterSeconds: 1 });
  });
  afterEach(async () => {
    await stop(load);
    await stop(server);
    await fake.close();
  });

  test('When 200 batches of 500 items are in flight, then /healthz and /readyz answer within 3 s, before the batches are done', async () => {
    const started = await spawnServer({ LLM_API_KEY: 'test-llm-key-0010', LLM_BASE_URL: fake.baseUrl });
    server = started.child;
    const { url } = started;
    const child = spawn(process.execPath, ['-e', loadScript, url, '200', '500'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    load = child;
    let loadOutput = '';
    child.stdout?.on('data', (c: Buffer) => (loadOutput += c.toString()));
    const loadDone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // Probe once batches are queueing for the per-item work: the server is as busy as it gets.
    await waitFor(
      async () => metricValue(await (await fetch(`${url}/metrics`)).text(), 'sorter_admission_queue_depth') > 0,
      'a request waiting for admission',
      20000,
      50,
    );
    const probe = async (path: string) => {
      const res = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(3000) });
      return { status: res.status, loadStillRunning: child.exitCode === null };
    };
    expect(await Promise.all([probe('/healthz'), probe('/readyz')])).toEqual([
      { status: 200, loadStillRunning: true },
      { status: 200, loadStillRunning: true },
    ]);
    await loadDone;
    expect(JSON.parse(loadOutput)).toEqual({ ok: 200 });
  });
});

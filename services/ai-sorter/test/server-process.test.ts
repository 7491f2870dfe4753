import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { ClassifyResponse } from '@obs/schema';
import { startFakeLlmServer, type FakeLlmServer } from './fake-llm-server';
import { waitFor } from '@obs/schema/testing';

const serverJs = join(__dirname, '..', 'dist', 'server.js');

interface Spawned {
  readonly child: ChildProcess;
  readonly stdout: string[];
  readonly stderr: string[];
  readonly exited: Promise<number | null>;
}

function spawnServer(env: Record<string, string>): Spawned {
  if (!existsSync(serverJs))
    throw new Error(`${serverJs} is missing: run pnpm turbo run build --filter @obs/ai-sorter`);
  const child = spawn(process.execPath, [serverJs], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout?.on('data', (c: Buffer) => stdout.push(...c.toString().split('\n').filter(Boolean)));
  child.stderr?.on('data', (c: Buffer) => stderr.push(c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout, stderr, exited };
}

describe('server.js as a process (built dist)', () => {
  let fake: FakeLlmServer;
  let spawned: Spawned | undefined;
  beforeEach(async () => {
    fake = await startFakeLlmServer();
  });
  afterEach(async () => {
    if (spawned && spawned.child.exitCode === null) {
      spawned.child.kill('SIGKILL');
      await spawned.exited;
    }
    spawned = undefined;
    await fake.close();
  });

  test('When the environment is invalid, then it exits 78 naming every bad variable and no secret', async () => {
    spawned = spawnServer({
      PORT: 'eighty',
      LLM_BASE_URL: 'not a url',
      LIMITER_MAX_CONCURRENT: '0',
      LLM_API_KEY: 'planted-key-in-env-9d2c',
    });
    expect(await spawned.exited).toBe(78);
    const err = spawned.stderr.join('');
    expect(err).toContain('invalid environment');
    expect(err).toMatch(/PORT: .*\(got "eighty"\)/);
    expect(err).toContain('LLM_BASE_URL');
    expect(err).toContain('LIMITER_MAX_CONCURRENT');
    expect(err + spawned.stdout.join('')).not.toContain('planted-key-in-env-9d2c');
  });

  test('When SIGTERM arrives during a request, then the in-flight request finishes and the process exits 0', async () => {
    fake.behave({ kind: 'slow', delayMs: 400 });
    spawned = spawnServer({
      PORT: '0',
      HOST: '127.0.0.1',
      LLM_API_KEY: 'test-llm-key-0006',
      LLM_BASE_URL: fake.baseUrl,
      LOG_LEVEL: 'info',
    });
    const current = spawned;
    await waitFor(() => current.stdout.some((l) => l.includes('"listening"')), 'the "listening" log line', 10000, 20);
    const listening = JSON.parse(current.stdout.find((l) => l.includes('"listening"')) as string) as { port: number };
    const url = `http://127.0.0.1:${listening.port}`;

    const inFlight = request(url)
      .post('/classify')
      .send({ items: [{ type: 'log', body: 'ERROR draining test line' }] });
    const answered = inFlight.then((r) => r);
    await waitFor(() => fake.calls.length === 1, 'one call to the LLM', 5000, 20);
    current.child.kill('SIGTERM');
    const res = await answered;
    expect(res.status).toBe(200);
    expect(ClassifyResponse.parse(res.body).results[0]?.decided_by).toBe('llm');
    expect(await current.exited).toBe(0);
    expect(current.stdout.some((l) => l.includes('"draining"'))).toBe(true);
    expect(current.stdout.some((l) => l.includes('"stopped"'))).toBe(true);
  });

  test('When the port is taken, then it exits non-zero naming the port, without logging listening', async () => {
    const other = createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const { port } = other.address() as AddressInfo;
    try {
      spawned = spawnServer({ PORT: String(port), HOST: '127.0.0.1' });
      expect(await spawned.exited).toBe(1);
      expect(spawned.stderr.join('')).toContain(
        `cannot listen on 127.0.0.1:${port}: the port is already in use by another program (EADDRINUSE); stop it or set PORT`,
      );
      expect(spawned.stdout.some((l) => l.includes('"listening"'))).toBe(false);
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });
});

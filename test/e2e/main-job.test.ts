import { spawn, type ChildProcessByStdio } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { waitFor } from '@obs/schema/testing';
import { freePort } from '../support/ports';
import { repoRoot } from '../support/repo';
import { required } from '@obs/schema/testing';

// Drives `pnpm start`'s script exactly as a person would, on free ports: ai-sorter + collector + generator + live view.
describe('the main job on embedded defaults', () => {
  let dataDir: string;
  let child: ChildProcessByStdio<null, Readable, Readable> | undefined;
  let stdout = '';
  const ports: Record<string, number> = {};

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'main-job-'));
    for (const name of ['PORT', 'COLLECTOR_HTTP_PORT', 'OTLP_HTTP_PORT', 'OTLP_GRPC_PORT', 'LOKI_PUSH_PORT'])
      ports[name] = await freePort();
    const env = { ...process.env, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])) };
    delete env.XAI_API_KEY;
    delete env.LLM_API_KEY;
    delete env.HOST;
    child = spawn(
      process.execPath,
      [path.join(repoRoot, 'scripts', 'start.js'), '--data-dir', dataDir, '--rate', '300'],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
    await waitFor(
      async () => (await fetch(`http://127.0.0.1:${ports.COLLECTOR_HTTP_PORT}/readyz`)).ok,
      'the collector to be ready',
      60_000,
      100,
    );
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const readEntries = (file: string) =>
    fs.existsSync(file)
      ? fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map(
            (l) =>
              JSON.parse(l) as {
                line: string;
                labels: Record<string, string>;
                structured_metadata: Record<string, string>;
              },
          )
      : [];
  const allEntries = () =>
    ['alerting', 'storage', 'archive'].flatMap((n) => readEntries(path.join(dataDir, 'out', `${n}.ndjson`)));

  test('when it runs, then the sorter, like every collector listener, binds loopback only', () => {
    const log = fs.readFileSync(path.join(dataDir, 'logs', 'ai-sorter.log'), 'utf8');
    const listening = log
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { message?: string; host?: string })
      .find((l) => l.message === 'listening');
    expect(listening?.host).toBe('127.0.0.1');
  });

  test('when it runs, then generated transactions are parsed, classified and routed into the output files', async () => {
    await waitFor(
      () => allEntries().filter((e) => e.labels.job === 'transactions').length >= 300,
      'classified transactions in the output files',
      60_000,
      100,
    );
    const tx = allEntries().filter((e) => e.labels.job === 'transactions');
    const parsed = tx.filter((e) => e.labels.parse_status === 'success').length / tx.length;
    expect(parsed).toBeGreaterThan(0.9); // the generator makes 2% malformed lines
    expect(parsed).toBeLessThan(1);
    for (const e of tx) {
      expect(['critical', 'error', 'warning', 'info', 'debug']).toContain(e.labels.severity);
      expect(['alerting', 'storage', 'archive']).toContain(e.labels.forward_to);
      expect(['cache', 'rules']).toContain(e.structured_metadata.decided_by);
    }
    // Routing: each file holds only its own destination (alerting lines are also kept in storage).
    for (const e of readEntries(path.join(dataDir, 'out', 'archive.ndjson')))
      expect(e.labels.forward_to).toBe('archive');
  });

  test("when it runs, then every file of the README's table fills: the generator reports incidents that page someone", async () => {
    const generated = (name: string) =>
      readEntries(path.join(dataDir, 'out', `${name}.ndjson`)).filter((e) => e.labels.job === 'transactions');
    await waitFor(() => generated('alerting').length > 0, 'generated lines in alerting.ndjson', 60_000, 100);
    for (const name of ['alerting', 'storage', 'archive'])
      expect({ name, lines: generated(name).length > 0 }).toEqual({ name, lines: true });
    for (const e of generated('alerting')) expect(e.labels.forward_to).toBe('alerting');
    // An alerting line is also kept in storage, so it can be searched later.
    const stored = new Set(generated('storage').map((e) => e.line));
    for (const e of generated('alerting')) expect(stored.has(e.line)).toBe(true);
  });

  test('when a client pushes to the Loki push and OTLP receivers, then those lines are classified and stored too', async () => {
    const now = `${Date.now()}000000`;
    const push = await fetch(`http://127.0.0.1:${ports.LOKI_PUSH_PORT}/loki/api/v1/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        streams: [{ stream: { job: 'pushed' }, values: [[now, 'ERROR payment gateway timeout after 30s']] }],
      }),
    });
    expect(push.status).toBe(204);
    const otlp = await fetch(`http://127.0.0.1:${ports.OTLP_HTTP_PORT}/v1/logs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        resourceLogs: [
          {
            resource: { attributes: [{ key: 'service.name', value: { stringValue: 'checkout' } }] },
            scopeLogs: [
              {
                logRecords: [
                  {
                    timeUnixNano: now,
                    severityNumber: 17,
                    severityText: 'ERROR',
                    body: { stringValue: 'card declined for user alice@example.com' },
                  },
                ],
              },
            ],
          },
        ],
      }),
    });
    expect(otlp.status).toBe(200);
    await waitFor(
      () => {
        const entries = allEntries();
        return (
          entries.some((e) => e.labels.job === 'pushed') && entries.some((e) => e.labels.service_name === 'checkout')
        );
      },
      'the pushed lines in the output',
      30_000,
      100,
    );
    const pushed = allEntries().find((e) => e.labels.job === 'pushed');
    expect(pushed?.labels.severity).toBe('error');
    // The quickstart's redact stage replaces PII before the files (and the sorter) see the line.
    const fromOtlp = allEntries().find((e) => e.labels.service_name === 'checkout');
    expect(fromOtlp?.line).toBe('card declined for user <EMAIL>');
  });

  test('when it runs, then the live view shows rates and the URLs, and the sorter answered the collector', async () => {
    await waitFor(() => /in=[1-9]\d*\/s/.test(stdout), 'a live view line with traffic', 30_000, 100);
    expect(stdout).toContain(`http://127.0.0.1:${ports.PORT}/docs`);
    expect(stdout).toContain(`http://127.0.0.1:${ports.COLLECTOR_HTTP_PORT}/metrics`);
    const sorterMetrics = await (await fetch(`http://127.0.0.1:${ports.PORT}/metrics`)).text();
    expect(sorterMetrics).toMatch(/sorter_http_requests_total\{[^}]*route="\/classify"[^}]*status="200"[^}]*\} [1-9]/);
  });

  test('when it gets Ctrl-C, then every process stops cleanly', async () => {
    const job = required(child, 'the running job');
    const exited = new Promise<number | null>((resolve) => job.once('exit', (code) => resolve(code)));
    job.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toContain('stopped; output files are under');
    for (const port of [ports.PORT, ports.COLLECTOR_HTTP_PORT]) {
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    }
  });
});

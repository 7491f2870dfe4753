import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../support/ports';
import { repoRoot } from '../support/repo';

// `pnpm start` with the sorter's port held by another program: it must say which port and stop, never show that program's numbers.
describe('the main job when a port is taken', () => {
  let other: http.Server;
  let dataDir: string;
  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'main-job-port-'));
    // Another program that answers /readyz and /metrics like a healthy sorter would.
    other = http.createServer((_req, res) => res.end('sorter_http_requests_total 12345\n'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => other.close(() => resolve()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('when PORT is in use, then it names the port and the variable, starts nothing and exits non-zero', async () => {
    const taken = (other.address() as AddressInfo).port;
    const collectorPort = await freePort();
    const env = {
      ...process.env,
      PORT: String(taken),
      COLLECTOR_HTTP_PORT: String(collectorPort),
      OTLP_HTTP_PORT: String(await freePort()),
      OTLP_GRPC_PORT: String(await freePort()),
      LOKI_PUSH_PORT: String(await freePort()),
    };
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'start.js'), '--data-dir', dataDir], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(output).toContain(`port ${taken} (ai-sorter) is already in use by another program`);
    expect(output).toContain('PORT=');
    expect(output).not.toContain('12345');
    expect(output).not.toContain('output files are under');
    expect(fs.existsSync(path.join(dataDir, 'logs', 'ai-sorter.log'))).toBe(false);
    await expect(fetch(`http://127.0.0.1:${collectorPort}/readyz`)).rejects.toThrow();
  });
});

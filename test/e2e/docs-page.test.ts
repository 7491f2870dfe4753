import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { waitFor } from '@obs/schema/testing';
import { freePort } from '../support/ports';
import { builtEntry, describeWithBinary } from '../support/repo';

const run = promisify(execFile);

// The flags this machine's closed network needs (no background fetches, no sandbox as root).
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

describeWithBinary('chromium', 'the ai-sorter /docs page in a real browser', (chromium) => {
  let sorter: ChildProcess;
  let port: number;
  let profile: string;

  beforeAll(async () => {
    port = await freePort();
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-'));
    sorter = spawn(process.execPath, [builtEntry('@obs/ai-sorter/server')], {
      env: { PATH: process.env.PATH ?? '', PORT: String(port) },
      stdio: 'ignore',
    });
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok, 'the ai-sorter', 30_000, 100);
  });

  afterAll(() => {
    sorter.kill('SIGKILL');
    fs.rmSync(profile, { recursive: true, force: true });
  });

  test('when a person opens /docs, then Swagger UI renders the classify and sort operations from the OpenAPI document', async () => {
    const { stdout: dom } = await run(
      chromium,
      [
        ...chromiumFlags,
        `--user-data-dir=${profile}`,
        '--virtual-time-budget=10000',
        '--dump-dom',
        `http://127.0.0.1:${port}/docs/`,
      ],
      { timeout: 60_000, maxBuffer: 20 * 1024 * 1024 },
    );
    // These elements exist only after swagger-ui's script fetched the spec and rendered it.
    expect(dom).toMatch(/class="opblock-summary-path"[^>]*data-path="\/classify"/);
    expect(dom).toMatch(/data-path="\/sort"/);
  });

  test('when a person opens /docs, then the page draws (screenshot taken)', async () => {
    const shot = path.join(profile, 'docs.png');
    await run(
      chromium,
      [
        ...chromiumFlags,
        `--user-data-dir=${profile}`,
        '--virtual-time-budget=10000',
        '--window-size=1280,900',
        `--screenshot=${shot}`,
        `http://127.0.0.1:${port}/docs/`,
      ],
      { timeout: 60_000 },
    );
    const png = fs.readFileSync(shot);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(20_000); // a blank page compresses to a few KB
  });
});

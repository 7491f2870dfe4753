import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LokiPushReceiver } from '../src/testing/loki-push-receiver';
import { waitFor } from '@obs/schema/testing';
import { startBuiltCollector, type CollectorProcess } from './support/built-collector';
import { freePort } from './support/free-port';

// Guarantee under test (docs/delivery.md): with a disk queue, no line is lost across SIGKILL, restarts,
// rotation while stopped and a backend answering 500/429; a line may arrive twice only if it was in the
// batch a file tailer or the sink had in flight at the kill, so duplicates per kill are bounded by two batches.
const READ_CHUNK_BYTES = 4096;
const LINE = (i: number) => `tx-${String(i).padStart(6, '0')} GET /api/orders 200`;
const LINE_BYTES = LINE(0).length + 1;
const MAX_DUPLICATES_PER_KILL = 2 * Math.ceil(READ_CHUNK_BYTES / LINE_BYTES);

describe('collector process', () => {
  let dir: string;
  let receiver: LokiPushReceiver;
  const processes: CollectorProcess[] = [];
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crash-'));
    fs.mkdirSync(path.join(dir, 'logs'));
    receiver = await LokiPushReceiver.start();
  });
  afterEach(async () => {
    for (const p of processes.splice(0))
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await receiver.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const writeConfig = async (): Promise<{ file: string; httpPort: number }> => {
    const httpPort = await freePort();
    const file = path.join(dir, 'collector.yaml');
    fs.writeFileSync(
      file,
      `
server: { http_listen_address: 127.0.0.1, http_listen_port: ${httpPort} }
storage_path: ${path.join(dir, 'data')}
sources:
  app:
    type: file
    targets: [{ __path__: "${path.join(dir, 'logs', '*.log')}", job: shop }]
    poll_interval_ms: 20
    read_chunk_bytes: ${READ_CHUNK_BYTES}
    forward_to: [pipelines.main]
pipelines:
  main:
    stages:
      - static_labels: { values: { env: crash_test } }
    forward_to: [sinks.loki]
sinks:
  loki:
    type: loki
    url: ${receiver.url}
    batch_size_bytes: 4096
    batch_wait_ms: 20
    retry: { min_backoff_ms: 20, max_backoff_ms: 200, max_retries: 0 }
    queue: { type: disk, capacity_bytes: 50000000 }
`,
    );
    return { file, httpPort };
  };
  const start = async (config: { file: string; httpPort: number }): Promise<CollectorProcess> => {
    const p = startBuiltCollector(config.file);
    processes.push(p);
    await waitForReady(config.httpPort, p);
    return p;
  };
  const append = (name: string, from: number, to: number) => {
    let text = '';
    for (let i = from; i < to; i++) text += LINE(i) + '\n';
    fs.appendFileSync(path.join(dir, 'logs', name), text);
  };
  const received = () => receiver.lines();

  test('delivers every line, with duplicates only from batches in flight, when SIGKILLed twice mid-stream', async () => {
    const config = await writeConfig();
    receiver.fail({ status: 500, times: 3 });
    receiver.fail({ status: 429, times: 2, retryAfter: '1' });
    append('app.log', 0, 1000);
    const first = await start(config);
    await waitFor(() => receiver.entryCount >= 200, 'the first lines at the receiver', 20_000);
    first.child.kill('SIGKILL');
    await first.exited;

    // Rotated by rename while the collector is down, with late writes to the old file.
    append('app.log', 1000, 1500);
    fs.renameSync(path.join(dir, 'logs', 'app.log'), path.join(dir, 'logs', 'app.log.1'));
    append('app.log.1', 1500, 1600);
    append('app.log', 1600, 2500);
    const second = await start(config);
    await waitFor(() => received().some((l) => l >= LINE(1600)), 'lines of the new file', 20_000);
    receiver.fail({ status: 500, times: 5 });
    append('app.log', 2500, 3000);
    second.child.kill('SIGKILL');
    await second.exited;

    append('app.log', 3000, 3500);
    const third = await start(config);
    await waitFor(() => new Set(received()).size >= 3500, 'all 3500 distinct lines', 30_000);
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);

    const lines = received();
    const distinct = new Set(lines);
    const expected = Array.from({ length: 3500 }, (_, i) => LINE(i));
    expect([...distinct].sort()).toEqual(expected);
    expect(lines.length - distinct.size).toBeLessThanOrEqual(2 * MAX_DUPLICATES_PER_KILL);
    expect(receiver.entries.every((e) => e.labels.env === 'crash_test' && e.labels.job === 'shop')).toBe(true);
    expect(receiver.requests.filter((r) => r.status === 500).length).toBeGreaterThanOrEqual(3);
    expect(receiver.requests.filter((r) => r.status === 429).length).toBe(2);
  });

  test('delivers everything it acknowledged and exits 0 on SIGTERM, and the rest follows on the next start', async () => {
    const config = await writeConfig();
    receiver.fail({ status: 503, times: 4 });
    append('app.log', 0, 300);
    const p = await start(config);
    await waitFor(() => receiver.requests.length >= 1, 'the first push attempt', 20_000);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    const positions = JSON.parse(fs.readFileSync(path.join(dir, 'data', 'sources', 'app', 'positions.json'), 'utf8'));
    const acknowledged = positions.files[0].offset / LINE_BYTES;
    expect(acknowledged).toBeGreaterThan(0);
    expect([...new Set(received())].sort()).toEqual(Array.from({ length: acknowledged }, (_, i) => LINE(i)));
    const again = await start(config);
    await waitFor(() => new Set(received()).size >= 300, 'the remaining lines after restart', 20_000);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
    expect(received()).toEqual(Array.from({ length: 300 }, (_, i) => LINE(i)));
  });
});

async function waitForReady(port: number, p: CollectorProcess): Promise<void> {
  await waitFor(
    async () => {
      if (p.child.exitCode !== null) throw new Error(`collector exited early: ${p.stderr()}`);
      return fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      );
    },
    'the collector to be ready',
    20_000,
    50,
  );
}

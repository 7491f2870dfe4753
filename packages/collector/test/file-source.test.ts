import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { Source } from '../src/component';
import { QueueFullError } from '../src/errors';
import { createFileSource } from '../src/sources/file/source';
import { fileSourceConfig } from '../src/sources/file/config';
import { createMemoryConsumer, type MemoryConsumer } from '../src/testing/memory-consumer';
import { createFailingConsumer } from '../src/testing/failing-consumer';
import type { Consumer } from '../src/consumer';
import type { LogBatch } from '../src/entry';
import { createTestContext, metricValue } from './support/sink-context';

describe('file source', () => {
  let dir: string;
  let dataDir: string;
  const running: Source[] = [];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'file-source-'));
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'file-source-data-'));
  });
  afterEach(async () => {
    for (const s of running.splice(0)) await s.shutdown(AbortSignal.timeout(2000));
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async (next: Consumer<LogBatch>, yaml: Record<string, unknown> = {}) => {
    const ctx = createTestContext('sources.app', dataDir);
    const source = createFileSource(
      fileSourceConfig.parse({
        targets: [{ __path__: path.join(dir, '*.log'), job: 'app' }],
        poll_interval_ms: 20,
        sync_period_ms: 50,
        removed_file_grace_ms: 100,
        ...yaml,
      }),
      { ...ctx, next },
    );
    running.push(source);
    await source.start();
    return { source, ctx };
  };
  const stop = async (source: Source) => {
    await source.shutdown(AbortSignal.timeout(2000));
    running.splice(running.indexOf(source), 1);
  };
  const file = (name: string) => path.join(dir, name);
  const append = (name: string, text: string) => fs.appendFileSync(file(name), text);
  const numbered = (prefix: string, from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => `${prefix}-${from + i}\n`).join('');
  const expectLines = (sink: MemoryConsumer, prefix: string, from: number, to: number) =>
    expect(sink.lines().filter((l) => l.startsWith(`${prefix}-`))).toEqual(
      Array.from({ length: to - from }, (_, i) => `${prefix}-${from + i}`),
    );

  test('reads lines with target labels and the filename label when the file exists at start', async () => {
    append('a.log', 'one\ntwo\r\n');
    const sink = createMemoryConsumer();
    await start(sink);
    await sink.waitForEntries(2);
    expect(sink.lines()).toEqual(['one', 'two']);
    expect(sink.entries[0].labels).toEqual({ job: 'app', filename: file('a.log') });
  });

  test('holds a partial last line until its newline arrives', async () => {
    append('a.log', 'whole\npart');
    const sink = createMemoryConsumer();
    await start(sink);
    await sink.waitForEntries(1);
    append('a.log', 'ial\n');
    await sink.waitForEntries(2);
    expect(sink.lines()).toEqual(['whole', 'partial']);
  });

  test('follows appends and picks up new files when they appear', async () => {
    append('a.log', numbered('a', 0, 10));
    const sink = createMemoryConsumer();
    await start(sink);
    await sink.waitForEntries(10);
    append('a.log', numbered('a', 10, 20));
    append('b.log', numbered('b', 0, 5));
    await sink.waitForEntries(25);
    expectLines(sink, 'a', 0, 20);
    expectLines(sink, 'b', 0, 5);
  });

  test('reads the old file to its end and then the new one when rotated by rename', async () => {
    append('app.log', numbered('r', 0, 100));
    const sink = createMemoryConsumer();
    await start(sink);
    await sink.waitForEntries(100);
    append('app.log', numbered('r', 100, 150));
    fs.renameSync(file('app.log'), file('app.log.1'));
    append('app.log.1', numbered('r', 150, 160)); // a writer still holding the old file
    append('app.log', numbered('r', 160, 200));
    await sink.waitForEntries(200);
    expect(sink.lines().sort()).toEqual(Array.from({ length: 200 }, (_, i) => `r-${i}`).sort());
    expect(sink.lines().slice(0, 160)).toEqual(Array.from({ length: 160 }, (_, i) => `r-${i}`));
  });

  test('starts again at 0 when the file is truncated by copytruncate', async () => {
    append('app.log', numbered('c', 0, 50));
    const sink = createMemoryConsumer();
    await start(sink);
    await sink.waitForEntries(50);
    fs.copyFileSync(file('app.log'), path.join(dir, 'app.log.1'));
    fs.truncateSync(file('app.log'), 0);
    append('app.log', numbered('c', 50, 60));
    await sink.waitForEntries(60);
    expectLines(sink, 'c', 0, 60);
  });

  describe('UTF-16 without an order takes it from the byte order mark of the file it reads', () => {
    const le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    const utf16 = { encoding: 'UTF-16' };

    test('a file created empty and then written in little-endian', async () => {
      fs.writeFileSync(file('app.log'), '');
      const sink = createMemoryConsumer();
      await start(sink, utf16);
      fs.appendFileSync(file('app.log'), le('démarré\nnext ✓\n'));
      await sink.waitForEntries(2);
      expect(sink.lines()).toEqual(['démarré', 'next ✓']);
    });

    test('a copytruncate that rewrites the file in the other byte order', async () => {
      fs.writeFileSync(file('app.log'), be(numbered('big', 0, 20)));
      const sink = createMemoryConsumer();
      await start(sink, utf16);
      await sink.waitForEntries(20);
      fs.truncateSync(file('app.log'), 0);
      fs.appendFileSync(file('app.log'), le(numbered('little', 0, 5)));
      await sink.waitForEntries(25);
      expectLines(sink, 'big', 0, 20);
      expectLines(sink, 'little', 0, 5);
    });

    test('a file resumed mid-way after a restart', async () => {
      fs.writeFileSync(file('app.log'), le(numbered('le', 0, 5)));
      const sink = createMemoryConsumer();
      const first = await start(sink, utf16);
      await sink.waitForEntries(5);
      await stop(first.source);
      fs.appendFileSync(file('app.log'), Buffer.from(numbered('le', 5, 10), 'utf16le'));
      const again = createMemoryConsumer();
      await start(again, utf16);
      await again.waitForEntries(5);
      expect(again.lines()).toEqual(Array.from({ length: 5 }, (_, i) => `le-${5 + i}`));
    });
  });

  test('resumes after the saved position when restarted', async () => {
    append('a.log', numbered('p', 0, 30));
    const sink = createMemoryConsumer();
    const first = await start(sink);
    await sink.waitForEntries(30);
    await stop(first.source);
    append('a.log', numbered('p', 30, 40));
    const again = createMemoryConsumer();
    const second = await start(again);
    await again.waitForEntries(10);
    expectLines(again, 'p', 30, 40);
    await stop(second.source);
    const saved = JSON.parse(fs.readFileSync(path.join(dataDir, 'positions.json'), 'utf8'));
    expect(saved.files[0]).toMatchObject({ path: file('a.log'), offset: fs.statSync(file('a.log')).size });
  });

  test('finishes the rotated-away file first when rotation happened while stopped', async () => {
    append('app.log', numbered('d', 0, 10));
    const sink = createMemoryConsumer();
    const first = await start(sink);
    await sink.waitForEntries(10);
    await stop(first.source);
    append('app.log', numbered('d', 10, 20));
    fs.renameSync(file('app.log'), file('app.log.1'));
    append('app.log', numbered('d', 20, 30));
    const again = createMemoryConsumer();
    await start(again);
    await again.waitForEntries(20);
    expectLines(again, 'd', 10, 30);
  });

  test('reads a .gz file once, also across restarts', async () => {
    fs.writeFileSync(file('old.log.gz'), zlib.gzipSync(numbered('z', 0, 25)));
    const sink = createMemoryConsumer();
    const first = await start(sink, { targets: [{ __path__: path.join(dir, '*.gz') }] });
    await sink.waitForEntries(25);
    expectLines(sink, 'z', 0, 25);
    await stop(first.source);
    const again = createMemoryConsumer();
    const second = await start(again, { targets: [{ __path__: path.join(dir, '*.gz') }] });
    await stop(second.source);
    expect(again.entries).toHaveLength(0);
  });

  test('truncates and counts lines over max_line_size_bytes', async () => {
    append('a.log', `short\n${'x'.repeat(100)}\n${'y'.repeat(300)}`);
    const sink = createMemoryConsumer();
    const { ctx } = await start(sink, { max_line_size_bytes: 40, read_chunk_bytes: 64 });
    await sink.waitForEntries(3);
    append('a.log', 'tail\nnext\n');
    await sink.waitForEntries(4);
    expect(sink.lines()).toEqual(['short', 'x'.repeat(40), 'y'.repeat(40), 'next']);
    expect(await metricValue(ctx.registry, 'collector_source_truncated_lines_total', { source: 'sources.app' })).toBe(
      2,
    );
  });

  test('retries the same batch without losing lines when the next step is full', async () => {
    append('a.log', numbered('q', 0, 20));
    const sink = createMemoryConsumer();
    const failing = createFailingConsumer({ times: 3, error: () => new QueueFullError('full', 5), next: sink });
    const { ctx } = await start(failing);
    await sink.waitForEntries(20);
    expectLines(sink, 'q', 0, 20);
    expect(failing.calls).toBe(4);
    expect(
      await metricValue(ctx.registry, 'collector_source_backpressure_retries_total', { source: 'sources.app' }),
    ).toBe(3);
  });

  test('hands fresh entries to each attempt when a refused attempt changed them', async () => {
    append('a.log', 'only\n');
    const sink = createMemoryConsumer();
    let refused = false;
    const mutatesThenRefuses: Consumer<LogBatch> = {
      async consume(batch, signal) {
        if (!refused) {
          refused = true;
          for (const e of batch.entries) e.labels.stage_ran = 'yes'; // what a pipeline does before a sink refuses
          throw new QueueFullError('full', 5);
        }
        await sink.consume(batch, signal);
      },
    };
    await start(mutatesThenRefuses);
    await sink.waitForEntries(1);
    expect(sink.entries[0].labels).toEqual({ job: 'app', filename: file('a.log') });
  });

  test('starts at the end of files without a position when tail_from_end is set', async () => {
    append('a.log', numbered('t', 0, 5));
    const sink = createMemoryConsumer();
    await start(sink, { tail_from_end: true });
    append('a.log', numbered('t', 5, 8));
    await sink.waitForEntries(3);
    expectLines(sink, 't', 5, 8);
  });

  test('rejects a target without __path__ with the key named', () => {
    expect(() => fileSourceConfig.parse({ targets: [{ job: 'x' }] })).toThrow(/__path__/);
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Registry } from 'prom-client';
import { createEntry } from '../entry';
import { createLogger } from '../runtime/logger';
import { fileSinkDefinition } from './file';

describe('file sink', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'file-sink-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const make = (yaml: Record<string, unknown>) =>
    fileSinkDefinition.create(fileSinkDefinition.config.parse(yaml), { id: 'sinks.out', logger: createLogger({ level: 'silent' }), registry: new Registry(), dataDir: dir });

  test('appends one NDJSON object per entry when batches arrive', async () => {
    const file = path.join(dir, 'out', 'logs.ndjson');
    const sink = make({ path: file });
    await sink.start();
    await sink.consume({ entries: [createEntry('a', { job: 'x' }, 1n), createEntry('b', {}, 2n)] }, new AbortController().signal);
    await sink.consume({ entries: [createEntry('c', {}, 3n)] }, new AbortController().signal);
    await sink.shutdown(new AbortController().signal);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.line)).toEqual(['a', 'b', 'c']);
    expect(lines[0]).toMatchObject({ ts_ns: '1', labels: { job: 'x' }, structured_metadata: {} });
  });

  test('rotates to path.1, path.2 and keeps max_files when the size limit is reached', async () => {
    const file = path.join(dir, 'logs.ndjson');
    const sink = make({ path: file, max_size_bytes: 200, max_files: 3 });
    await sink.start();
    for (let i = 0; i < 10; i++) await sink.consume({ entries: [createEntry(`line-${i}`, {}, BigInt(i))] }, new AbortController().signal);
    await sink.shutdown(new AbortController().signal);
    expect(fs.readdirSync(dir).sort()).toEqual(['logs.ndjson', 'logs.ndjson.1', 'logs.ndjson.2']);
    for (const name of fs.readdirSync(dir)) expect(fs.statSync(path.join(dir, name)).size).toBeLessThanOrEqual(200);
    const newest = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l).line);
    expect(newest[newest.length - 1]).toBe('line-9');
  });

  test('rejects a zero max_files with the key named', () => {
    expect(() => fileSinkDefinition.config.parse({ path: 'x', max_files: 0 })).toThrow(/max_files/);
  });
});

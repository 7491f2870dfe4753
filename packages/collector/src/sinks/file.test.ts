import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Registry } from 'prom-client';
import { createEntry } from '../entry';
import { ShutdownError } from '../errors';
import { codecs } from '../protocols/otlp/codec';
import { createLogger } from '../runtime/logger';
import { fileSinkDefinition, signalPath } from './file';

const tracesRequest = (name: string) =>
  codecs.traces.decodeJson(
    JSON.stringify({
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'api' } }] },
          scopeSpans: [
            {
              spans: [
                {
                  traceId: '5b8efff798038103d269b633813fc60c',
                  spanId: 'eee19b7ec3c1b174',
                  name,
                  kind: 2,
                  startTimeUnixNano: '1544712660000000000',
                },
              ],
            },
          ],
        },
      ],
    }),
  );
const metricsRequest = codecs.metrics.decodeJson(
  JSON.stringify({
    resourceMetrics: [
      {
        scopeMetrics: [
          {
            metrics: [
              {
                name: 'up',
                gauge: {
                  dataPoints: [
                    { asInt: '1', timeUnixNano: '10' },
                    { asDouble: 0.5, timeUnixNano: '11' },
                  ],
                },
              },
            ],
          },
        ],
      },
    ],
  }),
);
const readLines = (file: string): string[] => fs.readFileSync(file, 'utf8').trim().split('\n');

describe('file sink', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'file-sink-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const make = (yaml: Record<string, unknown>) =>
    fileSinkDefinition.create(fileSinkDefinition.config.parse(yaml), {
      id: 'sinks.out',
      logger: createLogger({ level: 'silent' }),
      registry: new Registry(),
      dataDir: dir,
    });

  test('appends one NDJSON object per entry when batches arrive', async () => {
    const file = path.join(dir, 'out', 'logs.ndjson');
    const sink = make({ path: file });
    await sink.start();
    await sink.consume(
      { entries: [createEntry('a', { job: 'x' }, 1n), createEntry('b', {}, 2n)] },
      new AbortController().signal,
    );
    await sink.consume({ entries: [createEntry('c', {}, 3n)] }, new AbortController().signal);
    await sink.shutdown(new AbortController().signal);
    const lines = fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.line)).toEqual(['a', 'b', 'c']);
    expect(lines[0]).toMatchObject({ ts_ns: '1', labels: { job: 'x' }, structured_metadata: {} });
  });

  test('rotates to path.1, path.2 and keeps max_files when the size limit is reached', async () => {
    const file = path.join(dir, 'logs.ndjson');
    const sink = make({ path: file, max_size_bytes: 200, max_files: 3 });
    await sink.start();
    for (let i = 0; i < 10; i++)
      await sink.consume({ entries: [createEntry(`line-${i}`, {}, BigInt(i))] }, new AbortController().signal);
    await sink.shutdown(new AbortController().signal);
    expect(fs.readdirSync(dir).sort()).toEqual(['logs.ndjson', 'logs.ndjson.1', 'logs.ndjson.2']);
    for (const name of fs.readdirSync(dir)) expect(fs.statSync(path.join(dir, name)).size).toBeLessThanOrEqual(200);
    const newest = fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).line);
    expect(newest[newest.length - 1]).toBe('line-9');
  });

  test('writes each traces and metrics request as one OTLP/JSON line beside the log file when no signal paths are set', async () => {
    const file = path.join(dir, 'out', 'telemetry.ndjson');
    const sink = make({ path: file });
    await sink.start();
    await sink.signals.traces.consume(tracesRequest('GET /a'), new AbortController().signal);
    await sink.signals.traces.consume(tracesRequest('GET /b'), new AbortController().signal);
    await sink.signals.metrics.consume(metricsRequest, new AbortController().signal);
    await sink.shutdown(new AbortController().signal);
    expect(fs.readdirSync(path.join(dir, 'out')).sort()).toEqual([
      'telemetry.metrics.ndjson',
      'telemetry.traces.ndjson',
    ]);
    const traces = readLines(path.join(dir, 'out', 'telemetry.traces.ndjson'));
    expect(traces.map((l) => codecs.traces.decodeJson(l))).toEqual([tracesRequest('GET /a'), tracesRequest('GET /b')]);
    expect(JSON.parse(traces[0]).resourceSpans[0].scopeSpans[0].spans[0]).toMatchObject({
      traceId: '5b8efff798038103d269b633813fc60c',
      kind: 2,
    });
    expect(
      readLines(path.join(dir, 'out', 'telemetry.metrics.ndjson')).map((l) => codecs.metrics.decodeJson(l)),
    ).toEqual([metricsRequest]);
  });

  test('writes to traces_path and metrics_path when they are set', async () => {
    const sink = make({
      path: path.join(dir, 'logs.ndjson'),
      traces_path: path.join(dir, 't', 'spans.jsonl'),
      metrics_path: path.join(dir, 'm', 'points.jsonl'),
    });
    await sink.start();
    await sink.signals.traces.consume(tracesRequest('x'), new AbortController().signal);
    await sink.signals.metrics.consume(metricsRequest, new AbortController().signal);
    await sink.shutdown(new AbortController().signal);
    expect(readLines(path.join(dir, 't', 'spans.jsonl'))).toHaveLength(1);
    expect(readLines(path.join(dir, 'm', 'points.jsonl'))).toHaveLength(1);
  });

  test('skips a request a processor emptied when it has no spans', async () => {
    const sink = make({ path: path.join(dir, 'logs.ndjson') });
    await sink.start();
    await sink.signals.traces.consume({ resourceSpans: [] }, new AbortController().signal);
    await sink.shutdown(new AbortController().signal);
    expect(fs.existsSync(path.join(dir, 'logs.traces.ndjson'))).toBe(false);
  });

  test('rotates the traces file on its own when its size limit is reached', async () => {
    const file = path.join(dir, 'logs.ndjson');
    const lineBytes = codecs.traces.encodeJson(tracesRequest('span-0')).length + 1;
    const sink = make({ path: file, max_size_bytes: lineBytes * 2, max_files: 2 });
    await sink.start();
    await sink.consume({ entries: [createEntry('log', {}, 1n)] }, new AbortController().signal);
    for (let i = 0; i < 5; i++)
      await sink.signals.traces.consume(tracesRequest(`span-${i}`), new AbortController().signal);
    await sink.shutdown(new AbortController().signal);
    expect(fs.readdirSync(dir).sort()).toEqual(['logs.ndjson', 'logs.traces.ndjson', 'logs.traces.ndjson.1']);
    const names = (name: string) =>
      readLines(path.join(dir, name)).map(
        (l) => codecs.traces.decodeJson(l).resourceSpans[0].scopeSpans[0].spans[0].name,
      );
    expect(names('logs.traces.ndjson.1')).toEqual(['span-2', 'span-3']);
    expect(names('logs.traces.ndjson')).toEqual(['span-4']);
  });

  test('rejects traces with ShutdownError when the sink is shutting down', async () => {
    const sink = make({ path: path.join(dir, 'logs.ndjson') });
    await sink.start();
    await sink.shutdown(new AbortController().signal);
    await expect(
      sink.signals.traces.consume(tracesRequest('late'), new AbortController().signal),
    ).rejects.toBeInstanceOf(ShutdownError);
  });

  test('derives signal paths by swapping the extension when only path is set', () => {
    expect(signalPath({ path: 'out/a.ndjson' }, 'traces')).toBe('out/a.traces.ndjson');
    expect(signalPath({ path: 'out/a' }, 'metrics')).toBe('out/a.metrics.ndjson');
    expect(signalPath({ path: 'out/a.ndjson', metrics_path: 'm.json' }, 'metrics')).toBe('m.json');
  });

  test('rejects a signal path that is the log file with the key named', () => {
    expect(() => fileSinkDefinition.config.parse({ path: 'out/a.ndjson', traces_path: './out/a.ndjson' })).toThrow(
      /traces_path is the same file as path/,
    );
    expect(() =>
      fileSinkDefinition.config.parse({ path: 'out/a.ndjson', metrics_path: 'out/a.traces.ndjson' }),
    ).toThrow(/metrics_path is the same file as traces_path/);
  });

  test('rejects a zero max_files with the key named', () => {
    expect(() => fileSinkDefinition.config.parse({ path: 'x', max_files: 0 })).toThrow(/max_files/);
  });
});

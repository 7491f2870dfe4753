import { Registry } from 'prom-client';
import { parseStages } from '../config/load';
import type { LogEntry } from '../entry';
import { createMemoryConsumer, expectStageCompliance, stageConfigIssues, testEntry } from '../testing';
import { silentLogger } from '../testing/stage-harness';
import { createStageTestContext, loadStageYaml, runStage } from '../testing/stage-test-context';
import { createDockerStage, dockerStage } from './docker';
import { FLUSH_ALL_NS } from './multiline';
import { createPipelineConsumer } from '../pipelines/pipeline';

const MS = 1_000_000n;
const READ_TS = 1_700_000_000_000_000_000n;

function build(yaml = '{}') {
  let now = 0n;
  const ctx = createStageTestContext();
  const stage = createDockerStage(loadStageYaml(dockerStage, yaml), ctx, () => now);
  return { stage, ctx, advance: (ms: number) => (now += BigInt(ms) * MS), now: () => now };
}

/** json-file records of one container's label set; `log` texts are given as they are, without JSON escaping. */
function records(logs: Array<[stream: string, log: string]>, labels = { job: 'a' }): LogEntry[] {
  return logs.map(([stream, log], i) =>
    testEntry(JSON.stringify({ log, stream, time: `2020-11-11T12:45:18.00000000${i}Z` }), { labels }),
  );
}

describe('docker stage', () => {
  test.each<[string, string, Partial<LogEntry>]>([
    [
      'sets line, stream label, timestamp and extracted values when the line is json-file',
      '{"log":"level=info msg=\\"Adding target\\"\\n","stream":"stderr","time":"2019-04-30T02:12:41.8443515Z"}',
      {
        line: 'level=info msg="Adding target"\n',
        labels: { stream: 'stderr' },
        timestampNs: 1_556_590_361_844_351_500n,
        extracted: {
          output: 'level=info msg="Adding target"\n',
          stream: 'stderr',
          timestamp: '2019-04-30T02:12:41.8443515Z',
        },
      },
    ],
    [
      'keeps the trailing newline when the log has one (Alloy)',
      '{"log":"log message\\n","stream":"stdout","time":"2019-04-30T02:12:41Z"}',
      { line: 'log message\n' },
    ],
    [
      'decodes escapes when the log holds unicode and control characters',
      '{"log":"caf\\u00e9 \\u001b[31m\\t😀\\n","stream":"stdout","time":"2019-04-30T02:12:41Z"}',
      { line: 'café \u001b[31m\t😀\n' },
    ],
    [
      "keeps the entry's timestamp when the time does not parse",
      '{"log":"log message\\n","stream":"stderr","time":"hi!"}',
      {
        line: 'log message\n',
        labels: { stream: 'stderr' },
        timestampNs: READ_TS,
        extracted: { output: 'log message\n', stream: 'stderr', timestamp: 'hi!' },
      },
    ],
    [
      'passes the line unchanged when it is not JSON',
      "i'm not json!",
      { line: "i'm not json!", labels: {}, extracted: {}, timestampNs: READ_TS },
    ],
    [
      'passes the line unchanged when the JSON is not an object',
      '["log","x"]',
      { line: '["log","x"]', labels: {}, extracted: {} },
    ],
    [
      'keeps the line when the object has no log',
      '{"stream":"stdout","time":"2019-04-30T02:12:41Z"}',
      { line: '{"stream":"stdout","time":"2019-04-30T02:12:41Z"}', labels: { stream: 'stdout' } },
    ],
    [
      'sets no stream label when stream is not a string',
      '{"log":"x\\n","stream":1,"time":"2019-04-30T02:12:41Z"}',
      { line: 'x\n', labels: {}, extracted: { output: 'x\n', timestamp: '2019-04-30T02:12:41Z' } },
    ],
  ])('%s', (_name, line, expected) => {
    const { stage } = build();
    const [entry] = runStage(stage, [testEntry(line)]);
    expect(entry).toMatchObject(expected);
  });

  test.each<[string, string, Array<[string, string]>, string[]]>([
    [
      'joins records of a line Docker split when they lack the final newline',
      '{}',
      [
        ['stderr', 'aaa'],
        ['stderr', 'bbb'],
        ['stderr', 'ccc\n'],
        ['stderr', 'next\n'],
      ],
      ['aaabbbccc\n', 'next\n'],
    ],
    [
      'joins stdout and stderr apart when their split records interleave',
      '{}',
      [
        ['stdout', 'o1'],
        ['stderr', 'e1'],
        ['stdout', 'o2\n'],
        ['stderr', 'e2\n'],
      ],
      ['o1o2\n', 'e1e2\n'],
    ],
    [
      'cuts a joined line when max_partial_line_size_truncate is on',
      'max_partial_line_size: 4\nmax_partial_line_size_truncate: true',
      [
        ['stdout', 'abc'],
        ['stdout', 'def\n'],
      ],
      ['abcd'],
    ],
  ])('%s', (_name, yaml, logs, expected) => {
    const { stage } = build(yaml);
    expect(runStage(stage, records(logs)).map((e) => e.line)).toEqual(expected);
  });

  test.each<[string, string, RegExp]>([
    [
      'rejects an unknown argument when one is given',
      '- docker: { keep_newline: false }',
      /^stages\.yaml:1:\d+ .*keep_newline/,
    ],
    [
      'rejects truncation to 0 bytes when truncate is on without a size',
      '- docker: { max_partial_line_size_truncate: true }',
      /^stages\.yaml:1:\d+ \[0\]\.docker\.max_partial_line_size_truncate: needs max_partial_line_size greater than 0/,
    ],
    [
      'rejects max_partial_lines of 0 when it is given',
      '- docker:\n    max_partial_lines: 0',
      /^stages\.yaml:2:\d+ \[0\]\.docker\.max_partial_lines: /,
    ],
  ])('%s', (_name, yaml, message) => {
    expect(stageConfigIssues(yaml).join('\n')).toMatch(message);
  });

  test('counts a parse failure when the JSON is malformed, incomplete or its time does not parse', async () => {
    const { stage, ctx } = build();
    runStage(stage, [
      testEntry('{"log":'),
      testEntry('{"log":"x\\n","stream":"stdout"}'),
      testEntry('{"log":"x\\n","stream":"stdout","time":"never"}'),
      testEntry('{"log":"ok\\n","stream":"stdout","time":"2019-04-30T02:12:41Z"}'),
    ]);
    expect(await ctx.parseFailures()).toBe(3);
  });

  test('overwrites an existing stream label when the JSON names the stream', () => {
    const { stage } = build();
    const [entry] = runStage(stage, [
      testEntry('{"log":"x\\n","stream":"stderr","time":"2019-04-30T02:12:41Z"}', {
        labels: { job: 'a', stream: 'stdout' },
      }),
    ]);
    expect(entry.labels).toEqual({ job: 'a', stream: 'stderr' });
  });

  test("keeps the last record's timestamp and mirrors the joined line in output when records are joined", () => {
    const { stage } = build();
    const [joined] = runStage(
      stage,
      records([
        ['stdout', 'a'],
        ['stdout', 'b\n'],
      ]),
    );
    expect(joined).toMatchObject({
      line: 'ab\n',
      timestampNs: 1_605_098_718_000_000_001n,
      labels: { job: 'a', stream: 'stdout' },
      extracted: { output: 'ab\n' },
    });
  });

  test('sends a record without a final newline on flush only when its stream was idle for max_partial_wait_time', () => {
    const { stage, advance, now } = build();
    runStage(stage, records([['stdout', 'Downloading... 42%']]));
    const out: LogEntry[] = [];
    advance(2999);
    stage.flush(out, now());
    expect(out).toHaveLength(0);
    advance(1);
    stage.flush(out, now());
    expect(out.map((e) => e.line)).toEqual(['Downloading... 42%']);
    stage.flush(out, FLUSH_ALL_NS);
    expect(out).toHaveLength(1);
  });

  test('keeps the stage contract when inputs are odd', async () => {
    await expectStageCompliance('- docker: {}', {
      mayChange: ['line', 'labels', 'extracted', 'timestampNs'],
      merges: true,
    });
  });

  test('delivers a held split record when the pipeline shuts down before max_partial_wait_time', async () => {
    const sink = createMemoryConsumer();
    const pipeline = createPipelineConsumer(
      {
        id: 'p',
        stages: parseStages('- docker: { max_partial_wait_time: 1h }'),
        forward_to: ['sinks.memory'],
        routes: [],
        default_forward_to: [],
      },
      { registry: new Registry(), logger: silentLogger, resolve: () => sink },
    );
    await pipeline.start();
    await pipeline.consume(
      {
        entries: records([
          ['stdout', 'whole\n'],
          ['stdout', 'last words'],
        ]),
      },
      AbortSignal.timeout(5000),
    );
    expect(sink.lines()).toEqual(['whole\n']);
    await pipeline.shutdown(AbortSignal.timeout(5000));
    expect(sink.lines()).toEqual(['whole\n', 'last words']);
  });
});

import { Registry } from 'prom-client';
import { parseStages } from '../config/load';
import type { Labels, LogEntry } from '../entry';
import { createMemoryConsumer, expectStageCompliance, stageConfigIssues, testEntry } from '../testing';
import { silentLogger } from '../testing/stage-harness';
import { createStageTestContext, loadStageYaml, runStage } from '../testing/stage-test-context';
import { createCriStage, criStage } from './cri';
import { FLUSH_ALL_NS } from './multiline';
import { createPipelineConsumer } from '../pipelines/pipeline';

const MS = 1_000_000n;
const READ_TS = 1_700_000_000_000_000_000n;
const T = '2019-05-07T18:57:50.904275087+00:00';

function build(yaml = '{}') {
  let now = 0n;
  const ctx = createStageTestContext();
  const stage = createCriStage(loadStageYaml(criStage, yaml), ctx, () => now);
  return { stage, ctx, advance: (ms: number) => (now += BigInt(ms) * MS), now: () => now };
}

/** CRI lines as entries of one label set; `P`/`F` prefixes are written out by the caller. */
function cri(lines: string[], labels: Labels = { job: 'a' }): LogEntry[] {
  return lines.map((line) => testEntry(`${T} ${line}`, { labels }));
}

function flushAll(stage: ReturnType<typeof build>['stage']): LogEntry[] {
  const out: LogEntry[] = [];
  stage.flush(out, FLUSH_ALL_NS);
  return out;
}

describe('cri stage', () => {
  test.each<[string, string, string, Partial<LogEntry>]>([
    [
      'sets line, stream label, timestamp and extracted values when the line is CRI',
      '{}',
      '2019-01-01T01:00:00.000000001Z stderr F message',
      {
        line: 'message',
        labels: { stream: 'stderr' },
        timestampNs: 1_546_304_400_000_000_001n,
        extracted: { time: '2019-01-01T01:00:00.000000001Z', stream: 'stderr', flags: 'F', content: 'message' },
      },
    ],
    [
      'keeps newlines in the content when the line holds several',
      '{}',
      '2019-01-01T01:00:00Z stdout F message\nmessage2',
      {
        line: 'message\nmessage2',
        labels: { stream: 'stdout' },
        timestampNs: 1_546_304_400_000_000_000n,
      },
    ],
    [
      'reads a zone offset when the time is not UTC',
      '{}',
      '2019-01-01T02:00:00.5+01:00 stdout F x',
      { timestampNs: 1_546_304_400_500_000_000n },
    ],
    [
      'gives an empty line when the content is empty',
      '{}',
      '2019-01-01T01:00:00Z stdout F ',
      { line: '', extracted: { time: '2019-01-01T01:00:00Z', stream: 'stdout', flags: 'F', content: '' } },
    ],
    [
      'gives an empty line when a trim took the space before an empty content',
      '{}',
      '2019-01-01T01:00:00Z stdout F',
      { line: '', labels: { stream: 'stdout' } },
    ],
    [
      "keeps the entry's timestamp when the time does not parse",
      '{}',
      '3242 stderr F message',
      { line: 'message', labels: { stream: 'stderr' }, timestampNs: READ_TS },
    ],
    [
      'passes the line unchanged when it is not CRI',
      '{}',
      "i'm invalid!!!",
      { line: "i'm invalid!!!", labels: {}, extracted: {}, timestampNs: READ_TS },
    ],
    [
      'passes the line unchanged when the stream is neither stdout nor stderr',
      '{}',
      '2019-01-01T01:00:00Z stdin F x',
      { line: '2019-01-01T01:00:00Z stdin F x', labels: {} },
    ],
  ])('%s', (_name, yaml, line, expected) => {
    const { stage } = build(yaml);
    const [entry] = runStage(stage, [testEntry(line)]);
    expect(entry).toMatchObject(expected);
  });

  test.each<[string, string, string[], string[]]>([
    [
      'sends full lines as they come when no partial is held',
      '{}',
      ['F some full line', 'F log'],
      ['some full line', 'log'],
    ],
    [
      'joins partial lines with the next full line when they share a stream',
      '{}',
      ['P partial 1 ', 'P partial 2 ', 'F end', 'F next'],
      ['partial 1 partial 2 end', 'next'],
    ],
    [
      'joins stdout and stderr apart when their partials interleave',
      '{}',
      ['P out-1 ', 'stderr P err-1 ', 'F out-2', 'stderr F err-2'],
      ['out-1 out-2', 'err-1 err-2'],
    ],
    ['joins a partial whose tags carry more after P when it is P:x', '{}', ['P:x a', 'F b'], ['ab']],
    [
      'cuts joined partial lines when max_partial_line_size_truncate is on',
      'max_partial_line_size: 11\nmax_partial_line_size_truncate: true',
      ['P partial line 1 ', 'F log finished'],
      ['partial lin'],
    ],
    [
      'leaves full lines uncut when no partial preceded them',
      'max_partial_line_size: 3\nmax_partial_line_size_truncate: true',
      ['F a full line'],
      ['a full line'],
    ],
    [
      'never cuts inside a character when the limit falls in one',
      'max_partial_line_size: 4\nmax_partial_line_size_truncate: true',
      ['P ab', 'F ü😀'],
      ['abü'],
    ],
    ['ignores max_partial_line_size when truncate is off', 'max_partial_line_size: 3', ['P abc', 'F def'], ['abcdef']],
  ])('%s', (_name, yaml, lines, expected) => {
    const { stage } = build(yaml);
    const entries = lines.map((l) =>
      testEntry(`${T} ${l.startsWith('stderr ') ? l : `stdout ${l}`}`, { labels: { job: 'a' } }),
    );
    expect(runStage(stage, entries).map((e) => e.line)).toEqual(expected);
  });

  test.each<[string, string, RegExp]>([
    [
      'rejects max_partial_lines of 0 when it is given',
      'max_partial_lines: 0',
      /\[0\]\.cri\.max_partial_lines: .*(greater|>)/,
    ],
    [
      'rejects a negative max_partial_line_size when it is given',
      'max_partial_line_size: -1',
      /\[0\]\.cri\.max_partial_line_size: /,
    ],
    [
      'rejects truncation to 0 bytes when truncate is on without a size',
      'max_partial_line_size_truncate: true',
      /\[0\]\.cri\.max_partial_line_size_truncate: needs max_partial_line_size greater than 0/,
    ],
    [
      'rejects a duration without a unit when max_partial_wait_time is a bare number',
      "max_partial_wait_time: '3'",
      /\[0\]\.cri\.max_partial_wait_time: expected a duration/,
    ],
    [
      'rejects a zero max_partial_wait_time when it is 0s',
      'max_partial_wait_time: 0s',
      /max_partial_wait_time must be greater than 0/,
    ],
    ['rejects an unknown key when it is misspelt', 'max_partial_line: 5', /max_partial_line/],
  ])('%s', (_name, yaml, message) => {
    const issues = stageConfigIssues(`- cri:\n    ${yaml}\n`);
    expect(issues.join('\n')).toMatch(/^stages\.yaml:2:\d+ /);
    expect(issues.join('\n')).toMatch(message);
  });

  test('counts a parse failure when the line is not CRI or its time does not parse', async () => {
    const { stage, ctx } = build();
    runStage(stage, [testEntry('plain text'), testEntry('3242 stdout F x'), testEntry(`${T} stdout F ok`)]);
    expect(await ctx.parseFailures()).toBe(2);
  });

  test("keeps the last fragment's timestamp and labels when a partial line is joined (Alloy)", () => {
    const { stage } = build();
    const [joined] = runStage(stage, [
      testEntry('2019-05-07T18:57:50Z stdout P a', { labels: { job: 'a' } }),
      testEntry('2019-05-07T18:57:51Z stdout F b', { labels: { job: 'a' } }),
    ]);
    expect(joined).toMatchObject({
      line: 'ab',
      timestampNs: 1_557_255_471_000_000_000n,
      labels: { job: 'a', stream: 'stdout' },
      extracted: { flags: 'F', content: 'ab' },
    });
  });

  test('sends only the stream held longest when a new stream exceeds max_partial_lines (Alloy sends all)', () => {
    const { stage } = build('max_partial_lines: 3');
    const at = (job: string, line: string) => cri([line], { job })[0];
    const out = runStage(stage, [
      at('a', 'stdout P partial 1 '),
      at('b', 'stdout P partial 2 '),
      at('a', 'stdout P partial 3 '),
      at('c', 'stdout P partial 4 '),
      at('d', 'stdout P partial 5 '),
      at('a', 'stdout F a done'),
      at('c', 'stdout F c done'),
      at('d', 'stdout F d done'),
    ]);
    expect(out.map((e) => e.line)).toEqual([
      'partial 2 ',
      'partial 1 partial 3 a done',
      'partial 4 c done',
      'partial 5 d done',
    ]);
  });

  test('holds partial lines of any number of fragments when one stream writes them', () => {
    const { stage } = build('max_partial_lines: 1');
    const out = runStage(stage, cri(['stdout P 1', 'stdout P 2', 'stdout P 3', 'stdout F 4']));
    expect(out.map((e) => e.line)).toEqual(['1234']);
  });

  test('sends a held partial line on flush only when its stream was idle for max_partial_wait_time', () => {
    const { stage, advance, now } = build('max_partial_wait_time: 2s');
    runStage(stage, cri(['stdout P a']));
    advance(1500);
    runStage(stage, cri(['stdout P b']));
    const out: LogEntry[] = [];
    advance(1999);
    stage.flush(out, now());
    expect(out).toHaveLength(0);
    advance(1);
    stage.flush(out, now());
    expect(out.map((e) => [e.line, e.extracted.flags])).toEqual([['ab', 'P']]);
    expect(flushAll(stage)).toHaveLength(0);
  });

  test('sends a full line alone when it follows a partial line released by flush', () => {
    const { stage } = build();
    runStage(stage, cri(['stdout P early ']));
    expect(flushAll(stage).map((e) => e.line)).toEqual(['early ']);
    expect(runStage(stage, cri(['stdout F late'])).map((e) => e.line)).toEqual(['late']);
  });

  test('leaves held partial lines alone when a line that is not CRI arrives', () => {
    const { stage } = build();
    const out = runStage(stage, [
      ...cri(['stdout P a']),
      testEntry('not cri', { labels: { job: 'a', stream: 'stdout' } }),
      ...cri(['stdout F b']),
    ]);
    expect(out.map((e) => e.line)).toEqual(['not cri', 'ab']);
  });

  test('keeps the stage contract when inputs are odd', async () => {
    await expectStageCompliance('- cri: {}', {
      mayChange: ['line', 'labels', 'extracted', 'timestampNs'],
      merges: true,
    });
  });

  test('delivers a held partial line when the pipeline shuts down before max_partial_wait_time', async () => {
    const sink = createMemoryConsumer();
    const pipeline = createPipelineConsumer(
      {
        id: 'p',
        stages: parseStages('- cri: { max_partial_wait_time: 1h }'),
        forward_to: ['sinks.memory'],
        routes: [],
        default_forward_to: [],
      },
      { registry: new Registry(), logger: silentLogger, resolve: () => sink },
    );
    await pipeline.start();
    await pipeline.consume(
      { entries: cri(['stdout F whole', 'stdout P cut off by a crash ']) },
      AbortSignal.timeout(5000),
    );
    expect(sink.lines()).toEqual(['whole']);
    await pipeline.shutdown(AbortSignal.timeout(5000));
    expect(sink.lines()).toEqual(['whole', 'cut off by a crash ']);
  });
});

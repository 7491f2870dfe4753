import { expectStageCompliance } from '../testing';
import { Registry } from 'prom-client';
import { parseStages } from '../config/load';
import { createEntry, type LogEntry } from '../entry';
import { createMemoryConsumer } from '../testing';
import { silentLogger } from '../testing/stage-harness';
import { createPipelineConsumer } from '../pipelines/pipeline';
import { loadStageYaml, runStage } from '../testing/stage-test-context';
import { createMultilineStage, FLUSH_ALL_NS, multilineStage } from './multiline';

const MS = 1_000_000n;

function lines(texts: string[], labels: Record<string, string> = { job: 'a' }): LogEntry[] {
  return texts.map((t, i) => createEntry(t, labels, BigInt(i + 1)));
}

function build(yaml: string) {
  let now = 0n;
  const stage = createMultilineStage(loadStageYaml(multilineStage, yaml), () => now);
  return { stage, advance: (ms: number) => (now += BigInt(ms) * MS), now: () => now };
}

describe('multiline stage', () => {
  test.each<[string, string, string[], string[]]>([
    [
      'joins continuation lines when the next firstline arrives',
      "firstline: '^\\['",
      ['[1] a', ' at x', ' at y', '[2] b'],
      ['[1] a\n at x\n at y'],
    ],
    ['passes lines through when no firstline was seen yet', "firstline: '^\\['", ['orphan', '[1] a'], ['orphan']],
    [
      'sends a block when it reaches max_lines',
      "firstline: '^\\['\nmax_lines: 2",
      ['[1] a', ' x', ' y'],
      ['[1] a\n x'],
    ],
    [
      'puts no limit on a block with max_lines: 0, as Promtail counts up to it and never reaches it',
      "firstline: '^\\['\nmax_lines: 0",
      ['[1] a', ...Array.from({ length: 200 }, () => ' x'), '[2] b'],
      [['[1] a', ...Array.from({ length: 200 }, () => ' x')].join('\n')],
    ],
    [
      'strips trailing newlines when trim_newlines is on',
      "firstline: '^\\['",
      ['[1] a\r\n', ' x\n', '[2]'],
      ['[1] a\n x'],
    ],
    [
      'keeps trailing newlines when trim_newlines is off',
      "firstline: '^\\['\ntrim_newlines: false",
      ['[1] a\n', ' x', '[2]'],
      ['[1] a\n\n x'],
    ],
  ])('%s', (_name, yaml, input, expected) => {
    const { stage } = build(yaml);
    expect(runStage(stage, lines(input)).map((e) => e.line)).toEqual(expected);
  });

  test.each<[string, string, RegExp]>([
    ['rejects an invalid firstline when it is not RE2', "firstline: '(?<=x)'", /firstline: invalid RE2 expression/],
    [
      'rejects a zero max_wait_time when it is 0s',
      'firstline: x\nmax_wait_time: 0s',
      /max_wait_time must be greater than 0/,
    ],
    [
      'rejects a malformed duration when max_wait_time has no unit',
      "firstline: x\nmax_wait_time: '3'",
      /expected a duration/,
    ],
    ['rejects a negative max_lines', 'firstline: x\nmax_lines: -1', /max_lines/],
    ['requires firstline when it is missing', 'max_lines: 3', /firstline/],
  ])('%s', (_name, yaml, message) => {
    expect(() => loadStageYaml(multilineStage, yaml)).toThrow(message);
  });

  test("keeps the first line's timestamp, labels and extracted values when a block is sent", () => {
    const { stage } = build("firstline: '^\\['");
    const [first, second, third] = lines(['[1] a', ' x', '[2] b']);
    first.extracted = { level: 'error' };
    const [block] = runStage(stage, [first, second, third]);
    expect(block).toMatchObject({ timestampNs: 1n, labels: { job: 'a' }, extracted: { level: 'error' } });
    expect(block).not.toBe(first);
  });

  test('keeps blocks per stream when label sets interleave', () => {
    const { stage } = build("firstline: '^\\['");
    const a = lines(['[a1]', ' a-cont'], { job: 'a' });
    const b = lines(['[b1]', ' b-cont'], { job: 'b' });
    runStage(stage, [a[0], b[0], a[1], b[1]]);
    const out: LogEntry[] = [];
    stage.flush(out, FLUSH_ALL_NS);
    expect(out.map((e) => e.line).sort()).toEqual(['[a1]\n a-cont', '[b1]\n b-cont']);
  });

  test('sends a block on flush only when its stream was idle for max_wait_time', () => {
    const { stage, advance, now } = build("firstline: '^\\['\nmax_wait_time: 3s");
    runStage(stage, lines(['[1] a', ' x']));
    const out: LogEntry[] = [];
    advance(2999);
    stage.flush(out, now());
    expect(out).toHaveLength(0);
    advance(1);
    stage.flush(out, now());
    expect(out.map((e) => e.line)).toEqual(['[1] a\n x']);
    stage.flush(out, FLUSH_ALL_NS);
    expect(out).toHaveLength(1);
  });

  test("appends to the stream's last first line when continuation lines follow a timeout flush (Alloy)", () => {
    const { stage } = build("firstline: '^\\['");
    const [first, ...rest] = lines(['[1] a', ' late']);
    runStage(stage, [first]);
    const out: LogEntry[] = [];
    stage.flush(out, FLUSH_ALL_NS);
    runStage(stage, rest);
    stage.flush(out, FLUSH_ALL_NS);
    expect(out.map((e) => [e.line, e.timestampNs])).toEqual([
      ['[1] a', 1n],
      [' late', 1n],
    ]);
  });

  test('keeps the stage contract when inputs are odd', async () => {
    await expectStageCompliance("- multiline: { firstline: '^\\d' }", { mayChange: ['line'], merges: true });
  });

  test('delivers the held block when the pipeline shuts down before max_wait_time', async () => {
    const sink = createMemoryConsumer();
    const pipeline = createPipelineConsumer(
      {
        id: 'p',
        stages: parseStages("- multiline: { firstline: '^\\[', max_wait_time: 1h }"),
        forward_to: ['sinks.memory'],
        routes: [],
        default_forward_to: [],
      },
      { registry: new Registry(), logger: silentLogger, resolve: () => sink },
    );
    await pipeline.start();
    await pipeline.consume({ entries: lines(['[1] boom', ' at a()', ' at b()']) }, AbortSignal.timeout(5000));
    expect(sink.entries).toHaveLength(0);
    await pipeline.shutdown(AbortSignal.timeout(5000));
    expect(sink.lines()).toEqual(['[1] boom\n at a()\n at b()']);
  });
});

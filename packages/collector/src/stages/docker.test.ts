import type { LogEntry } from '../entry';
import { expectStageCompliance, stageConfigIssues, testEntry } from '../testing';
import { createStageTestContext, loadStageYaml, runStage } from '../testing/stage-test-context';
import { dockerStage } from './docker';

const READ_TS = 1_700_000_000_000_000_000n;

function build() {
  const ctx = createStageTestContext();
  return { stage: dockerStage.create(loadStageYaml(dockerStage, '{}'), ctx), ctx };
}

describe('docker stage', () => {
  test.each<[string, string, Partial<LogEntry>]>([
    ['sets line, stream label, timestamp and extracted values when the line is json-file', '{"log":"level=info msg=\\"Adding target\\"\\n","stream":"stderr","time":"2019-04-30T02:12:41.8443515Z"}', {
      line: 'level=info msg="Adding target"\n', labels: { stream: 'stderr' }, timestampNs: 1_556_590_361_844_351_500n,
      extracted: { output: 'level=info msg="Adding target"\n', stream: 'stderr', timestamp: '2019-04-30T02:12:41.8443515Z' },
    }],
    ['keeps the trailing newline when the log has one (Alloy)', '{"log":"log message\\n","stream":"stdout","time":"2019-04-30T02:12:41Z"}', { line: 'log message\n' }],
    ['decodes escapes when the log holds unicode and control characters', '{"log":"caf\\u00e9 \\u001b[31m\\t😀","stream":"stdout","time":"2019-04-30T02:12:41Z"}', { line: 'café \u001b[31m\t😀' }],
    ['keeps the entry\'s timestamp when the time does not parse', '{"log":"log message\\n","stream":"stderr","time":"hi!"}', {
      line: 'log message\n', labels: { stream: 'stderr' }, timestampNs: READ_TS, extracted: { output: 'log message\n', stream: 'stderr', timestamp: 'hi!' },
    }],
    ['passes the line unchanged when it is not JSON', 'i\'m not json!', { line: 'i\'m not json!', labels: {}, extracted: {}, timestampNs: READ_TS }],
    ['passes the line unchanged when the JSON is not an object', '["log","x"]', { line: '["log","x"]', labels: {}, extracted: {} }],
    ['keeps the line when the object has no log', '{"stream":"stdout","time":"2019-04-30T02:12:41Z"}', { line: '{"stream":"stdout","time":"2019-04-30T02:12:41Z"}', labels: { stream: 'stdout' } }],
    ['sets no stream label when stream is not a string', '{"log":"x","stream":1,"time":"2019-04-30T02:12:41Z"}', { line: 'x', labels: {}, extracted: { output: 'x', timestamp: '2019-04-30T02:12:41Z' } }],
  ])('%s', (_name, line, expected) => {
    const { stage } = build();
    const [entry] = runStage(stage, [testEntry(line)]);
    expect(entry).toMatchObject(expected);
  });

  test.each<[string, string, RegExp]>([
    ['rejects arguments when any are given', '- docker: { keep_newline: false }', /^stages\.yaml:1:\d+ .*keep_newline/],
  ])('%s', (_name, yaml, message) => {
    expect(stageConfigIssues(yaml).join('\n')).toMatch(message);
  });

  test('counts a parse failure when the JSON is malformed, incomplete or its time does not parse', async () => {
    const { stage, ctx } = build();
    runStage(stage, [
      testEntry('{"log":'), testEntry('{"log":"x\\n","stream":"stdout"}'), testEntry('{"log":"x\\n","stream":"stdout","time":"never"}'),
      testEntry('{"log":"ok\\n","stream":"stdout","time":"2019-04-30T02:12:41Z"}'),
    ]);
    expect(await ctx.parseFailures()).toBe(3);
  });

  test('overwrites an existing stream label when the JSON names the stream', () => {
    const { stage } = build();
    const [entry] = runStage(stage, [testEntry('{"log":"x","stream":"stderr","time":"2019-04-30T02:12:41Z"}', { labels: { job: 'a', stream: 'stdout' } })]);
    expect(entry!.labels).toEqual({ job: 'a', stream: 'stderr' });
  });

  test('keeps the stage contract when inputs are odd', async () => {
    await expectStageCompliance('- docker: {}', { mayChange: ['line', 'labels', 'extracted', 'timestampNs'] });
  });
});

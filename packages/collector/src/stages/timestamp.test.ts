import { expectStageCompliance } from '../testing';
import { createEntry, type LogEntry } from '../entry';
import { createStageTestContext, loadStageYaml, runStage } from '../testing/stage-test-context';
import { timestampStage } from './timestamp';

const RECEIVED = 1_000_000_000n;

function entry(extracted: Record<string, unknown>, labels: Record<string, string> = { job: 'a' }): LogEntry {
  const e = createEntry('line', labels, RECEIVED);
  e.extracted = extracted;
  return e;
}

function build(yaml: string) {
  const ctx = createStageTestContext('p/0/timestamp');
  return { ctx, stage: timestampStage.create(loadStageYaml(timestampStage, yaml), ctx) };
}

describe('timestamp stage', () => {
  test.each<[string, string, Array<Record<string, unknown>>, bigint[]]>([
    [
      'sets the timestamp when the source fits the format',
      'source: ts\nformat: RFC3339',
      [{ ts: '2024-01-01T00:00:00Z' }],
      [1704067200_000_000_000n],
    ],
    [
      'reads numbers when the extracted value is a number',
      'source: ts\nformat: UnixMs',
      [{ ts: 1704067200123 }],
      [1704067200_123_000_000n],
    ],
    [
      'tries fallback formats in order when the format does not fit',
      'source: ts\nformat: RFC3339\nfallback_formats: [UnixMs, Unix]',
      [{ ts: '1704067200' }],
      [1704067200_000_000n],
    ],
    ['keeps the received time when the source is missing', 'source: ts\nformat: RFC3339', [{}], [RECEIVED]],
    [
      'fudges to the last timestamp + 1ns when parsing fails after a success',
      'source: ts\nformat: Unix',
      [{ ts: '100' }, { ts: 'bad' }, { ts: 'bad' }],
      [100_000_000_000n, 100_000_000_001n, 100_000_000_002n],
    ],
    [
      'keeps the received time when action_on_failure is skip',
      'source: ts\nformat: Unix\naction_on_failure: skip',
      [{ ts: '100' }, { ts: 'bad' }],
      [100_000_000_000n, RECEIVED],
    ],
    [
      'applies the location when the layout has no zone',
      "source: ts\nformat: '2006-01-02 15:04'\nlocation: Asia/Kolkata",
      [{ ts: '2024-01-01 05:30' }],
      [1704067200_000_000_000n],
    ],
  ])('%s', (_name, yaml, extracted, expected) => {
    const { stage } = build(yaml);
    const out = runStage(
      stage,
      extracted.map((x) => entry(x)),
    );
    expect(out.map((e) => e.timestampNs)).toEqual(expected);
  });

  test.each<[string, string, RegExp]>([
    [
      'rejects an unknown zone when location is not IANA',
      'source: ts\nformat: RFC3339\nlocation: Mars/Olympus',
      /location: unknown time zone "Mars\/Olympus"/,
    ],
    [
      'rejects a layout without reference elements when format is a typo',
      'source: ts\nformat: YYYY-MM-DD',
      /format: layout "YYYY-MM-DD" has no Go reference-time element/,
    ],
    [
      'names the fallback index when a fallback format is a typo',
      'source: ts\nformat: RFC3339\nfallback_formats: [Unix, dd/mm]',
      /fallback_formats\[1\]: layout "dd\/mm"/,
    ],
    [
      'rejects unknown actions when action_on_failure is misspelt',
      'source: ts\nformat: Unix\naction_on_failure: drop',
      /action_on_failure/,
    ],
    ['rejects unknown keys when the config has a typo', 'source: ts\nformat: Unix\nformats: [Unix]', /formats/],
    ['requires source when it is missing', 'format: Unix', /source/],
  ])('%s', (_name, yaml, message) => {
    expect(() => loadStageYaml(timestampStage, yaml)).toThrow(message);
  });

  test('counts failures, fallbacks and fudges when formats miss', async () => {
    const { ctx, stage } = build('source: ts\nformat: RFC3339\nfallback_formats: [Unix]');
    runStage(stage, [entry({ ts: '5' }), entry({ ts: 'x' }), entry({ ts: 'x' }, { job: 'other' })]);
    expect(await ctx.parseFailures()).toBe(2);
    const text = await ctx.registry.getSingleMetricAsString('collector_stage_timestamp_fallbacks_total');
    expect(text).toContain('outcome="fallback_format"} 1');
    expect(text).toContain('outcome="fudged"} 1');
    expect(text).toContain('outcome="kept"} 1');
  });

  test('keeps fudge state per stream when label sets differ', () => {
    const { stage } = build('source: ts\nformat: Unix');
    const out = runStage(stage, [
      entry({ ts: '7' }, { job: 'a' }),
      entry({ ts: '9' }, { job: 'b' }),
      entry({ ts: '?' }, { job: 'a' }),
    ]);
    expect(out[2].timestampNs).toBe(7_000_000_001n);
  });

  test('keeps the stage contract when inputs are odd', async () => {
    await expectStageCompliance('- timestamp: { source: time, format: RFC3339, fallback_formats: [UnixMs] }', {
      mayChange: ['timestampNs'],
    });
  });
});

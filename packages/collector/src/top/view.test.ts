import { parsePrometheusText } from './prometheus-text';
import { buildTopModel, renderTop } from './view';

const scrape = (collector: string, sorter: string, atMs: number) => ({
  collector: parsePrometheusText(collector),
  sorter: parsePrometheusText(sorter),
  atMs,
});

describe('live view model', () => {
  const before = scrape(
    [
      'collector_source_read_lines_total{source="app"} 100',
      'collector_otlp_received_items_total{source="otlp",protocol="http",signal="logs"} 10',
      'collector_otlp_received_items_total{source="otlp",protocol="http",signal="traces"} 10',
      'collector_sink_sent_entries_total{sink="file"} 90',
      'collector_stage_entries_in_total{pipeline="tx",stage="0_static_labels"} 100',
      'collector_stage_entries_in_total{pipeline="tx",stage="1_regex"} 100',
      'collector_stage_parse_failures_total{pipeline="tx",stage="1_regex"} 2',
    ].join('\n'),
    '',
    0,
  );
  const after = scrape(
    [
      'collector_source_read_lines_total{source="app"} 250',
      'collector_otlp_received_items_total{source="otlp",protocol="http",signal="logs"} 60',
      'collector_otlp_received_items_total{source="otlp",protocol="http",signal="traces"} 999',
      'collector_sink_sent_entries_total{sink="file"} 290',
      'collector_sink_queue_entries{sink="file"} 10',
      'collector_stage_entries_in_total{pipeline="tx",stage="0_static_labels"} 300',
      'collector_stage_entries_in_total{pipeline="tx",stage="1_regex"} 300',
      'collector_stage_parse_failures_total{pipeline="tx",stage="1_regex"} 6',
    ].join('\n'),
    'sorter_items_total{decided_by="rules",severity="error",category="availability"} 3\nsorter_items_total{decided_by="cache",severity="info",category="audit"} 1',
    2000,
  );

  test('counts file/push lines and OTLP log records (not spans) as lines in, computes rates over the interval, and the parse success share of entries that entered', () => {
    const model = buildTopModel(before, after);
    expect(model.linesInPerSecond).toBe(100);
    expect(model.linesOutPerSecond).toBe(100);
    expect(model.parseSuccessRatio).toBeCloseTo(1 - 4 / 200);
    expect(model.queueDepth).toEqual(new Map([['file', 10]]));
  });

  test('falls back to the sorter mix when the collector classified nothing itself', () => {
    const model = buildTopModel(before, after);
    expect(model.decidedBy).toEqual(
      new Map([
        ['rules', 3],
        ['cache', 1],
      ]),
    );
    const frame = renderTop(model, ['header']).join('\n');
    expect(frame).toContain('rules');
    expect(frame).toMatch(/75\.0%/);
  });

  test.each([
    [
      'says why there is no queue when no sink has one',
      '',
      'entries waiting in sink queues  none (no sink with a queue: file and stdout sinks write at once)',
    ],
    [
      'names each queued sink with the entries waiting in it',
      'collector_sink_queue_entries{sink="sinks.loki"} 12',
      'entries waiting in sink queues  sinks.loki=12',
    ],
  ])('%s', (_what, metrics, line) => {
    const s = scrape(metrics, '', 0);
    const frame = renderTop(buildTopModel(s, { ...s, atMs: 1000 }), []);
    expect(frame).toContain(`  ${line}`);
    expect(frame).toContain('  entries dropped by sinks  0');
  });

  test('shows no parse ratio before any entry arrived', () => {
    expect(buildTopModel(before, before).parseSuccessRatio).toBeUndefined();
  });
});

import { parsePrometheusText, sumBy, total } from './prometheus-text';

const exposition = [
  '# HELP collector_sink_sent_entries_total Entries delivered',
  '# TYPE collector_sink_sent_entries_total counter',
  'collector_sink_sent_entries_total{sink="file"} 10',
  'collector_sink_sent_entries_total{sink="loki"} 5',
  'sorter_items_total{decided_by="rules",severity="error",category="availability"} 3',
  'sorter_items_total{decided_by="cache",severity="error",category="error"} 4',
  'weird{msg="a \\"quoted\\" value, with comma",x="y"} 1.5',
  'process_start_time_seconds 1700000000',
  '',
].join('\n');

describe('parsePrometheusText', () => {
  test('reads names, labels and values when labels contain escaped quotes and commas', () => {
    const samples = parsePrometheusText(exposition);
    expect(samples).toHaveLength(6);
    expect(samples.find((s) => s.name === 'weird')).toEqual({
      name: 'weird',
      labels: { msg: 'a "quoted" value, with comma', x: 'y' },
      value: 1.5,
    });
  });

  test('sums samples of a name, grouped by a label when asked', () => {
    const samples = parsePrometheusText(exposition);
    expect(total(samples, 'collector_sink_sent_entries_total')).toBe(15);
    expect(sumBy(samples, 'sorter_items_total', 'severity')).toEqual(new Map([['error', 7]]));
    expect(sumBy(samples, 'sorter_items_total', 'decided_by')).toEqual(
      new Map([
        ['rules', 3],
        ['cache', 4],
      ]),
    );
    expect(total(samples, 'absent_metric')).toBe(0);
  });
});

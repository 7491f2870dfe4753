import { promqlMetricNames } from './promql-metric-names';

describe('promqlMetricNames', () => {
  test.each([
    ['a bare metric', 'up', ['up']],
    ['a selector with matchers that contain identifiers', 'up{job=~".*collector.*", instance="a b"} == 0', ['up']],
    [
      'a rate over a Grafana interval',
      'sum by (source) (rate(collector_source_read_lines_total{instance=~"$instance"}[$__rate_interval]))',
      ['collector_source_read_lines_total'],
    ],
    [
      'a ratio with grouping on both sides',
      'sum by (instance, sink) (rate(a_total[10m])) / sum by (instance, sink) (rate(b_total[10m])) > 0.1',
      ['a_total', 'b_total'],
    ],
    [
      'a histogram quantile grouped by le',
      'histogram_quantile(0.99, sum by (sink, le) (rate(x_seconds_bucket[5m])))',
      ['x_seconds_bucket'],
    ],
    [
      'set operators with on()',
      'max by (instance, job) (up == 1) unless on (instance) (sum by (instance) (rate(c_total[15m])) > 0)',
      ['c_total', 'up'],
    ],
    [
      'group_left with ignoring()',
      'sum by (d) (increase(m_total[$__range])) / ignoring(d) group_left sum(increase(m_total[$__range]))',
      ['m_total'],
    ],
    ['an aggregation with the by clause after it', 'sum(rate(n_total[5m])) by (job) > bool 1 offset 5m', ['n_total']],
    ['a label_values variable with a selector', 'label_values(up{job=~".*collector.*"}, instance)', ['up']],
    [
      'a label_values variable with a metric',
      'label_values(sorter_http_requests_total, instance)',
      ['sorter_http_requests_total'],
    ],
    ['a label_values variable without a metric', 'label_values(instance)', []],
    ['a metric compared with a literal Inf', 'g > Inf or vector(0)', ['g']],
  ])('finds the metrics of %s when parsing', (_what, expr, expected) => {
    expect(promqlMetricNames(expr)).toEqual(expected);
  });
});

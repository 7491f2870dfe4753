import { prometheusMetricName, unitSuffix } from './otlp-names';

describe('prometheusMetricName', () => {
  test.each([
    ['adds seconds and keeps dots out', 'http.server.duration', 's', 'other', 'http_server_duration_seconds'],
    ['adds _total to a monotonic sum', 'http.server.requests', '{request}', 'counter', 'http_server_requests_total'],
    ['adds the unit before _total', 'process.cpu.time', 's', 'counter', 'process_cpu_time_seconds_total'],
    ['does not double _total', 'jobs_total', '', 'counter', 'jobs_total'],
    ['does not double the unit', 'queue_size_bytes', 'By', 'gauge', 'queue_size_bytes'],
    ['adds _ratio to a gauge of unit 1', 'cpu.utilization', '1', 'gauge', 'cpu_utilization_ratio'],
    ['spells out a per-unit', 'net.io.rate', 'By/s', 'gauge', 'net_io_rate_bytes_per_second'],
    ['prefixes a leading digit', '5xx.count', '', 'gauge', '_5xx_count'],
  ] as const)('%s when the metric is %s [%s]', (_name, name, unit, kind, expected) => {
    expect(prometheusMetricName(name, unit, kind)).toBe(expected);
  });
});

describe('unitSuffix', () => {
  test.each([
    ['ms', 'milliseconds'],
    ['MiBy', 'mebibytes'],
    ['{packets}', ''],
    ['1', ''],
    ['Cel', 'celsius'],
  ])('maps %p to %p when translating units', (unit, expected) => {
    expect(unitSuffix(unit)).toBe(expected);
  });
});

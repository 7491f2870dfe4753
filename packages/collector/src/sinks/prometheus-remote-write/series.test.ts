import { buildLabels, groupSeries, sanitizeLabelName, sanitizeMetricName } from './series';

describe('buildLabels', () => {
  test('sorts labels by name with __name__ first when given labels in any order', () => {
    expect(buildLabels('up', { zone: 'a', instance: 'h:1', job: 'j' }, {}).map((l) => l.name)).toEqual([
      '__name__',
      'instance',
      'job',
      'zone',
    ]);
  });

  test('adds external labels only where the series has no value of its own when names collide', () => {
    const labels = buildLabels('up', { env: 'prod' }, { env: 'dev', cluster: 'c1' });
    expect(labels).toEqual([
      { name: '__name__', value: 'up' },
      { name: 'cluster', value: 'c1' },
      { name: 'env', value: 'prod' },
    ]);
  });

  test('leaves out labels with empty values when the source has them', () => {
    expect(buildLabels('up', { empty: '', ok: 'x' }, {}).map((l) => l.name)).toEqual(['__name__', 'ok']);
  });

  test('sanitizes names when they carry dots or start with a digit', () => {
    expect(sanitizeLabelName('service.name')).toBe('service_name');
    expect(sanitizeMetricName('9lives:total')).toBe('_9lives:total');
    expect(sanitizeLabelName('a:b')).toBe('a_b');
  });
});

describe('groupSeries', () => {
  test('puts samples of one label set into one series in timestamp order when they arrive out of order', () => {
    const a = buildLabels('m', { k: 'a' }, {});
    const b = buildLabels('m', { k: 'b' }, {});
    const series = groupSeries([
      { labels: a, value: 2, timestampMs: 20 },
      { labels: b, value: 9, timestampMs: 5 },
      { labels: [...a], value: 1, timestampMs: 10 },
    ]);
    expect(series).toHaveLength(2);
    expect(series[0].samples).toEqual([
      { value: 1, timestampMs: 10 },
      { value: 2, timestampMs: 20 },
    ]);
  });
});

import { bucketIndex, SeriesStore } from './series-store';

describe('bucketIndex', () => {
  const bounds = Float64Array.from([10, 25, 50, 100]);
  test.each<[number, number]>([
    [-5, 0],
    [10, 0],
    [10.5, 1],
    [25, 1],
    [99, 3],
    [100, 3],
    [100.1, 4],
    [Infinity, 4],
    [-Infinity, 0],
  ])('puts %p in bucket %p when bounds are [10, 25, 50, 100]', (value, index) => {
    expect(bucketIndex(bounds, value)).toBe(index);
  });

  test('matches a linear scan when values and bounds are many', () => {
    const many = Float64Array.from({ length: 37 }, (_, i) => i * i - 50);
    for (let v = -60; v < 1400; v += 0.5) {
      let linear = 0;
      while (linear < many.length && v > many[linear]) linear++;
      expect(bucketIndex(many, v)).toBe(linear);
    }
  });

  test('returns 0 when there are no bounds', () => {
    expect(bucketIndex(new Float64Array(0), 3)).toBe(0);
  });
});

describe('SeriesStore', () => {
  test('marks a series expired when it is removed for idleness', async () => {
    const store = new SeriesStore('m', 'help', 'counter', [], 1000);
    const series = store.series('{job="a"}', { job: 'a' });
    series.lastUpdateMs = Date.now() - 5000;
    await store.get();
    expect(series.expired).toBe(true);
    expect(store.series('{job="a"}', { job: 'a' })).not.toBe(series);
  });

  test('marks series expired when the store is reset', () => {
    const store = new SeriesStore('m', 'help', 'gauge', [], 1000);
    const series = store.series('{job="a"}', { job: 'a' });
    store.reset();
    expect(series.expired).toBe(true);
  });

  test('counts each observation in its bucket when a histogram observes', async () => {
    const store = new SeriesStore('h', 'help', 'histogram', [1, 10], 60_000);
    const series = store.series('{}', {});
    for (const v of [0.5, 1, 2, 10, 11]) store.observe(series, v);
    expect(Array.from(series.counts ?? [])).toEqual([2, 2, 1]);
    expect(series.count).toBe(5);
    expect(series.value).toBe(24.5);
  });
});

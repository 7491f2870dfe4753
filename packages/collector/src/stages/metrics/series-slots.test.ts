import { SeriesSlots } from './series-slots';
import { SeriesStore } from '../../telemetry/series-store';

describe('SeriesSlots', () => {
  test('creates series with the label set it was built from when that labels object changes later', () => {
    const store = new SeriesStore('m', 'help', 'counter', [], 60_000);
    const labels = { job: 'a' };
    const slots = new SeriesSlots('{job="a"}', labels, 1);
    labels.job = 'changed';
    expect(slots.get(0, store).labels).toEqual({ job: 'a' });
  });

  test('returns the same series without asking the store again when it is still live', () => {
    const store = new SeriesStore('m', 'help', 'counter', [], 60_000);
    const slots = new SeriesSlots('{job="a"}', { job: 'a' }, 2);
    const spy = jest.spyOn(store, 'series');
    const first = slots.get(0, store);
    expect(slots.get(0, store)).toBe(first);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  test('keeps one series per metric index when a stage has several metrics', () => {
    const a = new SeriesStore('a', 'help', 'counter', [], 60_000);
    const b = new SeriesStore('b', 'help', 'counter', [], 60_000);
    const slots = new SeriesSlots('{job="a"}', { job: 'a' }, 2);
    expect(slots.get(0, a)).not.toBe(slots.get(1, b));
    expect(slots.get(0, a)).toBe(a.series('{job="a"}', { job: 'a' }));
  });

  test('resolves a new series from the store when the held one expired', () => {
    const store = new SeriesStore('m', 'help', 'counter', [], 60_000);
    const slots = new SeriesSlots('{job="a"}', { job: 'a' }, 1);
    const first = slots.get(0, store);
    store.reset();
    const second = slots.get(0, store);
    expect(second).not.toBe(first);
    expect(second.expired).toBe(false);
    expect(store.series('{job="a"}', { job: 'a' })).toBe(second);
  });
});

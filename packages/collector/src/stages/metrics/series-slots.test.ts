import { SeriesSlots } from './series-slots';
import { SeriesStore } from './series-store';

describe('SeriesSlots', () => {
  test('returns the same series without asking the store again when it is still live', () => {
    const store = new SeriesStore('m', 'help', 'counter', [], 60_000);
    const slots = new SeriesSlots('{job="a"}', 2);
    const spy = jest.spyOn(store, 'series');
    const first = slots.get(0, store, { job: 'a' });
    expect(slots.get(0, store, { job: 'a' })).toBe(first);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  test('keeps one series per metric index when a stage has several metrics', () => {
    const a = new SeriesStore('a', 'help', 'counter', [], 60_000);
    const b = new SeriesStore('b', 'help', 'counter', [], 60_000);
    const slots = new SeriesSlots('{job="a"}', 2);
    expect(slots.get(0, a, { job: 'a' })).not.toBe(slots.get(1, b, { job: 'a' }));
    expect(slots.get(0, a, { job: 'a' })).toBe(a.series('{job="a"}', { job: 'a' }));
  });

  test('resolves a new series from the store when the held one expired', () => {
    const store = new SeriesStore('m', 'help', 'counter', [], 60_000);
    const slots = new SeriesSlots('{job="a"}', 1);
    const first = slots.get(0, store, { job: 'a' });
    store.reset();
    const second = slots.get(0, store, { job: 'a' });
    expect(second).not.toBe(first);
    expect(second.expired).toBe(false);
    expect(store.series('{job="a"}', { job: 'a' })).toBe(second);
  });
});

import type { Labels } from '../entry';
import { LabelSetCache } from './label-set-cache';
import { labelSetKey } from './label-set-key';

describe('LabelSetCache', () => {
  test('computes once per label set when the same labels repeat', () => {
    let calls = 0;
    const cache = new LabelSetCache((labels) => (calls++, labelSetKey(labels)));
    expect(cache.get({ a: '1', b: '2' })).toBe(labelSetKey({ a: '1', b: '2' }));
    expect(cache.get({ a: '1', b: '2' })).toBe(labelSetKey({ a: '1', b: '2' }));
    expect(calls).toBe(1);
    expect(cache.size).toBe(1);
  });

  test('gives each label set its own value when values, names or counts differ', () => {
    const cache = new LabelSetCache(labelSetKey);
    const sets: Labels[] = [{ a: '1' }, { a: '2' }, { b: '1' }, { a: '1', b: '1' }, {}, { a: '' }];
    for (const labels of sets) expect(cache.get(labels)).toBe(labelSetKey(labels));
    expect(new Set(sets.map((l) => cache.get(l))).size).toBe(sets.length);
  });

  test('gives an equal value when the same labels come in another order', () => {
    const cache = new LabelSetCache(labelSetKey);
    expect(cache.get({ b: '2', a: '1' })).toBe(cache.get({ a: '1', b: '2' }));
  });

  test('sees a label changed on the same object when it is looked up again', () => {
    const cache = new LabelSetCache(labelSetKey);
    const labels: Record<string, string> = { a: '1' };
    cache.get(labels);
    labels.a = '2';
    labels.c = '3';
    expect(cache.get(labels)).toBe(labelSetKey({ a: '2', c: '3' }));
  });

  test('starts over when more than maxSets label sets were seen', () => {
    let calls = 0;
    const cache = new LabelSetCache((labels) => (calls++, labelSetKey(labels)), 2);
    cache.get({ a: '1' });
    cache.get({ a: '2' });
    expect(cache.get({ a: '3' })).toBe(labelSetKey({ a: '3' }));
    expect(cache.size).toBe(1);
    expect(cache.get({ a: '1' })).toBe(labelSetKey({ a: '1' }));
    expect(calls).toBe(4);
  });

  test('rejects a maxSets below 1 when created', () => {
    expect(() => new LabelSetCache(labelSetKey, 0)).toThrow('LabelSetCache maxSets must be at least 1, got 0');
  });
});

describe('LabelSetCache with many values of one label', () => {
  test('keeps every set apart when a label takes more values than fit in a node edge list', () => {
    let calls = 0;
    const cache = new LabelSetCache((labels) => (calls++, labelSetKey(labels)));
    const sets = Array.from({ length: 40 }, (_, i) => ({ a: 'x', b: String(i), ...(i % 3 === 0 ? { c: 'z' } : {}) }));
    for (const labels of sets) expect(cache.get(labels)).toBe(labelSetKey(labels));
    for (const labels of sets) expect(cache.get(labels)).toBe(labelSetKey(labels));
    expect(calls).toBe(40);
  });
});

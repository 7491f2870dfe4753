import { createTemplateCache } from './template-cache';

describe('template cache', () => {
  test('forgets the least recently used key when full', () => {
    const cache = createTemplateCache<{ n: number }>(2, 1000, () => 1);
    cache.set('a', { n: 1 });
    cache.set('b', { n: 2 });
    cache.get('a');
    cache.set('c', { n: 3 });
    expect([cache.get('a')?.n, cache.get('b')?.n, cache.get('c')?.n]).toEqual([1, undefined, 3]);
  });

  test('reads a key as absent once its time to live has passed, however often it was read', () => {
    let now = 1000;
    const cache = createTemplateCache<{ n: number }>(10, 100, () => now);
    cache.set('a', { n: 1 });
    now = 1050;
    expect(cache.get('a')?.n).toBe(1);
    now = 1100;
    expect(cache.get('a')?.n).toBe(1);
    now = 1101;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});

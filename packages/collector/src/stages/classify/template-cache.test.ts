import { TemplateCache } from './template-cache';

describe('TemplateCache', () => {
  test('forgets the least recently used key when full', () => {
    const cache = new TemplateCache<number>(2, 1000, () => 0);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
  });

  test('reads a key as absent when its time to live has passed', () => {
    let now = 0;
    const cache = new TemplateCache<number>(10, 100, () => now);
    cache.set('a', 1);
    now = 99;
    expect(cache.get('a')).toBe(1);
    now = 100;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});

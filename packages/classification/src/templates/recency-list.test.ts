import { RecencyList } from './recency-list';

function values<T>(list: RecencyList<T>): T[] {
  const out: T[] = [];
  for (let node = list.newest(); node !== undefined; node = node.next) out.push(node.value);
  return out;
}

describe('RecencyList', () => {
  test('keeps values most recent first when added and touched', () => {
    const list = new RecencyList<string>();
    const a = list.add('a');
    list.add('b');
    list.add('c');
    list.touch(a);
    expect(values(list)).toEqual(['a', 'c', 'b']);
    expect(list.oldest()).toBe('b');
  });

  test('unlinks a value from any position when removed', () => {
    const list = new RecencyList<string>();
    const a = list.add('a');
    const b = list.add('b');
    const c = list.add('c');
    list.remove(b);
    expect(values(list)).toEqual(['c', 'a']);
    list.remove(c);
    list.remove(a);
    expect(list.size).toBe(0);
    expect(list.oldest()).toBeUndefined();
    expect(list.newest()).toBeUndefined();
  });
});

import { labelSetKey } from './label-set-key';

describe('labelSetKey', () => {
  test.each<[string, Record<string, string>, Record<string, string>, boolean]>([
    ['gives equal keys when the same labels come in another order', { a: '1', b: '2' }, { b: '2', a: '1' }, true],
    ['gives different keys when a value differs', { a: '1' }, { a: '2' }, false],
    ['gives different keys when a value imitates a separator', { a: '1,b=1:2' }, { a: '1', b: '2' }, false],
    ['gives different keys when a label is missing', { a: '' }, {}, false],
  ])('%s', (_name, left, right, equal) => {
    expect(labelSetKey(left) === labelSetKey(right)).toBe(equal);
  });
});

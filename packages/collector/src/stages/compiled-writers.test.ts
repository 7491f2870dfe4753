import { compileConstantWriter, compileGroupWriter } from './compiled-writers';

describe('compileGroupWriter', () => {
  test('writes each group by its index when the match has them', () => {
    const write = compileGroupWriter(['b', 'a'], [2, 1]);
    const target: Record<string, unknown> = { kept: 1 };
    write(target, ['whole', 'one', 'two']);
    expect(target).toEqual({ kept: 1, b: 'two', a: 'one' });
  });

  test('writes an empty string when a group did not take part in the match', () => {
    const target: Record<string, unknown> = {};
    compileGroupWriter(['a'], [1])(target, ['whole', undefined]);
    expect(target).toEqual({ a: '' });
  });

  test('keeps a name as plain data when it contains quotes or code', () => {
    const name = `x"]; globalThis.pwned = 1; //`;
    const target: Record<string, unknown> = {};
    compileGroupWriter([name], [1])(target, ['w', 'v']);
    expect(target).toEqual({ [name]: 'v' });
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });

  test('rejects names and indexes of different lengths when compiled', () => {
    expect(() => compileGroupWriter(['a'], [])).toThrow('compileGroupWriter got 1 names for 0 indexes');
  });
});

describe('compileConstantWriter', () => {
  test('sets every pair, overriding existing values, when called', () => {
    const target: Record<string, string> = { job: 'old', other: 'o' };
    compileConstantWriter([['job', 'new'], ['q', `it's "quoted"\n`]])(target);
    expect(target).toEqual({ job: 'new', other: 'o', q: `it's "quoted"\n` });
  });
});

import { compileConstantWriter, compileConvertingCopier, compileGroupWriter, compilePropertyReader } from './compiled-properties';

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

describe('compilePropertyReader', () => {
  test('reads the named property when present and undefined when absent', () => {
    const read = compilePropertyReader('a"b');
    expect(read({ 'a"b': 7 })).toBe(7);
    expect(read({ a: 1 })).toBeUndefined();
  });
});

describe('compileConvertingCopier', () => {
  test('copies converted values and skips the undefined ones when called', () => {
    const copy = compileConvertingCopier([['m', 'method'], ['s', 'status'], ['x', 'missing']]);
    const target: Record<string, string> = { s: 'old' };
    copy({ method: 'GET', status: 200 }, target, (v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined));
    expect(target).toEqual({ s: '200', m: 'GET' });
  });
});

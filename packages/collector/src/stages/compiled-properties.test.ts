import {
  compileColumnReader,
  compileConstantWriter,
  compileConvertingCopier,
  compileGroupWriter,
} from './compiled-properties';

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
    compileConstantWriter([
      ['job', 'new'],
      ['q', `it's "quoted"\n`],
    ])(target);
    expect(target).toEqual({ job: 'new', other: 'o', q: `it's "quoted"\n` });
  });
});

describe('compileColumnReader', () => {
  test('copies each key into its column at the row, marking missing keys absent, when called', () => {
    const read = compileColumnReader(['a"b', 'n', 'u']);
    const columns: unknown[][] = [[], [], []];
    const absent = Symbol('absent');
    read({ 'a"b': 7, u: undefined }, columns, 1, absent);
    expect(columns).toEqual([
      [undefined, 7],
      [undefined, absent],
      [undefined, undefined],
    ]);
    expect(1 in columns[2]).toBe(true);
  });
});

describe('compileConvertingCopier', () => {
  test('copies converted values and skips the undefined ones when called', () => {
    const copy = compileConvertingCopier([
      ['m', 'method'],
      ['s', 'status'],
      ['x', 'missing'],
    ]);
    const target: Record<string, string> = { s: 'old' };
    copy({ method: 'GET', status: 200 }, target, (v) =>
      typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined,
    );
    expect(target).toEqual({ s: '200', m: 'GET' });
  });
});

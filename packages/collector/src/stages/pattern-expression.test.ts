import { compilePattern } from './pattern-expression';

/** Runs a pattern over a line: the captures by name, with `complete` false when the match stopped early. */
function run(pattern: string, line: string): { complete: boolean; captures: Record<string, string> } | null {
  const compiled = compilePattern(pattern);
  const captures: string[] = [];
  const result = compiled.match(line, captures);
  const filled = result >= 0 ? result : -1 - result;
  if (result === -1) return null;
  return {
    complete: result >= 0,
    captures: Object.fromEntries(compiled.names.slice(0, filled).map((n, i) => [n, captures[i]])),
  };
}

describe('compilePattern', () => {
  test.each([
    [
      'captures up to the first occurrence of the next literal when captures are non-greedy',
      '<a> <b>',
      'x y z',
      { a: 'x', b: 'y z' },
    ],
    [
      'skips the text of <_> when it has no name',
      '<_> - <user> [<ts>]',
      '1.2.3.4 - ann [10/Oct/2000]',
      { user: 'ann', ts: '10/Oct/2000' },
    ],
    [
      'parses an nginx access line when given the usual pattern',
      '<ip> - - [<ts>] "<method> <path> <_>" <status> <size>',
      '10.0.0.1 - - [26/Dec/2025:21:45:32 +0000] "GET /api/v1/users?id=7 HTTP/1.1" 200 512',
      {
        ip: '10.0.0.1',
        ts: '26/Dec/2025:21:45:32 +0000',
        method: 'GET',
        path: '/api/v1/users?id=7',
        status: '200',
        size: '512',
      },
    ],
    [
      'requires the leading literal at the start of the line when the pattern begins with one',
      'level=<level> ',
      'level=warn msg=x',
      { level: 'warn' },
    ],
    ['ignores text after the last literal when the pattern ends with one', '<a>]', 'x] trailing', { a: 'x' }],
    ['captures an empty string when two literals touch', '[<a>]<b>', '[]rest', { a: '', b: 'rest' }],
    [
      'treats <1x>, < a> and an unclosed < as literal text when they are not capture names',
      '<1x> <a> < b> <c',
      '<1x> v < b> <c',
      { a: 'v' },
    ],
    [
      'matches non-ASCII text when the line has it',
      '<who> → <what>',
      'jürgen → 😀 done',
      { who: 'jürgen', what: '😀 done' },
    ],
  ])('%s', (_name, pattern, line, captures) => {
    expect(run(pattern, line)).toEqual({ complete: true, captures });
  });

  test.each([
    ['does not match when the line is empty', '<a>', ''],
    ['does not match when the leading literal is not at the start', 'level=<level>', 'x level=warn'],
    ['does not match when a skipped capture never finds its literal', '<_> | <a>', 'no bar here'],
  ])('%s', (_name, pattern, line) => {
    expect(run(pattern, line)).toBeNull();
  });

  test('keeps the captures before the stop, the last one running to the end, when a later literal is missing', () => {
    expect(run('<a> <b>|<c>', 'x y and no bar')).toEqual({ complete: false, captures: { a: 'x', b: 'y and no bar' } });
    expect(run('<a> end', 'nothing')).toEqual({ complete: false, captures: { a: 'nothing' } });
  });

  test('lists only named captures in order when the pattern has skips', () => {
    expect(compilePattern('<_> <b> <_> <a>').names).toEqual(['b', 'a']);
  });

  test.each([
    ['rejects a pattern without a named capture', 'just text', /at least one named capture/],
    ['rejects a pattern with only skips', '<_> <_>', /at least one named capture/],
    ['rejects two captures side by side', '<a> <b><c>', /captures <b> and <c> are side by side at offset 7/],
    [
      "rejects side-by-side captures after a leading literal, which Loki's check lets through",
      'x<a><b>',
      /captures <a> and <b> are side by side at offset 4/,
    ],
    ['rejects a skip next to a capture', '<_><a>', /side by side/],
    ['rejects a duplicate capture name', '<a> <a>', /duplicate capture name <a> at offset 4/],
  ])('%s', (_name, pattern, message) => {
    expect(() => compilePattern(pattern)).toThrow(message);
  });
});

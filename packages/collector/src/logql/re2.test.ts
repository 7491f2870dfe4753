import { compileRe2, Re2SyntaxError, translateRe2 } from './re2';

describe('translateRe2', () => {
  test.each([
    ['turns (?P<name>…) into a JS named group', '(?P<a>x)(?<b>y)', '(?<a>x)(?<b>y)', '', ['a', 'b']],
    ['moves leading flags to RegExp flags', '(?is)a.b', 'a.b', 'is', []],
    ['maps \\A and \\z to ^ and $', '\\Aabc\\z', '^abc$', '', []],
    ['quotes \\Q…\\E literally', '\\Qa.b*\\E', 'a\\.b\\*', '', []],
    ['expands POSIX classes inside brackets', '[[:digit:][:upper:]_]', '[0-9A-Z_]', '', []],
    ['escapes a leading ] in a bracket, which RE2 reads as a literal', '[]a]', '[\\]a]', '', []],
  ])('%s', (_name, input, source, flags, groups) => {
    expect(translateRe2(input)).toMatchObject({ source, flags, groupNames: groups });
  });

  test.each([
    ['rejects lookahead', '(?=a)', 'lookaround is not supported by RE2'],
    ['rejects backreferences', '(a)\\1', 'backreferences are not supported by RE2'],
    [
      'rejects inline flags after the start',
      'a(?i)b',
      'inline flags are only supported at the start of the expression',
    ],
    ['rejects the ungreedy flag', '(?U)a+', 'the ungreedy flag (?U) is not supported'],
    ['rejects an unknown POSIX class', '[[:nope:]]', 'unknown POSIX class [:nope:]'],
  ])('%s', (_name, input, message) => {
    expect(() => translateRe2(input)).toThrow(new Re2SyntaxError(message, 0));
  });
});

describe('compileRe2', () => {
  test('reads named groups by index when compiled as plain groups, counting unnamed ones before them', () => {
    const { regex, groupNames, groupIndexes } = compileRe2('(x)(?P<a>a)(?:y)((?P<b>b))', { plainGroups: true });
    const m = regex.exec('xaybb') as RegExpExecArray;
    expect(m.groups).toBeUndefined();
    expect(groupNames.map((n, i) => [n, m[groupIndexes[i]]])).toEqual([
      ['a', 'a'],
      ['b', 'b'],
    ]);
  });

  test('anchors the whole alternation when anchored is set', () => {
    const { regex } = compileRe2('a|b', { anchored: true });
    expect(['a', 'b', 'ab', 'xa'].map((s) => regex.test(s))).toEqual([true, true, false, false]);
  });

  test('reports a JS syntax error as an Re2SyntaxError', () => {
    expect(() => compileRe2('(?P<a>x')).toThrow(Re2SyntaxError);
  });
});

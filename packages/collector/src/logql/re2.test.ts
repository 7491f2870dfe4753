import { compileRe2, Re2SyntaxError, translateRe2 } from './re2';

describe('translateRe2', () => {
  test.each([
    ['turns (?P<name>…) into a JS named group', '(?P<a>x)(?<b>y)', '(?<a>x)(?<b>y)', '', ['a', 'b']],
    ['moves leading flags to RegExp flags', '(?is)a.b', 'a.b', 'is', []],
    ['maps \\A and \\z to ^ and $', '\\Aabc\\z', '^abc$', '', []],
    ['quotes \\Q…\\E literally', '\\Qa.b*\\E', 'a\\.b\\*', '', []],
    ['expands POSIX classes inside brackets', '[[:digit:][:upper:]_]', '[0-9A-Z_]', '', []],
    ['escapes a leading ] in a bracket, which RE2 reads as a literal', '[]a]', '[\\]a]', '', []],
    ['swaps greediness under a leading (?U)', '(?U)a+b*?c{2,}d?', 'a+?b*c{2,}?d??', '', []],
    ['spells out a (?i:…) group letter by letter', 'x(?i:ab[c-d_])y', 'x(?:[aA][bB][c-dC-D_])y', '', []],
    ['lets . match a newline inside a (?s:…) group only', '(?s:a.)b.', '(?:a[^])b.', '', []],
    ['reads a bracket of one negated POSIX class as its complement', '[[:^space:]]+', '[^\\t\\n\\v\\f\\r ]+', '', []],
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
    [
      'rejects a negated POSIX class among other items',
      '[[:^space:]x]',
      'negated POSIX class [:^space:] is not supported',
    ],
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

  test('matches as Go does under (?U), (?i:…), (?s:…) and a negated POSIX class', () => {
    const ungreedy = compileRe2('(?U)^(?P<k>.+)=(?P<v>.+)\\z').regex.exec('k=v=w') as RegExpExecArray;
    expect([ungreedy[1], ungreedy[2]]).toEqual(['k', 'v=w']);
    expect(compileRe2('level=(?i:err(or)?)\\b').regex.exec('level=ERROR x')?.[0]).toBe('level=ERROR');
    expect(compileRe2('level=(?i:err)').regex.test('LEVEL=err')).toBe(false);
    expect(compileRe2('(?s:a.b)').regex.test('a\nb')).toBe(true);
    expect(compileRe2('^[[:^space:]]+').regex.exec('host-1 rest')?.[0]).toBe('host-1');
  });

  test('reports a JS syntax error as an Re2SyntaxError', () => {
    expect(() => compileRe2('(?P<a>x')).toThrow(Re2SyntaxError);
  });
});

import type { Labels } from '../entry';
import { compileRe2 } from './re2';
import { LogQLParseError, parseLogSelector } from './selector';

describe('parseLogSelector', () => {
  test.each([
    [
      'matches equality and missing labels as empty when the selector uses = and !=',
      '{a="1", b!="2"}',
      { a: '1' },
      'x',
      true,
    ],
    ['fails when an equality label differs', '{a="1"}', { a: '2' }, 'x', false],
    ['anchors label regexes as Loki does', '{a=~"b"}', { a: 'abc' }, 'x', false],
    ['matches a full regex on the label value', '{a=~"a.c|z"}', { a: 'abc' }, 'x', true],
    ['treats a missing label as empty for =~ ".+"', '{method=~".+"}', {}, 'x', false],
    ['excludes matches of !~', '{a!~"x.*"}', { a: 'xyz' }, 'x', false],
    ['requires every line filter to pass', '{a="1"} |= "err" != "timeout"', { a: '1' }, 'err here', true],
    [
      'fails a != line filter when the text is present',
      '{a="1"} |= "err" != "timeout"',
      { a: '1' },
      'err timeout',
      false,
    ],
    ['applies |~ unanchored', '{a="1"} |~ "e.r"', { a: '1' }, 'an error', true],
    ['applies !~', '{a="1"} !~ "^debug"', { a: '1' }, 'debug x', false],
    ['reads backtick raw strings', '{a=~`\\d+`}', { a: '42' }, 'x', true],
    ['decodes escapes in quoted strings', '{a="x\\"y"}', { a: 'x"y' }, 'x', true],
    ['lets . match a newline in a label regex, as Prometheus does', '{a=~"x.y"}', { a: 'x\ny' }, 'x', true],
    ['matches any non-empty value, newlines included, with =~ ".+"', '{a=~".+"}', { a: '\n' }, 'x', true],
    ['matches a missing label with =~ ".*"', '{a=~".*"}', {}, 'x', true],
    ['matches an empty label with !~ ".+"', '{a!~".+"}', { a: '' }, 'x', true],
    ['fails a set label with !~ ".+"', '{a!~".+"}', { a: 'v' }, 'x', false],
    ['fails everything with !~ ".*"', '{a!~".*"}', {}, 'x', false],
    [
      'keeps a line with either value of |= "a" or "b"',
      '{a="1"} |= "timeout" or `refused`',
      { a: '1' },
      'conn refused',
      true,
    ],
    ['drops a line with neither value of |= or', '{a="1"} |= "timeout" or "refused"', { a: '1' }, 'ok', false],
    [
      'keeps a line with neither value of != "a" or "b" (Loki: not a and not b)',
      '{a="1"} != "a" or "b"',
      { a: '1' },
      'xyz',
      true,
    ],
    ['drops a line with one value of != "a" or "b"', '{a="1"} != "debug" or "trace"', { a: '1' }, 'trace x', false],
    [
      'chains |~ alternatives and a later filter',
      '{a="1"} |~ "err.r" or "fail(ed)?" != "retry"',
      { a: '1' },
      'failed',
      true,
    ],
    ['drops a line matching one !~ alternative', '{a="1"} !~ "^debug" or "^trace"', { a: '1' }, 'trace: x', false],
  ])('%s', (_name, text, labels, line, expected) => {
    expect(parseLogSelector(text).matches({ labels, line })).toBe(expected);
  });

  test.each(['.+', '.*'])('gives what the anchored regex gives when a matcher is =~ or !~ "%s"', (pattern) => {
    const regex = compileRe2(pattern, { anchored: true, dotAll: true }).regex;
    for (const value of [undefined, '', 'a', ' ', '\n', '\r\n', '\u2028', 'multi\nline', '😀']) {
      const labels: Labels = value === undefined ? {} : { a: value };
      expect({ value, match: parseLogSelector(`{a=~"${pattern}"}`).matchesLabels(labels) }).toEqual({
        value,
        match: regex.test(value ?? ''),
      });
      expect({ value, match: parseLogSelector(`{a!~"${pattern}"}`).matchesLabels(labels) }).toEqual({
        value,
        match: !regex.test(value ?? ''),
      });
    }
  });

  test.each([
    ['reports a missing brace', 'a="b"', 'expected "{" to start a stream selector at column 1'],
    ['reports an empty selector', '{}', 'a stream selector needs at least one label matcher at column 2'],
    [
      'reports a numeric comparison',
      '{a=="b"}',
      'numeric label filters (== > >= < <=) are not supported; compare with = != =~ !~ and a quoted string at column 3',
    ],
    [
      'reports a numeric label filter',
      '{a="b"} | status >= 500',
      'numeric label filters (== > >= < <=) are not supported; compare with = != =~ !~ and a quoted string at column 18',
    ],
    ['reports a label filter without a name', '{a="b"} | "x"', 'expected a label name at column 11'],
    [
      'reports an invalid regex in a label filter with its position',
      '{a="b"} | c=~"("',
      expect.stringMatching(/^invalid regex "\(": .* at column 14$/),
    ],
    ['reports a missing comma', '{a="b" c="d"}', 'expected "," or "}" at column 8'],
    ['reports an unterminated string', '{a="b}', 'unterminated string at column 4'],
    [
      'reports an invalid regex with its position',
      '{a=~"("}',
      expect.stringMatching(/^invalid regex "\(": .* at column 5$/),
    ],
    [
      'names a pattern line filter as not supported',
      '{a="b"} |> "<_> error <_>"',
      'pattern line filters (|> !>) are not supported; use |~ or !~ with a regular expression at column 9',
    ],
    [
      'reports something that is no filter',
      '{a="b"} && "x"',
      'expected a line filter (|= != |~ !~) or a label filter (| name = "value") at column 9',
    ],
  ])('%s', (_name, text, message) => {
    let error: unknown;
    try {
      parseLogSelector(text);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(LogQLParseError);
    expect((error as Error).message).toEqual(message);
  });
});

describe('label filters', () => {
  const entry = {
    labels: { job: 'api', level: 'info' },
    line: 'GET /x',
    structuredMetadata: { trace_id: 'abc123', level: 'debug' },
    extracted: { status: 500, user: 'ann', tags: ['a'] },
  };
  test.each([
    ['matches structured metadata', '{job="api"} | trace_id="abc123"', true],
    ['matches an extracted value, converted as Alloy converts it', '{job="api"} | status="500"', true],
    ['prefers the label when structured metadata has the same name', '{job="api"} | level="info"', true],
    ['treats a map or list in the extracted map as missing', '{job="api"} | tags=""', true],
    ['treats a missing name as empty', '{job="api"} | nothing!~".+"', true],
    ['anchors a label filter regex', '{job="api"} | user=~"an"', false],
    ['matches a label filter regex over the whole value', '{job="api"} | user=~"an+"', true],
    ['requires every filter, line and label, to pass', '{job="api"} |= "GET" | status!="500"', false],
    ['mixes filters in any order', '{job="api"} | user="ann" |~ "/x$" | trace_id=~"abc.*"', true],
  ])('%s', (_name, text, expected) => {
    expect(parseLogSelector(text).matches(entry)).toBe(expected);
  });

  test('sees only labels when the entry carries no structured metadata or extracted map', () => {
    expect(parseLogSelector('{job="api"} | trace_id="abc123"').matches({ labels: entry.labels, line: '' })).toBe(false);
  });
});

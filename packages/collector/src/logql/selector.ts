import { extractedString, type Labels } from '../entry';
import { compileRe2, Re2SyntaxError } from './re2';

export type MatchOperator = '=' | '!=' | '=~' | '!~';
export type LineFilterOperator = '|=' | '!=' | '|~' | '!~';

export interface LabelMatcher {
  readonly name: string;
  readonly op: MatchOperator;
  readonly value: string;
  /** Anchored (`^(?:…)$`), as Loki anchors label regexes; set for `=~` and `!~`. */
  readonly regex?: RegExp;
}

export interface LineFilterValue {
  readonly value: string;
  /** Unanchored, as Loki line filters are; set for `|~` and `!~`. */
  readonly regex?: RegExp;
}

export interface LineFilter extends LineFilterValue {
  readonly op: LineFilterOperator;
  /** Values chained with `or` (`|= "a" or "b"`): any of them for `|=`/`|~`, none of them for `!=`/`!~`, as in Loki. */
  readonly or?: readonly LineFilterValue[];
}

function has(v: LineFilterValue, line: string): boolean {
  return v.regex ? v.regex.test(line) : line.includes(v.value);
}

/** Whether the line has the filter's value, or one of its `or` values. */
function hits(f: LineFilter, line: string): boolean {
  return has(f, line) || (f.or !== undefined && f.or.some((v) => has(v, line)));
}

/** What a selector looks at in an entry; structured metadata and extracted values only for label filters. */
export interface SelectedEntry {
  readonly labels: Labels;
  readonly line: string;
  readonly structuredMetadata?: Labels;
  readonly extracted?: Record<string, unknown>;
}

/** A selector or line filter that does not parse; `position` is the 0-based offset in the text. */
export class LogQLParseError extends Error {
  override readonly name = 'LogQLParseError';
  constructor(
    readonly reason: string,
    readonly position: number,
  ) {
    super(`${reason} at column ${position + 1}`);
  }
}

/**
 * How a label matcher is tested, decided once at parse. `=~".+"` and `=~".*"` (and their `!~`) need no
 * regex: with `.` matching newlines, as Prometheus parses matchers, they ask "non-empty" and "anything".
 */
const enum Test {
  Equal,
  NotEqual,
  Regex,
  NotRegex,
  NonEmpty,
  Empty,
  Always,
  Never,
}

interface CompiledMatcher {
  readonly name: string;
  readonly test: Test;
  readonly value: string;
  readonly regex: RegExp | undefined;
}

function compileMatcher(m: LabelMatcher): CompiledMatcher {
  const compiled = { name: m.name, value: m.value, regex: m.regex };
  switch (m.op) {
    case '=':
      return { ...compiled, test: Test.Equal };
    case '!=':
      return { ...compiled, test: Test.NotEqual };
    case '=~':
      return { ...compiled, test: m.value === '.+' ? Test.NonEmpty : m.value === '.*' ? Test.Always : Test.Regex };
    case '!~':
      return { ...compiled, test: m.value === '.+' ? Test.Empty : m.value === '.*' ? Test.Never : Test.NotRegex };
  }
}

function passes(m: CompiledMatcher, v: string): boolean {
  switch (m.test) {
    case Test.Equal:
      return v === m.value;
    case Test.NotEqual:
      return v !== m.value;
    case Test.Regex:
      return (m.regex as RegExp).test(v);
    case Test.NotRegex:
      return !(m.regex as RegExp).test(v);
    case Test.NonEmpty:
      return v !== '';
    case Test.Empty:
      return v === '';
    case Test.Always:
      return true;
    case Test.Never:
      return false;
  }
}

/**
 * A parsed LogQL log selector: `{label matchers}` plus chained line filters and label filters
 * (`| name op "value"`), all of which must match.
 */
export class LogSelector {
  readonly #matchers: readonly CompiledMatcher[];
  readonly #labelFilters: readonly CompiledMatcher[];

  constructor(
    readonly text: string,
    readonly matchers: readonly LabelMatcher[],
    readonly filters: readonly LineFilter[],
    readonly labelFilters: readonly LabelMatcher[] = [],
  ) {
    this.#matchers = matchers.map(compileMatcher);
    this.#labelFilters = labelFilters.map(compileMatcher);
  }

  /** Label matchers only; a missing label matches as the empty string, as in Loki. */
  matchesLabels(labels: Labels): boolean {
    const matchers = this.#matchers;
    for (let i = 0; i < matchers.length; i++) {
      const m = matchers[i];
      if (!passes(m, labels[m.name] ?? '')) return false;
    }
    return true;
  }

  /**
   * Label filters: each name is looked up in the labels, then the structured metadata, then the extracted map
   * (as Loki's label filters see stream labels, structured metadata and parsed labels); missing is empty.
   */
  matchesFields(entry: SelectedEntry): boolean {
    const filters = this.#labelFilters;
    for (let i = 0; i < filters.length; i++) {
      const m = filters[i];
      const v =
        entry.labels[m.name] ?? entry.structuredMetadata?.[m.name] ?? extractedString(entry.extracted?.[m.name]) ?? '';
      if (!passes(m, v)) return false;
    }
    return true;
  }

  matchesLine(line: string): boolean {
    for (const f of this.filters) if (hits(f, line) !== (f.op === '|=' || f.op === '|~')) return false;
    return true;
  }

  matches(entry: SelectedEntry): boolean {
    return (
      this.matchesLabels(entry.labels) &&
      this.matchesLine(entry.line) &&
      (this.#labelFilters.length === 0 || this.matchesFields(entry))
    );
  }

  toString(): string {
    return this.text;
  }
}

const LABEL_NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const SPACE = /\s*/y;

/**
 * Parses `{a="b", c=~"x|y"} |= "text" !~ "re" | level="error"`; label regexes (in the selector and in label
 * filters) are RE2 and anchored, like Loki's.
 */
export function parseLogSelector(text: string): LogSelector {
  let pos = 0;
  const skip = (): void => {
    SPACE.lastIndex = pos;
    SPACE.exec(text);
    pos = SPACE.lastIndex;
  };
  const fail = (reason: string, at = pos): never => {
    throw new LogQLParseError(reason, at);
  };
  const readString = (): string => {
    const quote = text[pos];
    if (quote === '`') {
      const end = text.indexOf('`', pos + 1);
      if (end < 0) fail('unterminated raw string');
      const value = text.slice(pos + 1, end);
      pos = end + 1;
      return value;
    }
    if (quote !== '"') fail('expected a quoted string');
    const start = pos;
    let value = '';
    pos++;
    while (pos < text.length && text[pos] !== '"') {
      if (text[pos] === '\\') {
        const n = text[pos + 1];
        const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"' };
        if (n === undefined || escapes[n] === undefined) fail(`invalid escape \\${n ?? ''} in string`);
        value += escapes[n];
        pos += 2;
      } else {
        value += text[pos++];
      }
    }
    if (pos >= text.length) fail('unterminated string', start);
    pos++;
    return value;
  };
  // Label matchers are anchored and let `.` match newlines, as Prometheus compiles them (`^(?s:…)$`).
  const regexOf = (source: string, at: number, anchored: boolean): RegExp => {
    try {
      return compileRe2(source, { anchored, dotAll: anchored }).regex;
    } catch (err) {
      if (err instanceof Re2SyntaxError) fail(`invalid regex ${JSON.stringify(source)}: ${err.message}`, at);
      throw err;
    }
  };

  const readMatcher = (): LabelMatcher => {
    LABEL_NAME.lastIndex = pos;
    const name = LABEL_NAME.exec(text)?.[0];
    if (name === undefined) fail('expected a label name');
    pos = LABEL_NAME.lastIndex;
    skip();
    if (/^(==|>=|<=|>|<)/.test(text.slice(pos, pos + 2)))
      fail('numeric label filters (== > >= < <=) are not supported; compare with = != =~ !~ and a quoted string');
    const op = (['=~', '!~', '!=', '='] as const).find((o) => text.startsWith(o, pos));
    if (!op) fail('expected one of = != =~ !~');
    pos += (op as MatchOperator).length;
    skip();
    const at = pos;
    const value = readString();
    return op === '=~' || op === '!~'
      ? { name: name as string, op, value, regex: regexOf(value, at, true) }
      : { name: name as string, op: op as MatchOperator, value };
  };

  skip();
  if (text[pos] !== '{') fail('expected "{" to start a stream selector');
  pos++;
  const matchers: LabelMatcher[] = [];
  skip();
  while (text[pos] !== '}') {
    if (matchers.length > 0) {
      if (text[pos] !== ',') fail('expected "," or "}"');
      pos++;
      skip();
    }
    matchers.push(readMatcher());
    skip();
    if (pos >= text.length) fail('expected "}" to end the stream selector');
  }
  if (matchers.length === 0) fail('a stream selector needs at least one label matcher');
  pos++;
  const filters: LineFilter[] = [];
  const labelFilters: LabelMatcher[] = [];
  skip();
  while (pos < text.length) {
    const op = (['|=', '!=', '|~', '!~'] as const).find((o) => text.startsWith(o, pos));
    if (op) {
      pos += op.length;
      skip();
      const regex = op === '|~' || op === '!~';
      const readValue = (): LineFilterValue => {
        const at = pos;
        const value = readString();
        return regex ? { value, regex: regexOf(value, at, false) } : { value };
      };
      const first = readValue();
      const or: LineFilterValue[] = [];
      for (skip(); /^or[\s"`]/.test(text.slice(pos, pos + 3)); skip()) {
        pos += 2;
        skip();
        or.push(readValue());
      }
      filters.push(or.length > 0 ? { op, ...first, or } : { op, ...first });
    } else if (text.startsWith('|>', pos) || text.startsWith('!>', pos)) {
      fail('pattern line filters (|> !>) are not supported; use |~ or !~ with a regular expression');
    } else if (text[pos] === '|') {
      pos++;
      skip();
      labelFilters.push(readMatcher());
    } else {
      fail('expected a line filter (|= != |~ !~) or a label filter (| name = "value")');
    }
    skip();
  }
  return new LogSelector(text, matchers, filters, labelFilters);
}

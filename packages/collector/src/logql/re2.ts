/** An RE2 expression that JavaScript cannot run the same way, with the offending position. */
export class Re2SyntaxError extends Error {
  override readonly name = 'Re2SyntaxError';
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

const POSIX_CLASSES: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

export interface TranslatedRegex {
  source: string;
  flags: string;
  /** Names of the named capture groups, in order. */
  groupNames: string[];
  /** Capture index (in `exec` results) of each named group, parallel to groupNames. */
  groupIndexes: number[];
  /** Number of capture groups without a name. */
  unnamedGroups: number;
}

// A group's own flags, from `(?i:…)` or `(?s:…)`: JS (in Node 20) has no scoped flags, so they are spelled out.
interface Scope {
  ignoreCase: boolean;
  dotAll: boolean;
}

const LETTER = /[A-Za-z]/;
const otherCase = (c: string): string => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase());
// A quantifier RE2 reads after an atom: `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`.
const REPEAT = /^(?:[*+?]|\{\d+(?:,\d*)?\})/;

/**
 * Translates RE2 syntax (Go regexp, as Alloy and Loki use) to a JavaScript RegExp source:
 * `(?P<name>…)` → `(?<name>…)`, leading `(?i)`/`(?s)`/`(?m)` → flags, a leading `(?U)` swaps every quantifier's
 * greediness, `(?i:…)` and `(?s:…)` groups are spelled out (`[aA]`, `[^]`), `\A` `\z` `\Q…\E` and POSIX classes
 * (a bracket that is one negated class, `[[:^space:]]`, too). Rejects what RE2 rejects and JS would accept
 * (lookaround, backreferences), so patterns port both ways and stay runnable by V8's linear-time engine.
 */
export function translateRe2(expression: string, options: { plainGroups?: boolean } = {}): TranslatedRegex {
  let flags = '';
  let ungreedy = false;
  let i = 0;
  const leading = /^\(\?([imsU]+)\)/.exec(expression);
  if (leading) {
    for (const f of leading[1]) {
      if (f === 'U') ungreedy = true;
      else if (!flags.includes(f)) flags += f;
    }
    i = leading[0].length;
  }
  let out = '';
  const groupNames: string[] = [];
  const groupIndexes: number[] = [];
  let unnamedGroups = 0;
  let inClass = false;
  const scopes: Scope[] = [{ ignoreCase: false, dotAll: false }];
  const scope = (): Scope => scopes[scopes.length - 1];
  while (i < expression.length) {
    const c = expression[i];
    if (ungreedy && !inClass) {
      const repeat = REPEAT.exec(expression.slice(i));
      if (repeat && out !== '' && !out.endsWith('(') && !out.endsWith('|')) {
        // Under (?U) a bare quantifier is lazy and a `?`-suffixed one greedy.
        const lazy = expression[i + repeat[0].length] === '?';
        out += repeat[0] + (lazy ? '' : '?');
        i += repeat[0].length + (lazy ? 1 : 0);
        continue;
      }
    }
    if (c === '\\') {
      const n = expression[i + 1];
      if (n === undefined) throw new Re2SyntaxError('trailing backslash', i);
      if (n === 'Q') {
        const end = expression.indexOf('\\E', i + 2);
        const literal = expression.slice(i + 2, end < 0 ? undefined : end);
        out += literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
        i = end < 0 ? expression.length : end + 2;
        continue;
      }
      if (!inClass && n === 'A') out += '^';
      else if (!inClass && n === 'z') out += '$';
      else if (n >= '1' && n <= '9') throw new Re2SyntaxError('backreferences are not supported by RE2', i);
      else if (n === 'Z') throw new Re2SyntaxError('\\Z is not supported by RE2 (use \\z)', i);
      else out += c + n;
      i += 2;
      continue;
    }
    if (inClass) {
      if (scope().ignoreCase && LETTER.test(c)) {
        const range = /^([A-Za-z])-([A-Za-z])/.exec(expression.slice(i));
        if (range && (range[1] === range[1].toLowerCase()) === (range[2] === range[2].toLowerCase())) {
          out += `${range[0]}${otherCase(range[1])}-${otherCase(range[2])}`;
          i += 3;
        } else {
          out += c + otherCase(c);
          i++;
        }
        continue;
      }
      if (c === '[' && expression[i + 1] === ':') {
        const end = expression.indexOf(':]', i + 2);
        const name = end < 0 ? '' : expression.slice(i + 2, end);
        const negated = name.startsWith('^');
        const range = POSIX_CLASSES[negated ? name.slice(1) : name];
        if (range === undefined) throw new Re2SyntaxError(`unknown POSIX class [:${name}:]`, i);
        if (negated) throw new Re2SyntaxError(`negated POSIX class [:${name}:] is not supported`, i);
        out += range;
        i = end + 2;
        continue;
      }
      if (c === ']') inClass = false;
      out += c;
      i++;
      continue;
    }
    if (c === '[') {
      // A bracket that is one negated POSIX class is that class's complement (JS cannot nest a negation).
      const negated = /^\[\[:\^([a-z]+):\]\]/.exec(expression.slice(i));
      if (negated && POSIX_CLASSES[negated[1]] !== undefined) {
        out += `[^${POSIX_CLASSES[negated[1]]}]`;
        i += negated[0].length;
        continue;
      }
      inClass = true;
      out += c;
      i++;
      // A leading ']' (or '^]') is a literal in RE2; JS needs it escaped.
      if (expression[i] === '^') {
        out += '^';
        i++;
      }
      if (expression[i] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (c === '(' && expression[i + 1] === '?') {
      const rest = expression.slice(i + 2);
      const named = /^P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
      if (named) {
        scopes.push({ ...scope() });
        groupNames.push(named[1]);
        groupIndexes.push(groupNames.length + unnamedGroups);
        // Plain groups read by index spare V8 building a `groups` object on every match.
        out += options.plainGroups ? '(' : `(?<${named[1]}>`;
        i += 2 + named[0].length;
        continue;
      }
      if (rest.startsWith(':')) {
        scopes.push({ ...scope() });
        out += '(?:';
        i += 3;
        continue;
      }
      const scoped = /^([is]+):/.exec(rest);
      if (scoped) {
        scopes.push({
          ignoreCase: scope().ignoreCase || scoped[1].includes('i'),
          dotAll: scope().dotAll || scoped[1].includes('s'),
        });
        out += '(?:';
        i += 2 + scoped[0].length;
        continue;
      }
      if (/^(=|!|<=|<!)/.test(rest)) throw new Re2SyntaxError('lookaround is not supported by RE2', i);
      if (/^P?</.test(rest)) throw new Re2SyntaxError('invalid group name (use letters, digits and _)', i);
      throw new Re2SyntaxError('inline flags are only supported at the start of the expression', i);
    }
    if (c === '(') {
      unnamedGroups++;
      scopes.push({ ...scope() });
    } else if (c === ')' && scopes.length > 1) {
      scopes.pop();
    } else if (c === '.' && scope().dotAll) {
      out += '[^]';
      i++;
      continue;
    } else if (scope().ignoreCase && LETTER.test(c)) {
      out += `[${c}${otherCase(c)}]`;
      i++;
      continue;
    }
    out += c;
    i++;
  }
  return { source: out, flags, groupNames, groupIndexes, unnamedGroups };
}

export interface CompiledRe2 {
  regex: RegExp;
  groupNames: string[];
  groupIndexes: number[];
  unnamedGroups: number;
}

/**
 * Compiles an RE2 expression; `anchored` wraps it in `^(?:…)$` the way LogQL label matchers are;
 * `dotAll` lets `.` match a newline (Prometheus parses label matchers with DotNL);
 * `plainGroups` compiles named groups as plain ones (read them by `groupIndexes`).
 */
export function compileRe2(
  expression: string,
  options: { anchored?: boolean; dotAll?: boolean; plainGroups?: boolean } = {},
): CompiledRe2 {
  const t = translateRe2(expression, options);
  const source = options.anchored ? `^(?:${t.source})$` : t.source;
  const flags = options.dotAll && !t.flags.includes('s') ? t.flags + 's' : t.flags;
  try {
    return {
      regex: new RegExp(source, flags),
      groupNames: t.groupNames,
      groupIndexes: t.groupIndexes,
      unnamedGroups: t.unnamedGroups,
    };
  } catch (err) {
    throw new Re2SyntaxError((err as Error).message.replace(/^Invalid regular expression: /, ''), 0);
  }
}

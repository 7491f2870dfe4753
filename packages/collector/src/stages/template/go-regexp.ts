import { compileRe2 } from '../../logql/re2';

// Templates pass regexes as runtime strings; compile each distinct one once and keep a bounded set.
const MAX_CACHED = 256;
const cache = new Map<string, RegExp>();

/** A global JS RegExp for an RE2 expression, cached; throws Re2SyntaxError when invalid. */
export function globalRegex(expression: string): RegExp {
  let regex = cache.get(expression);
  if (regex === undefined) {
    const compiled = compileRe2(expression);
    regex = new RegExp(
      compiled.regex.source,
      compiled.regex.flags.includes('g') ? compiled.regex.flags : compiled.regex.flags + 'g',
    );
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(expression, regex);
  }
  regex.lastIndex = 0;
  return regex;
}

/** Go's Regexp.Expand: `$1`, `${1}`, `$name`, `${name}`, `$$`; unknown groups expand to nothing. */
export function expandGoReplacement(
  template: string,
  match: RegExpExecArray | string[],
  groups: Record<string, string | undefined> | undefined,
): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const dollar = template.indexOf('$', i);
    if (dollar < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, dollar);
    let name: string;
    let next: number;
    if (template[dollar + 1] === '$') {
      out += '$';
      i = dollar + 2;
      continue;
    }
    if (template[dollar + 1] === '{') {
      const close = template.indexOf('}', dollar + 2);
      name = close < 0 ? '' : template.slice(dollar + 2, close);
      if (close < 0 || !/^[A-Za-z0-9_]+$/.test(name)) {
        // Go keeps a malformed reference as literal text.
        out += '$';
        i = dollar + 1;
        continue;
      }
      next = close + 1;
    } else {
      const m = /^[A-Za-z0-9_]+/.exec(template.slice(dollar + 1));
      if (m === null) {
        out += '$';
        i = dollar + 1;
        continue;
      }
      name = m[0];
      next = dollar + 1 + name.length;
    }
    out += /^\d+$/.test(name) ? (match[Number(name)] ?? '') : (groups?.[name] ?? '');
    i = next;
  }
  return out;
}

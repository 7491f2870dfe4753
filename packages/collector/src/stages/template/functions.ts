import { createHash } from 'node:crypto';
import { expandGoReplacement, globalRegex } from './go-regexp';

/** A failure while running a template on one line (wrong argument type, bad regex); the stage counts it. */
export class TemplateExecError extends Error {
  override readonly name = 'TemplateExecError';
}

export type TemplateFunction = (args: unknown[]) => unknown;

function arity(name: string, args: unknown[], min: number, max = min): void {
  if (args.length < min || args.length > max) {
    const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    throw new TemplateExecError(`${name}: wrong number of args: want ${want}, got ${args.length}`);
  }
}

function str(name: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) throw new TemplateExecError(`${name}: invalid value; expected string`);
  throw new TemplateExecError(`${name}: wrong type for value; expected string; got ${typeof value}`);
}

function int(name: string, value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw new TemplateExecError(`${name}: wrong type for value; expected int; got ${typeof value}`);
}

/** Go's truth: false, 0, nil and "" are false. */
export function truthy(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false && value !== 0 && value !== '';
}

/** The whole data map (`{{ . }}`): `index` reads a key from it, which a field cannot name (`index . "user-agent"`). */
export class DataMap {
  constructor(readonly field: (name: string) => unknown) {}
}

/** How Go's fmt prints a value with %v (and how an action prints its result). */
export function printValue(value: unknown): string {
  if (value === undefined || value === null) return '<no value>';
  if (value instanceof DataMap)
    throw new TemplateExecError('the whole data map ({{ . }}) cannot be printed; use a field such as .Value');
  return String(value);
}

/** Go's fmt.Sprint: operands joined, with a space between two operands when neither is a string. */
function sprint(args: unknown[]): string {
  let out = '';
  for (let i = 0; i < args.length; i++) {
    if (i > 0 && typeof args[i] !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += printValue(args[i]);
  }
  return out;
}

function cutsetPattern(cutset: string): Set<string> {
  return new Set(Array.from(cutset));
}

function trimLeft(s: string, cutset: string): string {
  const set = cutsetPattern(cutset);
  const chars = Array.from(s);
  let i = 0;
  while (i < chars.length && set.has(chars[i])) i++;
  return chars.slice(i).join('');
}

function trimRight(s: string, cutset: string): string {
  const set = cutsetPattern(cutset);
  const chars = Array.from(s);
  let j = chars.length;
  while (j > 0 && set.has(chars[j - 1])) j--;
  return chars.slice(0, j).join('');
}

function replaceN(s: string, old: string, replacement: string, n: number): string {
  if (n < 0) return s.split(old).join(replacement);
  let out = s;
  let from = 0;
  for (let k = 0; k < n; k++) {
    const at = out.indexOf(old, from);
    if (at < 0) break;
    out = out.slice(0, at) + replacement + out.slice(at + old.length);
    from = at + replacement.length + (old === '' ? 1 : 0);
  }
  return out;
}

function regexReplace(name: string, args: unknown[], literal: boolean): string {
  arity(name, args, 3);
  const pattern = str(name, args[0]);
  const input = str(name, args[1]);
  const repl = str(name, args[2]);
  let regex: RegExp;
  try {
    regex = globalRegex(pattern);
  } catch (err) {
    throw new TemplateExecError(`${name}: invalid regex: ${(err as Error).message}`);
  }
  return input.replace(regex, (...m: unknown[]) => {
    if (literal) return repl;
    const hasGroups = typeof m[m.length - 1] === 'object';
    const groups = hasGroups ? (m[m.length - 1] as Record<string, string | undefined>) : undefined;
    const captures = m.slice(0, m.length - (hasGroups ? 3 : 2)) as string[];
    return expandGoReplacement(repl, captures, groups);
  });
}

function compare(name: string, a: unknown, b: unknown): number {
  if (typeof a !== typeof b || (typeof a !== 'string' && typeof a !== 'number')) {
    throw new TemplateExecError(`${name}: incompatible types for comparison`);
  }
  return a < (b as string | number) ? -1 : a === b ? 0 : 1;
}

function equal(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (typeof a !== typeof b) throw new TemplateExecError('eq: incompatible types for comparison');
  return a === b;
}

/** Go fmt's common verbs: %s %v %d %q %f %t %x %X %%, with flags `-+0`, width and precision. */
export function sprintf(format: string, args: unknown[]): string {
  let argIndex = 0;
  return format.replace(
    /%([-+0 #]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g,
    (_match: string, flags: string, width?: string, precision?: string, verb?: string) => {
      if (verb === '%') return '%';
      if (argIndex >= args.length) return `%!${verb}(MISSING)`;
      const arg = args[argIndex++];
      let text: string;
      switch (verb) {
        case 's':
        case 'v':
          text = arg === undefined ? '<nil>' : String(arg);
          if (precision !== undefined && verb === 's') text = text.slice(0, Number(precision));
          break;
        case 'q':
          text = JSON.stringify(String(arg));
          break;
        case 'd':
          if (typeof arg !== 'number' || !Number.isInteger(arg)) return `%!d(${typeof arg}=${String(arg)})`;
          text = (flags.includes('+') && arg >= 0 ? '+' : '') + String(arg);
          break;
        case 'f':
          if (typeof arg !== 'number') return `%!f(${typeof arg}=${String(arg)})`;
          text =
            (flags.includes('+') && arg >= 0 ? '+' : '') + arg.toFixed(precision === undefined ? 6 : Number(precision));
          break;
        case 't':
          if (typeof arg !== 'boolean') return `%!t(${typeof arg}=${String(arg)})`;
          text = String(arg);
          break;
        case 'x':
        case 'X': {
          const hex = typeof arg === 'number' ? Math.trunc(arg).toString(16) : Buffer.from(String(arg)).toString('hex');
          text = verb === 'X' ? hex.toUpperCase() : hex;
          break;
        }
        default:
          return `%!${verb}(${typeof arg}=${String(arg)})`;
      }
      const pad = width === undefined ? 0 : Number(width) - text.length;
      if (pad <= 0) return text;
      if (flags.includes('-')) return text + ' '.repeat(pad);
      if (flags.includes('0') && verb !== 's' && verb !== 'q') {
        const sign = /^[+-]/.test(text) ? text[0] : '';
        return sign + '0'.repeat(pad) + text.slice(sign.length);
      }
      return ' '.repeat(pad) + text;
    },
  );
}

/** Index of the first argument whose truth is `wanted`, else the last (Go's and/or result). */
function firstIndex(args: unknown[], wanted: boolean): number {
  const i = args.findIndex((v) => truthy(v) === wanted);
  return i < 0 ? args.length - 1 : i;
}

const sha = (algorithm: string, text: string): string => createHash(algorithm).update(text).digest('hex');

/** Alloy's template functions, the common sprig ones, and Go's builtins. */
export const templateFunctions: Readonly<Record<string, TemplateFunction>> = {
  // Alloy's own (Go strings package argument order).
  ToLower: (a) => (arity('ToLower', a, 1), str('ToLower', a[0]).toLowerCase()),
  ToUpper: (a) => (arity('ToUpper', a, 1), str('ToUpper', a[0]).toUpperCase()),
  Replace: (a) => (
    arity('Replace', a, 4),
    replaceN(str('Replace', a[0]), str('Replace', a[1]), str('Replace', a[2]), int('Replace', a[3]))
  ),
  Trim: (a) => (arity('Trim', a, 2), trimRight(trimLeft(str('Trim', a[0]), str('Trim', a[1])), str('Trim', a[1]))),
  TrimLeft: (a) => (arity('TrimLeft', a, 2), trimLeft(str('TrimLeft', a[0]), str('TrimLeft', a[1]))),
  TrimRight: (a) => (arity('TrimRight', a, 2), trimRight(str('TrimRight', a[0]), str('TrimRight', a[1]))),
  TrimPrefix: (a) => {
    arity('TrimPrefix', a, 2);
    const s = str('TrimPrefix', a[0]);
    const p = str('TrimPrefix', a[1]);
    return s.startsWith(p) ? s.slice(p.length) : s;
  },
  TrimSuffix: (a) => {
    arity('TrimSuffix', a, 2);
    const s = str('TrimSuffix', a[0]);
    const p = str('TrimSuffix', a[1]);
    return p !== '' && s.endsWith(p) ? s.slice(0, s.length - p.length) : s;
  },
  TrimSpace: (a) => (arity('TrimSpace', a, 1), str('TrimSpace', a[0]).trim()),
  Hash: (a) => (arity('Hash', a, 2), sha('sha3-256', str('Hash', a[0]) + str('Hash', a[1]))),
  Sha2Hash: (a) => (arity('Sha2Hash', a, 2), sha('sha256', str('Sha2Hash', a[0]) + str('Sha2Hash', a[1]))),
  regexReplaceAll: (a) => regexReplace('regexReplaceAll', a, false),
  regexReplaceAllLiteral: (a) => regexReplace('regexReplaceAllLiteral', a, true),
  // sprig (value last, so they read well in pipelines).
  lower: (a) => (arity('lower', a, 1), str('lower', a[0]).toLowerCase()),
  upper: (a) => (arity('upper', a, 1), str('upper', a[0]).toUpperCase()),
  trim: (a) => (arity('trim', a, 1), str('trim', a[0]).trim()),
  trimAll: (a) => (
    arity('trimAll', a, 2),
    trimRight(trimLeft(str('trimAll', a[1]), str('trimAll', a[0])), str('trimAll', a[0]))
  ),
  trimPrefix: (a) => (arity('trimPrefix', a, 2), templateFunctions.TrimPrefix([a[1], a[0]])),
  trimSuffix: (a) => (arity('trimSuffix', a, 2), templateFunctions.TrimSuffix([a[1], a[0]])),
  replace: (a) => (arity('replace', a, 3), str('replace', a[2]).split(str('replace', a[0])).join(str('replace', a[1]))),
  contains: (a) => (arity('contains', a, 2), str('contains', a[1]).includes(str('contains', a[0]))),
  hasPrefix: (a) => (arity('hasPrefix', a, 2), str('hasPrefix', a[1]).startsWith(str('hasPrefix', a[0]))),
  hasSuffix: (a) => (arity('hasSuffix', a, 2), str('hasSuffix', a[1]).endsWith(str('hasSuffix', a[0]))),
  default: (a) => (arity('default', a, 1, 2), a.length === 2 && truthy(a[1]) ? a[1] : a[0]),
  empty: (a) => (arity('empty', a, 1), !truthy(a[0])),
  quote: (a) => a.map((v) => JSON.stringify(v === undefined ? '' : String(v))).join(' '),
  squote: (a) => a.map((v) => `'${v === undefined ? '' : String(v)}'`).join(' '),
  repeat: (a) => (arity('repeat', a, 2), str('repeat', a[1]).repeat(Math.max(0, int('repeat', a[0])))),
  substr: (a) => (
    arity('substr', a, 3),
    str('substr', a[2]).slice(int('substr', a[0]), int('substr', a[1]) < 0 ? undefined : int('substr', a[1]))
  ),
  trunc: (a) => {
    arity('trunc', a, 2);
    const n = int('trunc', a[0]);
    const s = str('trunc', a[1]);
    return n >= 0 ? s.slice(0, n) : s.slice(Math.max(0, s.length + n));
  },
  cat: (a) =>
    a
      .filter((v) => v !== undefined)
      .map(String)
      .join(' '),
  toString: (a: unknown[]) => (arity('toString', a, 1), a[0] === undefined ? '' : String(a[0])),
  b64enc: (a) => (arity('b64enc', a, 1), Buffer.from(str('b64enc', a[0])).toString('base64')),
  b64dec: (a) => (arity('b64dec', a, 1), Buffer.from(str('b64dec', a[0]), 'base64').toString('utf8')),
  sha256sum: (a) => (arity('sha256sum', a, 1), sha('sha256', str('sha256sum', a[0]))),
  regexMatch: (a) => (arity('regexMatch', a, 2), globalRegex(str('regexMatch', a[0])).test(str('regexMatch', a[1]))),
  // Go's builtins.
  eq: (a) => (arity('eq', a, 2, Infinity), a.slice(1).some((b) => equal(a[0], b))),
  ne: (a) => (arity('ne', a, 2), !equal(a[0], a[1])),
  lt: (a) => (arity('lt', a, 2), compare('lt', a[0], a[1]) < 0),
  le: (a) => (arity('le', a, 2), compare('le', a[0], a[1]) <= 0),
  gt: (a) => (arity('gt', a, 2), compare('gt', a[0], a[1]) > 0),
  ge: (a) => (arity('ge', a, 2), compare('ge', a[0], a[1]) >= 0),
  and: (a) => (arity('and', a, 1, Infinity), a[firstIndex(a, false)]),
  or: (a) => (arity('or', a, 1, Infinity), a[firstIndex(a, true)]),
  not: (a) => (arity('not', a, 1), !truthy(a[0])),
  len: (a) => (arity('len', a, 1), str('len', a[0]).length),
  // A key of the data map, missing ones as no value (Go's index on a map).
  index: (a) => {
    arity('index', a, 2);
    if (!(a[0] instanceof DataMap)) throw new TemplateExecError(`index of ${typeof a[0]}: only {{ index . "key" }}`);
    return a[0].field(str('index', a[1]));
  },
  // A string's bytes from i to j (Go's slice on a string; ASCII text, as log fields are).
  slice: (a) => {
    arity('slice', a, 1, 3);
    const text = str('slice', a[0]);
    const from = a.length > 1 ? int('slice', a[1]) : 0;
    const to = a.length > 2 ? int('slice', a[2]) : text.length;
    if (from < 0 || to < from || to > text.length)
      throw new TemplateExecError(`slice: index out of range [${from}:${to}] with length ${text.length}`);
    return text.slice(from, to);
  },
  print: (a) => sprint(a),
  println: (a) => a.map(printValue).join(' ') + '\n',
  printf: (a) => (arity('printf', a, 1, Infinity), sprintf(str('printf', a[0]), a.slice(1))),
};

export const templateFunctionNames: ReadonlySet<string> = new Set(Object.keys(templateFunctions));

import type { WalkedRecordRedactionResult } from './redact-record';
import type { Replacement } from './redacted-offset';

/** A key, string or number as it is spelled in a JSON text: [start, end), a string's quotes included. */
interface Token {
  start: number;
  end: number;
}

/** A value as a JSON text spells it: a string or number (a token), true/false/null, an array or an object. */
type Spelled =
  | { kind: 'token'; token: Token }
  | { kind: 'literal' }
  | { kind: 'array'; items: Spelled[] }
  | { kind: 'object'; keys: Token[]; values: Spelled[] };

/**
 * The JSON object or array a text holds, or undefined for any other text (a line, a scalar, malformed JSON) and for a
 * text whose parsed record holds less than the text spells (a duplicate key hides the value before it, a number past a
 * double's range reads as Infinity): such a text is read as a line, so a hidden value is read too.
 */
export function jsonRecordOf(text: string): object | undefined {
  // Only a text that opens and closes like one is parsed: a failed parse throws, and lines open with `[` (a time, a
  // level) far more often than they are JSON.
  let first = 0;
  while (first < text.length && isSpace(text.charCodeAt(first))) first++;
  let last = text.length - 1;
  while (last > first && isSpace(text.charCodeAt(last))) last--;
  const [open, close] = [text[first], text[last]];
  if (!((open === '{' && close === '}') || (open === '[' && close === ']'))) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  return tokenCount(text) === leafCount(value) ? value : undefined;
}

/** JSON's whitespace. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Whether a number's character (after its first) is at `c`: a digit, `.`, `e`, `E`, `+` or `-`. */
function isNumberPart(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d;
}

/** Past the closing quote of the string whose opening quote is at `i` in a valid JSON text. */
function stringEnd(text: string, i: number): number {
  let end = text.indexOf('"', i + 1);
  for (;;) {
    let slashes = 0;
    while (text.charCodeAt(end - 1 - slashes) === 0x5c) slashes++;
    if (slashes % 2 === 0) return end + 1;
    end = text.indexOf('"', end + 1);
  }
}

/** Past the number starting at `i`. */
function numberEnd(text: string, i: number): number {
  let end = i + 1;
  while (end < text.length && isNumberPart(text.charCodeAt(end))) end++;
  return end;
}

/** How many keys, strings and numbers a valid JSON text spells. */
function tokenCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i = stringEnd(text, i);
      count++;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      i = numberEnd(text, i);
      count++;
    } else i++;
  }
  return count;
}

/** How many keys, strings and finite numbers a parsed record holds, without recursion (any depth). */
function leafCount(value: object): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) count++;
    else if (Array.isArray(v)) for (const item of v) stack.push(item);
    else if (v !== null && typeof v === 'object')
      for (const key in v) {
        count++;
        stack.push((v as Record<string, unknown>)[key]);
      }
  }
  return count;
}

/** A record's keys, strings and finite numbers in the order redactRecord walks them, without recursion (any depth). */
function leavesOf(value: object): Array<string | number> {
  const leaves: Array<string | number> = [];
  const stack: Array<{ key: string } | { value: unknown }> = [{ value }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    if ('key' in top) {
      leaves.push(top.key);
      continue;
    }
    const v = top.value;
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) leaves.push(v);
    else if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i] as unknown });
    else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      // Pushed last to first, each key above its value: popped in order, a key before its value.
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, member] = entries[i] as [string, unknown];
        stack.push({ value: member }, { key });
      }
    }
  }
  return leaves;
}

/** What a valid JSON text spells, where each key, string and number stands, without recursion (any depth). */
function spellingOf(text: string): Spelled {
  let root: Spelled | undefined;
  const open: Array<Extract<Spelled, { kind: 'array' | 'object' }>> = [];
  /** Whether the next string in the innermost open object is a key (after its `{` or a `,`). */
  let keyNext = false;
  const add = (value: Spelled): void => {
    const top = open[open.length - 1];
    if (top === undefined) root = value;
    else if (top.kind === 'array') top.items.push(value);
    else top.values.push(value);
  };
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const token = { start: i, end: stringEnd(text, i) };
      const top = open[open.length - 1];
      if (keyNext && top?.kind === 'object') top.keys.push(token);
      else add({ kind: 'token', token });
      keyNext = false;
      i = token.end;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const token = { start: i, end: numberEnd(text, i) };
      add({ kind: 'token', token });
      i = token.end;
    } else if (c === 0x7b || c === 0x5b) {
      const value: Spelled = c === 0x7b ? { kind: 'object', keys: [], values: [] } : { kind: 'array', items: [] };
      add(value);
      open.push(value);
      keyNext = c === 0x7b;
      i++;
    } else if (c === 0x7d || c === 0x5d) {
      open.pop();
      i++;
    } else if (c === 0x74 || c === 0x6e || c === 0x66) {
      // true, null, false
      add({ kind: 'literal' });
      i += c === 0x66 ? 5 : 4;
    } else {
      if (c === 0x2c) keyNext = open[open.length - 1]?.kind === 'object';
      i++;
    }
  }
  return root as Spelled;
}

/**
 * Where each of a record's keys, strings and numbers is spelled in its JSON text, in the order redactRecord walks them
 * (JavaScript's: an object's integer-like keys first). `record` is the text parsed, with no duplicate key (jsonRecordOf).
 */
function tokensInWalkOrder(text: string, record: object): Token[] {
  const tokens: Token[] = [];
  const stack: Array<{ spelled: Spelled; value: unknown } | Token> = [{ spelled: spellingOf(text), value: record }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    if ('start' in top) {
      tokens.push(top);
      continue;
    }
    const { spelled, value } = top;
    if (spelled.kind === 'token') {
      if (typeof value === 'string' || typeof value === 'number') tokens.push(spelled.token);
    } else if (spelled.kind === 'array') {
      const items = value as unknown[];
      for (let i = items.length - 1; i >= 0; i--) stack.push({ spelled: spelled.items[i] as Spelled, value: items[i] });
    } else if (spelled.kind === 'object') {
      const keys = Object.keys(value as object);
      // The text's order is the walk's unless an integer-like key stands after another key.
      let at = keys.map((_, i) => i);
      if (!keys.every((k, i) => nameOf(text, spelled.keys[i] as Token) === k)) {
        const index = new Map(spelled.keys.map((t, i) => [nameOf(text, t), i]));
        at = keys.map((k) => index.get(k) as number);
      }
      // Pushed last to first, each key above its value: popped in order, a key before its value.
      for (let i = keys.length - 1; i >= 0; i--) {
        const j = at[i] as number;
        stack.push(
          { spelled: spelled.values[j] as Spelled, value: (value as Record<string, unknown>)[keys[i] as string] },
          spelled.keys[j] as Token,
        );
      }
    }
  }
  return tokens;
}

/** The key a token spells (one without escapes read without JSON.parse). */
function nameOf(text: string, t: Token): string {
  const raw = text.slice(t.start, t.end);
  return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
}

/**
 * A JSON text with its record's redaction written back in place: each key, string or number the redaction changed is
 * spelled anew where it stood, every other byte as the client sent it (spaces, escapes, key order, a number's digits).
 * `record` is the text parsed by jsonRecordOf, `redacted` its redaction with the leaves in the walk's order
 * (redactRecordsWalked): each is paired with the token the walk read it from, never by the redacted copy's own key
 * order (which lists integer-like keys first, and a key redacted to a placeholder after them). Each token spelled anew
 * is noted in `replacements` when a caller asks for them, in the text's order.
 */
export function writeBack(
  text: string,
  record: object,
  redacted: WalkedRecordRedactionResult,
  replacements?: Replacement[],
): string {
  if (Object.keys(redacted.counts).length === 0) return text;
  const was = leavesOf(record);
  const now = redacted.walked;
  const tokens = tokensInWalkOrder(text, record);
  // jsonRecordOf took only a text whose every key, string and number its record holds, and both walks visit the same
  // record in the same order: a mismatch is a bug, never a text to pass on half-redacted.
  if (tokens.length !== was.length || now.length !== was.length)
    throw new Error(`writeBack: ${tokens.length} tokens, ${was.length} leaves, ${now.length} redacted`);
  const changed: Array<{ token: Token; spelling: string }> = [];
  tokens.forEach((token, i) => {
    if (now[i] !== was[i]) changed.push({ token, spelling: JSON.stringify(now[i]) });
  });
  // The walk visits an integer-like key before the keys the text spells before it.
  changed.sort((a, b) => a.token.start - b.token.start);
  let out = '';
  let last = 0;
  for (const { token, spelling } of changed) {
    out += text.slice(last, token.start);
    replacements?.push({ start: token.start, end: token.end, at: out.length, length: spelling.length });
    out += spelling;
    last = token.end;
  }
  return out + text.slice(last);
}

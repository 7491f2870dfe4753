import type { RecordRedactionResult } from './redact-record';
import type { Replacement } from './redacted-offset';

/** A key, string or number as it is spelled in a JSON text: [start, end), a string's quotes included. */
interface Token {
  start: number;
  end: number;
}

/** The JSON object or array a text holds, or undefined for any other text (a line, a scalar, malformed JSON). */
export function jsonRecordOf(text: string): object | undefined {
  // Only a text that opens and closes like one is parsed: a failed parse throws, and lines open with `[` (a time, a
  // level) far more often than they are JSON.
  let first = 0;
  while (first < text.length && isSpace(text.charCodeAt(first))) first++;
  let last = text.length - 1;
  while (last > first && isSpace(text.charCodeAt(last))) last--;
  const [open, close] = [text[first], text[last]];
  if (!((open === '{' && close === '}') || (open === '[' && close === ']'))) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return value !== null && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** JSON's whitespace. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Where each key, string and number of a valid JSON text is spelled, in the text's order. */
function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let end = i + 1;
      while (text.charCodeAt(end) !== 0x22) end += text.charCodeAt(end) === 0x5c ? 2 : 1;
      tokens.push({ start: i, end: end + 1 });
      i = end + 1;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let end = i + 1;
      while (end < text.length && /[0-9eE.+-]/.test(text[end] as string)) end++;
      tokens.push({ start: i, end });
      i = end;
    } else i++;
  }
  return tokens;
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

/**
 * A JSON text with its record's redaction written back in place: each key, string or number the redaction changed is
 * spelled anew where it stood, everything else as it was (spaces, escapes, key order, a number's digits). When the
 * text's order is not the walk's (a duplicate key, an integer-like key JavaScript orders first), the redacted record
 * is written anew; undefined when that cannot be written (nested too deep for JSON.stringify). Each token spelled anew is
 * noted in `replacements` when a caller asks for them (a text written anew is one replacement of the whole).
 */
export function writeBack(
  text: string,
  record: object,
  redacted: RecordRedactionResult,
  replacements?: Replacement[],
): string | undefined {
  if (Object.keys(redacted.counts).length === 0) return text;
  const was = leavesOf(record);
  const now = leavesOf(redacted.value as object);
  const tokens = tokensOf(text);
  const inOrder =
    tokens.length === was.length && now.length === was.length && tokens.every((t, i) => spelled(text, t) === was[i]);
  if (!inOrder)
    try {
      const anew = JSON.stringify(redacted.value);
      replacements?.push({ start: 0, end: text.length, at: 0, length: anew.length });
      return anew;
    } catch (err) {
      if (err instanceof RangeError) return undefined;
      throw err;
    }
  let out = '';
  let last = 0;
  tokens.forEach((t, i) => {
    if (now[i] === was[i]) return;
    const spelling = JSON.stringify(now[i]);
    out += text.slice(last, t.start);
    replacements?.push({ start: t.start, end: t.end, at: out.length, length: spelling.length });
    out += spelling;
    last = t.end;
  });
  return out + text.slice(last);
}

/** The key, string or number a token spells (a string without escapes read without JSON.parse). */
function spelled(text: string, t: Token): string | number {
  const raw = text.slice(t.start, t.end);
  if (raw.charCodeAt(0) !== 0x22) return Number(raw);
  return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
}

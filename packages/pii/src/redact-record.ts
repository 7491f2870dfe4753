import type { Candidate } from './detectors/detector';
import { isRecordNumberUnder } from './detectors/no-secret-here';
import { isPlaceholderValue, isSecretKey, keyRuleLeavesValue } from './detectors/secret-kv';
import type { PiiType } from './pii-type';

/** What redacting records needs from the redactor: the scan of a batch of texts, and the placeholders. */
export interface RecordRedaction {
  /** The scanner's resolved matches in each text: sorted by start, none overlapping. */
  resolveBatch(texts: readonly string[]): Candidate[][];
  /** The placeholder of a match: `value` is the matched text (hashed placeholders need it). */
  tag(type: PiiType, value: string): string;
  /** Whether a value under a secret-named key is replaced whole (secret_kv enabled). */
  readonly secretKeys: boolean;
}

export interface RecordRedactionResult {
  value: unknown;
  counts: Partial<Record<PiiType, number>>;
}

/** A record's redaction with its redacted keys, strings and finite numbers in the order the walk visited the
 * original's (a key before its value): the copy itself lists integer-like keys first, so its order is not the text's. */
export interface WalkedRecordRedactionResult extends RecordRedactionResult {
  walked: Array<string | number>;
}

/** A key, string or number as it stands in the record's text: [start, end) is its content, quotes excluded. */
interface Leaf {
  start: number;
  end: number;
  /** The value as it is, or a number's text. */
  raw: string;
  /** An object's key (never read alone). */
  key: boolean;
  /** A key or string, written between quotes; a number is not. */
  quoted: boolean;
  /** A value under a secret-named key (`password`) that is replaced whole. */
  secret: boolean;
  /** Such a value's own matches, read alone (see redactLeaf); undefined for the others. */
  alone: Candidate[] | undefined;
}

/** A record as the one JSON text a program would log, and where each key, string and number stands in it. */
interface RecordText {
  text: string;
  leaves: Leaf[];
}

/** A part of a leaf to replace, and what it is. */
interface Piece {
  start: number;
  end: number;
  tag: string;
  type: PiiType;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Whether a value under the secret-named `key` (`password`, `apiKey`, `client_secret`) is replaced whole: a string,
 * number or bigint, unless the key/value rule leaves it to the value's own reading (a mask such as `[FILTERED]`, `***`
 * or `<redacted>`, a `${VAR}`, a PEM block, a record's number under `pass`): such a value is read as any other, as in a
 * line. Under a password, passcode or secret key and in a secret key's list (`inList`), only a mask or a reference is
 * left: a small count or a path is the secret itself there (`"password":"123"`, `"secret":"/Tr0ub4dor-3x9"`). */
function isWholeSecret(key: string, value: unknown, inList: boolean): boolean {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else if (typeof value === 'bigint') text = String(value);
  else return false;
  if (text === '') return false;
  // The line's own check: a pass's or a ticket's number (`"pass":"SP27-004418"`) names a record, not a secret.
  if (isRecordNumberUnder(key, text)) return false;
  if (inList || passwordKey.test(key)) return !isPlaceholderValue(text);
  return !keyRuleLeavesValue(key, text);
}

/** A key naming a password or a secret itself, whatever its shape (not `pass`: `pass=1` counts; not `secret_file`). */
const passwordKey = /(?:passw(?:or)?d|passcode|passphrase|pwd|secret)s?$/i;

/** An array or plain object being walked: its members are visited in order from `next`. */
interface Walk {
  readonly value: readonly unknown[] | Record<string, unknown>;
  /** An object's own keys, in the order `for...in` gives them; undefined for an array. */
  readonly keys: string[] | undefined;
  next: number;
}

/** An array or plain object being written: an array under a secret-named key holds secrets (`"passwords":[…]`). */
interface Written extends Walk {
  /** That key, or undefined. */
  readonly secretKey: string | undefined;
}

/** An array or plain object being copied: `walk` over the original, `copy` filled in the same order. */
interface Copy extends Walk {
  readonly copy: unknown[] | Record<string, unknown>;
  /** Per redacted key, the next #n suffix to try: keys that all redact alike (`<EMAIL>`) take #2, #3… in one step each,
   * not each one from #2 again (quadratic in the object's keys). */
  suffixes?: Map<string, number>;
}

/** An object's own keys to walk, or undefined for an array. */
function keysOf(value: readonly unknown[] | Record<string, unknown>): string[] | undefined {
  return Array.isArray(value) ? undefined : Object.keys(value);
}

/** How many members a walk visits. */
function sizeOf(walk: Walk): number {
  return walk.keys === undefined ? (walk.value as readonly unknown[]).length : walk.keys.length;
}

/**
 * Copies arrays and plain objects with PII replaced, reading each record as the one JSON text a program would log
 * (`{"user.name":"…","auth":"…"}`), so each value is seen beside its key and its siblings, in one scan. A key, string or
 * number is redacted only by a match all inside it (an IP or email used as a key, a card number as a number): a match
 * running across the record's quotes and commas found nothing in one field. Two keys that redact alike stay apart with a
 * #n suffix. A string, number or list of them under a secret-named key is replaced whole, unless the key/value rule
 * leaves it to the value's own reading (a mask, a reference: keyRuleLeavesValue), as in a line. Numbers are kept unless a
 * match lies in them (then they become the redacted text); booleans and null are kept. Other objects (Date, Buffer,
 * class instances) are returned as they are; a repeated object (a cycle) is returned as the copy already made.
 * Any depth: both walks keep their own stack of open objects, so a record nested 100,000 deep is copied whole.
 * Each string value is also read alone, and keeps everything it finds alone (in the record its end is followed by the
 * record's quote and next field rather than the end of a text, and its own quotes and line breaks stand beside the
 * record's): the record's reading adds matches beside those, and replaces one only by a match covering it whole (the
 * key says what it is). Values are written into
 * the record's text as they are (not JSON-escaped), so an offset in the text is an offset in the value and a placeholder
 * replaces exactly what a scan found in the value.
 * The records' texts are scanned as one batch and their string values as a second one: each detector then runs over
 * all of them while its patterns are hot in the CPU's caches. A text equal to the one before it (a stream's attributes,
 * item after item) is scanned once, and so is each distinct value of the batch. One record is the batch of one.
 */
export function redactRecords(values: readonly unknown[], redaction: RecordRedaction): RecordRedactionResult[] {
  return redactRecordsOf(values, redaction, false);
}

/** redactRecords, each result with its redacted leaves in the walk's order (writeBack pairs them with the text's). */
export function redactRecordsWalked(
  values: readonly unknown[],
  redaction: RecordRedaction,
): WalkedRecordRedactionResult[] {
  return redactRecordsOf(values, redaction, true) as WalkedRecordRedactionResult[];
}

function redactRecordsOf(
  values: readonly unknown[],
  redaction: RecordRedaction,
  walk: boolean,
): RecordRedactionResult[] {
  const written = values.map((value) => writeRecord(value, redaction.secretKeys));
  // A record with no key, string or number (null, true, []) has nothing to scan.
  const scanned = written.filter((record) => record.leaves.length > 0);
  const resolved = resolveRuns(
    scanned.map((record) => record.text),
    redaction,
  );
  // Each string value (not empty) is read alone as well; one replaced whole, for the type it has alone.
  const readAlone: Leaf[] = [];
  for (const record of scanned)
    for (const l of record.leaves) if (!l.key && l.quoted && l.raw !== '') readAlone.push(l);
  if (readAlone.length > 0)
    resolveDistinct(
      readAlone.map((l) => l.raw),
      redaction,
    ).forEach((matches, i) => ((readAlone[i] as Leaf).alone = matches));
  let next = 0;
  return values.map((value, r) => {
    const record = written[r] as RecordText;
    const matches = record.leaves.length > 0 ? (resolved[next++] as Candidate[]) : noMatches;
    return copyRecord(value, record, matches, redaction, walk);
  });
}

/** Each text's matches, a text equal to the one before it scanned once: the records of one stream come in a run, their
 * attributes whole, and a text's matches depend on nothing else (equal texts share one read-only list). Only the one
 * before is compared: a batch of distinct records pays nothing for it. */
function resolveRuns(texts: readonly string[], redaction: RecordRedaction): Candidate[][] {
  const distinct: string[] = [];
  const slots = new Int32Array(texts.length);
  for (let i = 0; i < texts.length; i++)
    slots[i] = i > 0 && texts[i] === texts[i - 1] ? (slots[i - 1] as number) : distinct.push(texts[i] as string) - 1;
  if (distinct.length === texts.length) return redaction.resolveBatch(texts);
  const resolved = redaction.resolveBatch(distinct);
  return Array.from(slots, (slot) => resolved[slot] as Candidate[]);
}

/** Each value's matches, each distinct value scanned once: a stream's attribute values repeat record after record,
 * between other values (equal values share one read-only list). */
function resolveDistinct(values: readonly string[], redaction: RecordRedaction): Candidate[][] {
  const index = new Map<string, number>();
  const distinct: string[] = [];
  const slots = values.map((v) => {
    let slot = index.get(v);
    if (slot === undefined) {
      slot = distinct.push(v) - 1;
      index.set(v, slot);
    }
    return slot;
  });
  const resolved = redaction.resolveBatch(distinct);
  return slots.map((slot) => resolved[slot] as Candidate[]);
}

const noMatches: readonly Candidate[] = Object.freeze([]);

/** Pass 1: the record's JSON text, and where each key, string and number stands in it (`secretKeys`: whether a value
 * under a secret-named key is replaced whole). */
function writeRecord(value: unknown, secretKeys: boolean): RecordText {
  const parts: string[] = [];
  const leaves: Leaf[] = [];
  let length = 0;
  const write = (s: string): void => {
    parts.push(s);
    length += s.length;
  };
  const leaf = (raw: string, quoted: boolean, key: boolean, secret: boolean): void => {
    // Written as it is, not JSON-escaped: a rule reads the value's own quotes and line breaks as it would read them
    // alone, and each offset in the text is an offset in the value.
    if (quoted) write('"');
    const start = length;
    write(raw);
    if (quoted) write('"');
    leaves.push({
      start,
      end: start + raw.length,
      raw,
      key,
      quoted,
      secret,
      alone: undefined,
    });
  };
  const written = new Set<object>();
  const open: Written[] = [];
  /** Writes a scalar, or opens an array or plain object (its members are written by the loop below); `secretKey`: the
   * secret-named key it stands under, or whose list it is in. */
  function writeValue(v: unknown, secretKey: string | undefined, inList: boolean): void {
    const whole = secretKey !== undefined && isWholeSecret(secretKey, v, inList);
    if (typeof v === 'string') return leaf(v, true, false, whole);
    if (typeof v === 'number') return Number.isFinite(v) ? leaf(String(v), false, false, whole) : write('null');
    if (typeof v === 'bigint') return leaf(String(v), false, false, whole);
    if (typeof v === 'boolean') return write(String(v));
    if (typeof v !== 'object' || v === null || written.has(v)) return write('null');
    written.add(v);
    if (Array.isArray(v)) write('[');
    else if (isPlainObject(v)) write('{');
    else return write('null');
    const walked = v as unknown[] | Record<string, unknown>;
    open.push({ value: walked, keys: keysOf(walked), next: 0, secretKey: Array.isArray(v) ? secretKey : undefined });
  }
  writeValue(value, undefined, false);
  for (let top = open[open.length - 1]; top !== undefined; top = open[open.length - 1]) {
    const i = top.next++;
    if (i === sizeOf(top)) {
      open.pop();
      write(top.keys === undefined ? ']' : '}');
      continue;
    }
    if (i > 0) write(',');
    if (top.keys === undefined) writeValue((top.value as readonly unknown[])[i], top.secretKey, true);
    else {
      const k = top.keys[i] as string;
      leaf(k, true, true, false);
      write(':');
      writeValue((top.value as Record<string, unknown>)[k], secretKeys && isSecretKey(k) ? k : undefined, false);
    }
  }
  return { text: parts.join(''), leaves };
}

/** Pass 2: the copy, each leaf with its own matches and the record's matches that fall all inside it replaced. */
function copyRecord(
  value: unknown,
  { leaves }: RecordText,
  matches: readonly Candidate[],
  redaction: RecordRedaction,
  walk: boolean,
): RecordRedactionResult | WalkedRecordRedactionResult {
  /** The redacted leaves in the walk's order, when asked for. */
  const inWalkOrder: Array<string | number> | undefined = walk ? [] : undefined;
  const counts: Partial<Record<PiiType, number>> = {};
  const count = (type: PiiType): void => {
    counts[type] = (counts[type] ?? 0) + 1;
  };
  let next = 0;
  let firstMatch = 0;

  function redactLeaf(): string | undefined {
    const l = leaves[next++] as Leaf;
    while (firstMatch < matches.length && (matches[firstMatch] as Candidate).end <= l.start) firstMatch++;
    const alone = l.alone ?? noMatches;
    let pieces: Piece[] | undefined;
    /** The value's own matches a match of the record's reading covers, and so replaces. */
    let covered: Uint8Array | undefined;
    // Only a match all inside the key, string or number, its quotes aside: one running across the record's quotes,
    // colons and commas into another field found nothing in this one.
    const quote = l.quoted ? 1 : 0;
    for (let j = firstMatch; j < matches.length; j++) {
      const m = matches[j] as Candidate;
      if (m.start >= l.end) break;
      if (m.start < l.start - quote || m.end > l.end + quote) continue;
      const start = Math.max(m.start, l.start) - l.start;
      const end = Math.min(m.end, l.end) - l.start;
      // The record's reading stands where it covers each match of the value alone that it overlaps (the key may name
      // what it is: `"Authorization":"Token …"`); where it cuts one, the value alone is kept.
      if (end <= start || cutsAny(alone, start, end)) continue;
      alone.forEach((a, i) => {
        if (a.start < end && start < a.end) (covered ??= new Uint8Array(alone.length))[i] = 1;
      });
      (pieces ??= []).push({ start, end, tag: redaction.tag(m.type, l.raw.slice(start, end)), type: m.type });
    }
    alone.forEach((a, i) => {
      if (covered?.[i] !== 1)
        (pieces ??= []).push({
          start: a.start,
          end: a.end,
          tag: redaction.tag(a.type, l.raw.slice(a.start, a.end)),
          type: a.type,
        });
    });
    return pieces === undefined ? undefined : replacePieces(l.raw, pieces, count);
  }

  const copies = new Map<object, unknown>();
  const copying: Copy[] = [];
  /** A member's copy: a scalar's redacted value, or an array or plain object's copy, opened to be filled below. */
  function copyValue(v: unknown): unknown {
    if (
      (typeof v === 'string' || typeof v === 'bigint' || (typeof v === 'number' && Number.isFinite(v))) &&
      (leaves[next] as Leaf).secret
    ) {
      // Replaced whole (writeRecord decided it): its leaf is skipped past, so the leaves stay in step. A value its own
      // reading takes whole keeps that type (a vendor token, a JWT), as in a line: a type does not depend on its key.
      const own = (leaves[next++] as Leaf).alone;
      const whole =
        own?.length === 1 && own[0]?.start === 0 && own[0].end === String(v).length ? own[0].type : undefined;
      count(whole ?? 'secret_kv');
      const tag = redaction.tag(whole ?? 'secret_kv', String(v));
      inWalkOrder?.push(tag);
      return tag;
    }
    if (typeof v === 'string') {
      const s = redactLeaf() ?? v;
      inWalkOrder?.push(s);
      return s;
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return v;
      const n = redactLeaf() ?? v;
      inWalkOrder?.push(n);
      return n;
    }
    if (typeof v === 'bigint') return redactLeaf() ?? v;
    if (typeof v !== 'object' || v === null) return v;
    const done = copies.get(v);
    if (done !== undefined) return done;
    if (!Array.isArray(v) && !isPlainObject(v)) {
      copies.set(v, v);
      return v;
    }
    const copy: unknown[] | Record<string, unknown> = Array.isArray(v)
      ? []
      : Object.getPrototypeOf(v) === null
        ? (Object.create(null) as Record<string, unknown>)
        : {};
    copies.set(v, copy);
    const walked = v as unknown[] | Record<string, unknown>;
    copying.push({ value: walked, keys: keysOf(walked), next: 0, copy });
    return copy;
  }
  const result = copyValue(value);
  for (let top = copying[copying.length - 1]; top !== undefined; top = copying[copying.length - 1]) {
    const i = top.next++;
    if (i === sizeOf(top)) {
      copying.pop();
      continue;
    }
    if (top.keys === undefined) {
      (top.copy as unknown[]).push(copyValue((top.value as readonly unknown[])[i]));
      continue;
    }
    const k = top.keys[i] as string;
    const copy = top.copy as Record<string, unknown>;
    const redactedKey = redactLeaf() ?? k;
    let name = redactedKey;
    if (Object.prototype.hasOwnProperty.call(copy, name)) {
      // Every suffix below the one noted is taken already (keys are only added): the first free one is the same.
      const suffixes = (top.suffixes ??= new Map<string, number>());
      let n = suffixes.get(redactedKey) ?? 2;
      for (name = `${redactedKey}#${n}`; Object.prototype.hasOwnProperty.call(copy, name);)
        name = `${redactedKey}#${++n}`;
      suffixes.set(redactedKey, n + 1);
    }
    inWalkOrder?.push(name);
    const member = copyValue((top.value as Record<string, unknown>)[k]);
    // A `__proto__` key (JSON.parse makes it an own field) would set the copy's prototype if assigned: defined instead.
    if (name === '__proto__')
      Object.defineProperty(copy, name, { value: member, writable: true, enumerable: true, configurable: true });
    else copy[name] = member;
  }

  return inWalkOrder === undefined ? { value: result, counts } : { value: result, counts, walked: inWalkOrder };
}

/** Whether [start, end) overlaps one of `matches` without covering it whole. */
function cutsAny(matches: readonly Candidate[], start: number, end: number): boolean {
  for (const m of matches) if (m.start < end && start < m.end && (m.start < start || m.end > end)) return true;
  return false;
}

/** `raw` with its pieces (none overlapping) replaced. */
function replacePieces(raw: string, pieces: Piece[], count: (type: PiiType) => void): string {
  if (pieces.length > 1) pieces.sort((a, b) => a.start - b.start);
  let out = '';
  let last = 0;
  for (const p of pieces) {
    out += raw.slice(last, p.start) + p.tag;
    count(p.type);
    last = p.end;
  }
  return out + raw.slice(last);
}

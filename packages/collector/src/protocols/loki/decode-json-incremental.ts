import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Labels } from '../../entry';
import { decodedPush, SLICE_BYTES, SLICE_ENTRIES, SliceGatherer, type CheckedPush } from './checked-push';
import { decodeJsonPush, jsonEntry, jsonStreamLabels, NOT_STREAMS, notStreamObject, notValues, PushBodyError, type DecodedEntry, type DecodedStream } from './decode';

/**
 * A Loki JSON push body read a slice at a time, so a large body never holds the event loop for long nor has all its
 * entries decoded at once: a scanner finds where the streams and their `values` elements start and end (skipping
 * strings with a native indexOf), and JSON.parse reads a slice of elements at once (256 KiB or 2,000 entries),
 * with a turn of the event loop between slices. Every byte still goes through JSON.parse, so what is valid JSON is
 * decided by the same parser as for a small body.
 *
 * Two passes: `checkJsonPush` reads the whole body and keeps only each stream's labels and where its values start;
 * `read` then parses the values again and hands them on a slice at a time. So a refused body is refused before any
 * entry of it is handed on, while the decoded entries held at once are one slice, not the whole body.
 *
 * The answer is the same as decodeJsonPush's: a syntax error anywhere wins over a shape error; among shape errors
 * the first in document order, a stream's labels before its values; a repeated key counts its last value.
 * Only the message of a syntax error differs: it names the byte offset and the field path instead of V8's position.
 */

/** Bodies smaller than this are decoded with one JSON.parse (decodeJsonPush): faster, and short enough not to block. */
export const INCREMENTAL_JSON_MIN_BYTES = 4 * 1024 * 1024;

export interface IncrementalOptions {
  /** Bodies smaller than this take one JSON.parse; INCREMENTAL_JSON_MIN_BYTES unless given. */
  minBytes?: number;
  /** Most `values` elements read by one JSON.parse (and handed on at once) before the event loop gets a turn. */
  sliceEntries?: number;
  /** Bytes after which a slice ends early (long lines), and after which skipped values yield. */
  sliceBytes?: number;
}

/** Checks a Loki JSON push body: one JSON.parse when small, else a slice at a time (see above). Throws PushBodyError. */
export async function checkJsonPush(body: Buffer, options: IncrementalOptions = {}): Promise<CheckedPush> {
  if (body.length < (options.minBytes ?? INCREMENTAL_JSON_MIN_BYTES)) return decodedPush(decodeJsonPush(body.toString('utf8')));
  const scanner = new PushScanner(body, options.sliceEntries ?? SLICE_ENTRIES, options.sliceBytes ?? SLICE_BYTES);
  const streams = await scanner.check();
  return {
    labels: streams.map((s) => s.labels),
    read: async (onSlice) => {
      const gatherer = new SliceGatherer(options.sliceEntries ?? SLICE_ENTRIES, onSlice);
      for (const [s, { labels, valuesAt }] of streams.entries()) await scanner.read(valuesAt, `streams[${s}]`, (entries) => gatherer.add({ labels, entries, stream: s }));
      await gatherer.flush();
    },
  };
}

/** Every stream of a Loki JSON push body, decoded with checkJsonPush (for tests and tools: it holds every entry). */
export async function decodeJsonPushIncrementally(body: Buffer, options: IncrementalOptions = {}): Promise<DecodedStream[]> {
  const push = await checkJsonPush(body, options);
  const streams: DecodedStream[] = push.labels.map((labels) => ({ labels, entries: [] }));
  await push.read(async (slice) => {
    for (const { entries, stream } of slice) streams[stream]?.entries.push(...entries);
  });
  return streams;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const END = -1;
// Skipped containers nested deeper than this are checked with one JSON.parse instead of member by member.
const MAX_WALK_DEPTH = 32;

const isWhitespace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDelimiter = (c: number | undefined): boolean => c === undefined || c === COMMA || c === CLOSE_ARRAY || c === CLOSE_OBJECT || c === COLON || isWhitespace(c);

/** A checked stream: its labels, and the offset of its `values` array (the last one, when the key is repeated). */
interface StreamPlan {
  labels: Labels;
  valuesAt: number;
}
/** A stream's `values`: not an array (a shape error), or where it starts and the first problem in it. */
type Values = { array: false } | { array: true; at: number; problem: string | undefined };
/** A body's `streams`: not an array, or its checked streams and the first problem among them. */
type Streams = { array: false } | { array: true; streams: StreamPlan[]; problem: string | undefined };

class PushScanner {
  #pos = 0;
  #yieldedAt = 0;

  constructor(
    readonly body: Buffer,
    readonly sliceEntries: number,
    readonly sliceBytes: number,
  ) {}

  /** Reads the whole body, checking it as decodeJsonPush does; keeps no entries. */
  async check(): Promise<StreamPlan[]> {
    let streams: Streams | undefined;
    if (this.#peek() !== OPEN_OBJECT) {
      await this.#check(0);
    } else {
      await this.#members('the body', async (key) => {
        if (key === 'streams') streams = await this.#streams();
        else await this.#check(1);
      });
    }
    if (this.#peek() !== END) throw this.#syntax('unexpected data after the JSON value');
    if (streams === undefined || !streams.array) throw new PushBodyError(NOT_STREAMS);
    if (streams.problem !== undefined) throw new PushBodyError(streams.problem);
    return streams.streams;
  }

  async #streams(): Promise<Streams> {
    if (this.#peek() !== OPEN_ARRAY) {
      await this.#check(1);
      return { array: false };
    }
    const streams: StreamPlan[] = [];
    let problem: string | undefined;
    await this.#elements('streams', async (s) => {
      const stream = await this.#stream(`streams[${s}]`, problem === undefined);
      if (problem !== undefined) return;
      if (typeof stream === 'string') problem = stream;
      else streams.push(stream);
    });
    return { array: true, streams, problem };
  }

  /** One element of `streams`: the stream, or the first problem in it. Its entries are checked only while `check`. */
  async #stream(at: string, check: boolean): Promise<StreamPlan | string> {
    if (this.#peek() !== OPEN_OBJECT) {
      await this.#check(2);
      return notStreamObject(at);
    }
    let labelsValue: unknown;
    let values: Values | undefined;
    await this.#members(at, async (key) => {
      if (key === 'stream') labelsValue = this.#parseValue(`${at}.stream`);
      else if (key === 'values') values = await this.#values(at, check);
      else await this.#check(2);
    });
    let labels: Labels;
    try {
      labels = jsonStreamLabels(labelsValue, at);
    } catch (err) {
      return (err as Error).message;
    }
    if (values === undefined || !values.array) return notValues(at);
    return values.problem ?? { labels, valuesAt: values.at };
  }

  /** Parses the `values` array at `valuesAt` (checked before) again, handing each slice of entries to `onSlice`. */
  async read(valuesAt: number, at: string, onSlice: (entries: DecodedEntry[]) => Promise<void>): Promise<void> {
    this.#pos = valuesAt;
    this.#yieldedAt = Math.min(this.#yieldedAt, valuesAt); // back at the first stream: count bytes from there
    await this.#values(at, true, onSlice);
  }

  /**
   * A stream's `values`, parsed a slice of elements at a time with a turn of the event loop between slices. The
   * entries are checked while `check` (until the first problem) and handed to `onSlice` when given.
   */
  async #values(at: string, check: boolean, onSlice?: (entries: DecodedEntry[]) => Promise<void>): Promise<Values> {
    if (this.#peek() !== OPEN_ARRAY) {
      await this.#check(3);
      return { array: false };
    }
    const valuesAt = this.#pos++;
    let problem: string | undefined;
    if (this.#peek() === CLOSE_ARRAY) {
      this.#pos++;
      return { array: true, at: valuesAt, problem };
    }
    for (let first = 0, closed = false; !closed; ) {
      const start = this.#peekAt();
      const elements: Array<[start: number, end: number]> = [];
      while (elements.length < this.sliceEntries) {
        const path = `${at}.values[${first + elements.length}]`;
        const from = this.#peekAt();
        this.#skipValue(path);
        elements.push([from, this.#pos]);
        const next = this.#peek();
        this.#pos++;
        if (next === CLOSE_ARRAY) closed = true;
        else if (next !== COMMA) throw this.#syntax(`expected ',' or ']' after ${path}`, this.#pos - 1);
        if (closed || this.#pos - start >= this.sliceBytes) break;
      }
      const parsed = this.#parseSlice(start, elements, `${at}.values`, first);
      if (check && problem === undefined) {
        const entries: DecodedEntry[] = [];
        try {
          for (let i = 0; i < parsed.length; i++) entries.push(jsonEntry(parsed[i], `${at}.values[${first + i}]`));
        } catch (err) {
          if (!(err instanceof PushBodyError)) throw err;
          problem = err.message;
        }
        if (onSlice && problem === undefined) await onSlice(entries);
      }
      first += parsed.length;
      await this.#turn(!closed);
    }
    return { array: true, at: valuesAt, problem };
  }

  /** JSON.parse of `elements` (from `start`, at least one), at once; a syntax error names the element that has it. */
  #parseSlice(start: number, elements: Array<[start: number, end: number]>, at: string, first: number): unknown[] {
    const text = this.body.toString('utf8', start, elements.at(-1)?.[1]);
    try {
      return JSON.parse(`[${text}]`) as unknown[];
    } catch {
      for (const [i, [from, to]] of elements.entries()) this.#parseValueAt(from, to, `${at}[${first + i}]`);
      throw this.#syntax(`the elements of ${at}[${first}..${first + elements.length - 1}] do not parse`, start);
    }
  }

  /** Reads an object's members, `{"key": value, ...}`; `onMember` is called at each value, which it must consume. */
  async #members(at: string, onMember: (key: string) => Promise<void>): Promise<void> {
    this.#pos++;
    if (this.#peek() === CLOSE_OBJECT) return void this.#pos++;
    for (;;) {
      if (this.#peek() !== QUOTE) throw this.#syntax(`expected a member name in ${at}`);
      const start = this.#pos;
      this.#pos = this.#stringEnd(start);
      const key = this.#parseValueAt(start, this.#pos, at) as string;
      if (this.#peek() !== COLON) throw this.#syntax(`expected ':' after a member name in ${at}`);
      this.#pos++;
      this.#peek();
      await onMember(key);
      const next = this.#peek();
      this.#pos++;
      if (next === CLOSE_OBJECT) return;
      if (next !== COMMA) throw this.#syntax(`expected ',' or '}' in ${at}`, this.#pos - 1);
    }
  }

  /** Reads an array's elements; `onElement` is called at each, which it must consume. */
  async #elements(at: string, onElement: (index: number) => Promise<void>): Promise<void> {
    this.#pos++;
    if (this.#peek() === CLOSE_ARRAY) return void this.#pos++;
    for (let i = 0; ; i++) {
      this.#peek();
      await onElement(i);
      const next = this.#peek();
      this.#pos++;
      if (next === CLOSE_ARRAY) return;
      if (next !== COMMA) throw this.#syntax(`expected ',' or ']' after ${at}[${i}]`, this.#pos - 1);
    }
  }

  /** Consumes a value that is not decoded, checking that it is valid JSON: large containers member by member. */
  async #check(depth: number): Promise<void> {
    const c = this.#peek();
    if ((c === OPEN_OBJECT || c === OPEN_ARRAY) && depth < MAX_WALK_DEPTH) {
      if (c === OPEN_OBJECT) await this.#members('a skipped object', () => this.#check(depth + 1));
      else await this.#elements('a skipped array', () => this.#check(depth + 1));
      return;
    }
    this.#parseValue('a skipped value');
    await this.#turn(false);
  }

  /** The value at the current position, parsed with JSON.parse. */
  #parseValue(at: string): unknown {
    const start = this.#pos;
    this.#skipValue(at);
    return this.#parseValueAt(start, this.#pos, at);
  }

  #parseValueAt(start: number, end: number, at: string): unknown {
    const text = this.body.toString('utf8', start, end);
    try {
      return JSON.parse(text);
    } catch (err) {
      const message = (err as Error).message;
      const position = / in JSON at position (\d+)/.exec(message);
      const offset = position === null ? start : start + Buffer.byteLength(text.slice(0, Number(position[1])));
      throw this.#syntax(`${message.replace(/ in JSON at position \d+|, ".*" is not valid JSON$/s, '')} in ${at}`, offset);
    }
  }

  /**
   * Moves past the value at the current position, finding its end without parsing it: strings by their closing
   * quote, containers by counting brackets outside strings, numbers and literals up to the next delimiter.
   */
  #skipValue(at: string): void {
    const body = this.body;
    let i = this.#pos;
    const c = body[i];
    if (c === QUOTE) {
      this.#pos = this.#stringEnd(i);
      return;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      for (let depth = 0; ; ) {
        const d = body[i];
        if (d === undefined) throw this.#syntax(`unexpected end of the body in ${at}`, i);
        if (d === QUOTE) {
          i = this.#stringEnd(i);
          continue;
        }
        if (d === OPEN_OBJECT || d === OPEN_ARRAY) depth++;
        else if ((d === CLOSE_OBJECT || d === CLOSE_ARRAY) && --depth === 0) {
          this.#pos = i + 1;
          return;
        }
        i++;
      }
    }
    while (!isDelimiter(body[i])) i++;
    if (i === this.#pos) throw this.#syntax(`expected a value for ${at}`);
    this.#pos = i;
  }

  /** The offset just past the string starting at `start` (a quote): the next quote not escaped by a backslash. */
  #stringEnd(start: number): number {
    for (let from = start + 1; ; ) {
      const quote = this.body.indexOf(QUOTE, from);
      if (quote === -1) throw this.#syntax('unterminated string', start);
      let backslashes = 0;
      while (this.body[quote - 1 - backslashes] === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) return quote + 1;
      from = quote + 1;
    }
  }

  /** Skips whitespace; the byte there, or END. */
  #peek(): number {
    while (isWhitespace(this.body[this.#pos] ?? END)) this.#pos++;
    return this.body[this.#pos] ?? END;
  }

  #peekAt(): number {
    this.#peek();
    return this.#pos;
  }

  /** Gives the event loop a turn when `now` (a full slice was read), else once sliceBytes were read since the last. */
  async #turn(now: boolean): Promise<void> {
    if (!now && this.#pos - this.#yieldedAt < this.sliceBytes) return;
    this.#yieldedAt = this.#pos;
    await nextTurn();
  }

  #syntax(what: string, at = this.#pos): PushBodyError {
    return new PushBodyError(`body is not valid JSON: ${what} at byte ${at}`);
  }
}

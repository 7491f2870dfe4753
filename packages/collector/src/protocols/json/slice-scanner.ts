import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Reads a large JSON body a piece at a time, so no single step holds the event loop for long: it finds where values
 * start and end without parsing them (strings by a native indexOf of their closing quote, containers by counting
 * brackets), walks the members and elements a decoder cares about, and hands JSON.parse the rest: single values, or a
 * slice of an array's elements at once (up to a count or `sliceBytes`), with a turn of the event loop between slices.
 * Every byte still goes through JSON.parse, so what is valid JSON is decided by the same parser as for a small body.
 * The Loki push and OTLP/JSON incremental decoders are written on it; syntax errors are theirs to word (`syntaxError`).
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
export const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
export const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
export const END = -1;
// Skipped containers nested deeper than this are checked with one JSON.parse instead of member by member.
const MAX_WALK_DEPTH = 32;

const isWhitespace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDelimiter = (c: number | undefined): boolean =>
  c === undefined || c === COMMA || c === CLOSE_ARRAY || c === CLOSE_OBJECT || c === COLON || isWhitespace(c);

export class JsonSliceScanner {
  #pos = 0;
  #yieldedAt = 0;

  constructor(
    readonly body: Buffer,
    readonly sliceBytes: number,
    /** The error for a syntax error: `what` was wrong at byte `at`. */
    readonly syntaxError: (what: string, at: number) => Error,
  ) {}

  get pos(): number {
    return this.#pos;
  }

  /** Moves back to `pos` (the start of a value read before) to read it again. */
  rewind(pos: number): void {
    this.#pos = pos;
    this.#yieldedAt = Math.min(this.#yieldedAt, pos); // bytes count from there again for the turns
  }

  /**
   * An array's elements (the current value must be `[`), parsed up to `maxElements` or `sliceBytes` at a time, each
   * slice handed to `onSlice` with the index of its first element, with a turn of the event loop after each.
   */
  async slices(
    at: string,
    maxElements: number,
    onSlice: (parsed: unknown[], first: number) => Promise<void>,
  ): Promise<void> {
    this.#pos++;
    if (this.peek() === CLOSE_ARRAY) return void this.#pos++;
    for (let first = 0, closed = false; !closed;) {
      const start = this.peekAt();
      const elements: Array<[start: number, end: number]> = [];
      while (elements.length < maxElements) {
        const path = `${at}[${first + elements.length}]`;
        const from = this.peekAt();
        this.skipValue(path);
        elements.push([from, this.#pos]);
        const next = this.peek();
        this.#pos++;
        if (next === CLOSE_ARRAY) closed = true;
        else if (next !== COMMA) throw this.syntax(`expected ',' or ']' after ${path}`, this.#pos - 1);
        if (closed || this.#pos - start >= this.sliceBytes) break;
      }
      const parsed = this.#parseSlice(start, elements, at, first);
      await onSlice(parsed, first);
      first += parsed.length;
      await this.turn(!closed);
    }
  }

  /** JSON.parse of `elements` (from `start`, at least one), at once; a syntax error names the element that has it. */
  #parseSlice(start: number, elements: Array<[start: number, end: number]>, at: string, first: number): unknown[] {
    const text = this.body.toString('utf8', start, elements.at(-1)?.[1]);
    try {
      return JSON.parse(`[${text}]`) as unknown[];
    } catch {
      for (const [i, [from, to]] of elements.entries()) this.parseValueAt(from, to, `${at}[${first + i}]`);
      throw this.syntax(`the elements of ${at}[${first}..${first + elements.length - 1}] do not parse`, start);
    }
  }

  /** Reads an object's members, `{"key": value, ...}`; `onMember` is called at each value, which it must consume. */
  async members(at: string, onMember: (key: string) => Promise<void>): Promise<void> {
    this.#pos++;
    if (this.peek() === CLOSE_OBJECT) return void this.#pos++;
    for (;;) {
      if (this.peek() !== QUOTE) throw this.syntax(`expected a member name in ${at}`);
      const start = this.#pos;
      this.#pos = this.#stringEnd(start);
      const key = this.parseValueAt(start, this.#pos, at) as string;
      if (this.peek() !== COLON) throw this.syntax(`expected ':' after a member name in ${at}`);
      this.#pos++;
      this.peek();
      await onMember(key);
      const next = this.peek();
      this.#pos++;
      if (next === CLOSE_OBJECT) return;
      if (next !== COMMA) throw this.syntax(`expected ',' or '}' in ${at}`, this.#pos - 1);
    }
  }

  /** Reads an array's elements; `onElement` is called at each, which it must consume. */
  async elements(at: string, onElement: (index: number) => Promise<void>): Promise<void> {
    this.#pos++;
    if (this.peek() === CLOSE_ARRAY) return void this.#pos++;
    for (let i = 0; ; i++) {
      this.peek();
      await onElement(i);
      const next = this.peek();
      this.#pos++;
      if (next === CLOSE_ARRAY) return;
      if (next !== COMMA) throw this.syntax(`expected ',' or ']' after ${at}[${i}]`, this.#pos - 1);
    }
  }

  /** Consumes a value that is not decoded, checking that it is valid JSON: large containers member by member. */
  async check(depth: number): Promise<void> {
    const c = this.peek();
    if ((c === OPEN_OBJECT || c === OPEN_ARRAY) && depth < MAX_WALK_DEPTH) {
      if (c === OPEN_OBJECT) await this.members('a skipped object', () => this.check(depth + 1));
      else await this.elements('a skipped array', () => this.check(depth + 1));
      return;
    }
    this.parseValue('a skipped value');
    await this.turn(false);
  }

  /** The value at the current position, parsed with JSON.parse. */
  parseValue(at: string): unknown {
    const start = this.#pos;
    this.skipValue(at);
    return this.parseValueAt(start, this.#pos, at);
  }

  parseValueAt(start: number, end: number, at: string): unknown {
    const text = this.body.toString('utf8', start, end);
    try {
      return JSON.parse(text);
    } catch (err) {
      const message = (err as Error).message;
      const position = / in JSON at position (\d+)/.exec(message);
      const offset = position === null ? start : start + Buffer.byteLength(text.slice(0, Number(position[1])));
      throw this.syntax(
        `${message.replace(/ in JSON at position \d+|, ".*" is not valid JSON$/s, '')} in ${at}`,
        offset,
      );
    }
  }

  /**
   * Moves past the value at the current position, finding its end without parsing it: strings by their closing
   * quote, containers by counting brackets outside strings, numbers and literals up to the next delimiter.
   */
  skipValue(at: string): void {
    const body = this.body;
    let i = this.#pos;
    const c = body[i];
    if (c === QUOTE) {
      this.#pos = this.#stringEnd(i);
      return;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      for (let depth = 0; ;) {
        const d = body[i];
        if (d === undefined) throw this.syntax(`unexpected end of the body in ${at}`, i);
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
    if (i === this.#pos) throw this.syntax(`expected a value for ${at}`);
    this.#pos = i;
  }

  /** The offset just past the string starting at `start` (a quote): the next quote not escaped by a backslash. */
  #stringEnd(start: number): number {
    for (let from = start + 1; ;) {
      const quote = this.body.indexOf(QUOTE, from);
      if (quote === -1) throw this.syntax('unterminated string', start);
      let backslashes = 0;
      while (this.body[quote - 1 - backslashes] === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) return quote + 1;
      from = quote + 1;
    }
  }

  /** Skips whitespace; the byte there, or END. */
  peek(): number {
    while (isWhitespace(this.body[this.#pos] ?? END)) this.#pos++;
    return this.body[this.#pos] ?? END;
  }

  /** Skips whitespace; the position of the value there. */
  peekAt(): number {
    this.peek();
    return this.#pos;
  }

  /** Gives the event loop a turn when `now` (a full slice was read), else once sliceBytes were read since the last. */
  async turn(now: boolean): Promise<void> {
    if (!now && this.#pos - this.#yieldedAt < this.sliceBytes) return;
    this.#yieldedAt = this.#pos;
    await nextTurn();
  }

  syntax(what: string, at = this.#pos): Error {
    return this.syntaxError(what, at);
  }
}

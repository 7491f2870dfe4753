import { codecs } from './codec';
import { itemFromWire, levelFromWire, list, required } from './from-wire';
import {
  INCREMENTAL_OTLP_MIN_BYTES,
  OTLP_SLICE_BYTES,
  OTLP_SLICE_ITEMS,
  type IncrementalOtlpOptions,
} from './incremental';
import { signalKeys } from './signal-shape';
import type { Signal, SignalData } from './types';
import { caught, failed, OtlpWireError, prefixPath } from './wire-error';
import { END, JsonSliceScanner, OPEN_ARRAY, OPEN_OBJECT } from '../json/slice-scanner';

/**
 * An OTLP/JSON request decoded a slice of items (spans, metrics, log records) at a time, with a turn of the event loop
 * between slices, so a large body does not hold the loop for the JSON.parse and conversion of the whole: the scanner
 * (json/slice-scanner.ts) walks the resources and scopes member by member, JSON.parse reads each `resource`/`scope`
 * value and each slice of items, and from-wire.ts converts them as it does for a one-call decode.
 *
 * The answer is codecs[signal].decodeJson's: the whole body is read before anything is returned, a syntax error
 * anywhere wins over a shape error, and among shape errors the first in document order (the last of a repeated key
 * counts, as in JSON.parse). Only a syntax error's message differs: it names the byte offset and the field path
 * instead of V8's position. What it holds is the body and the decoded request, as the one-call decode.
 */

type Wire = Record<string, unknown>;
/** A level's children: walked (converted, or the first problem), or a value that is not an array. */
type Children =
  { walked: true; values: unknown[]; problem: OtlpWireError | undefined } | { walked: false; raw: unknown };
/** A walked element: converted, its first problem, or undefined when not checked. */
type Element = Wire | OtlpWireError | undefined;

/** Decodes an OTLP/JSON request of `signal`; throws OtlpWireError naming the field, as decodeJson does. */
export async function decodeJsonIncrementally<S extends Signal>(
  signal: S,
  body: Buffer,
  options: IncrementalOtlpOptions = {},
): Promise<SignalData[S]> {
  const scanner = new JsonSliceScanner(
    body,
    options.sliceBytes ?? OTLP_SLICE_BYTES,
    (what, at) => new OtlpWireError('', `invalid JSON: ${what} at byte ${at}`),
  );
  // A body that is not an object is refused at once, as small ones are, after checking it is JSON at all.
  if (body.length < (options.minBytes ?? INCREMENTAL_OTLP_MIN_BYTES) || scanner.peek() !== OPEN_OBJECT)
    return codecs[signal].decodeJson(body.toString('utf8'));
  const walk = new RequestWalk(signal, scanner);
  const result = await walk.request();
  if (scanner.peek() !== END) throw scanner.syntax('unexpected data after the JSON value');
  if (result instanceof OtlpWireError) throw result;
  // The keys come from the signal, so the object has that signal's shape.
  return result as unknown as SignalData[S];
}

/** The children at `key` as from-wire.ts's `list` reads them: none when absent or null, a 400 when not an array. */
function childrenOf(key: string, children: Children | undefined): unknown[] {
  if (children === undefined) return [];
  if (!children.walked) return list({ [key]: children.raw }, key, (v) => v);
  return failed(children.problem) ?? children.values;
}

class RequestWalk {
  readonly #keys: readonly [string, string, string];
  readonly #item: (v: unknown) => unknown;

  constructor(
    signal: Signal,
    readonly s: JsonSliceScanner,
  ) {
    this.#keys = signalKeys[signal];
    this.#item = itemFromWire[signal];
  }

  async request(): Promise<Wire | OtlpWireError> {
    const [key] = this.#keys;
    let resources: Children | undefined;
    await this.s.members('the body', async (member) => {
      if (member === key) resources = await this.#children(key, key, true, (at, check) => this.#resource(at, check));
      else await this.s.check(1);
    });
    return caught(() => ({ [key]: childrenOf(key, resources) }));
  }

  async #resource(at: string, check: boolean): Promise<Element> {
    const key = this.#keys[1];
    if (this.s.peek() !== OPEN_OBJECT) return this.#notObject(at, check);
    const fields: Wire = {};
    let scopes: Children | undefined;
    await this.s.members(at, async (member) => {
      if (member === 'resource' || member === 'schemaUrl') fields[member] = this.s.parseValue(`${at}.${member}`);
      else if (member === key) scopes = await this.#children(key, `${at}.${key}`, check, (a, c) => this.#scope(a, c));
      else await this.s.check(3);
    });
    if (!check) return undefined;
    return caught(() => levelFromWire(fields, 'resource', key, () => childrenOf(key, scopes)));
  }

  async #scope(at: string, check: boolean): Promise<Element> {
    const key = this.#keys[2];
    if (this.s.peek() !== OPEN_OBJECT) return this.#notObject(at, check);
    const fields: Wire = {};
    let items: Children | undefined;
    await this.s.members(at, async (member) => {
      if (member === 'scope' || member === 'schemaUrl') fields[member] = this.s.parseValue(`${at}.${member}`);
      else if (member === key) items = await this.#items(key, `${at}.${key}`, check);
      else await this.s.check(5);
    });
    if (!check) return undefined;
    return caught(() => levelFromWire(fields, 'scope', key, () => childrenOf(key, items)));
  }

  /** Resources or scopes: each element walked by `element`, checked until the first problem. */
  async #children(
    key: string,
    at: string,
    check: boolean,
    element: (at: string, check: boolean) => Promise<Element>,
  ): Promise<Children> {
    if (this.s.peek() !== OPEN_ARRAY) return this.#notArray(at);
    const values: unknown[] = [];
    let problem: OtlpWireError | undefined;
    await this.s.elements(at, async (i) => {
      const value = await element(`${at}[${i}]`, check && problem === undefined);
      if (value instanceof OtlpWireError) {
        problem = prefixPath(value, `${key}[${i}]`);
        values.length = 0; // nothing of a refused request is kept
      } else if (value !== undefined) values.push(value);
    });
    return { walked: true, values, problem };
  }

  /** A scope's items, parsed and converted a slice at a time, checked until the first problem. */
  async #items(key: string, at: string, check: boolean): Promise<Children> {
    if (this.s.peek() !== OPEN_ARRAY) return this.#notArray(at);
    const values: unknown[] = [];
    let problem: OtlpWireError | undefined;
    await this.s.slices(at, OTLP_SLICE_ITEMS, async (parsed, first) => {
      if (!check || problem !== undefined) return;
      for (const [i, item] of parsed.entries()) {
        const value = caught(() => this.#item(item));
        if (value instanceof OtlpWireError) {
          problem = prefixPath(value, `${key}[${first + i}]`);
          values.length = 0;
          return;
        }
        values.push(value);
      }
    });
    return { walked: true, values, problem };
  }

  /** A value where an array belongs: only whether it is null matters, so a large object is checked, not kept. */
  async #notArray(at: string): Promise<Children> {
    if (this.s.peek() !== OPEN_OBJECT) return { walked: false, raw: this.s.parseValue(at) };
    await this.s.check(3);
    return { walked: false, raw: {} };
  }

  /** A value where an object belongs: its problem (`required`'s), a large array checked, not kept. */
  async #notObject(at: string, check: boolean): Promise<Element> {
    let raw: unknown = [];
    if (this.s.peek() === OPEN_ARRAY) await this.s.check(3);
    else raw = this.s.parseValue(at);
    return check ? caught(() => required(raw)) : undefined;
  }
}

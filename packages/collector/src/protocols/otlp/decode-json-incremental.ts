import { codecs } from './codec';
import { itemFromWire, levelFromWire, list, required } from './from-wire';
import {
  INCREMENTAL_OTLP_MIN_BYTES,
  ITEMS_LEVEL,
  OTLP_LEVELS,
  OTLP_SLICE_BYTES,
  OTLP_SLICE_ITEMS,
  WalkedChildren,
  type IncrementalOtlpOptions,
  type WalkedLevel,
} from './incremental';
import { signalKeys } from './signal-shape';
import type { Signal, SignalData } from './types';
import { caught, OtlpWireError } from './wire-error';
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
/** A level's children: walked, or a value that is not an array. */
type Children = WalkedChildren | { raw: unknown };

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
  const result = await walk.level('the body', 0, true);
  if (scanner.peek() !== END) throw scanner.syntax('unexpected data after the JSON value');
  if (result instanceof OtlpWireError) throw result;
  // The keys come from the signal, so the object has that signal's shape.
  return result as unknown as SignalData[S];
}

/** The children at `key` as from-wire.ts's `list` reads them: none when absent or null, a 400 when not an array. */
function childrenOf(key: string, children: Children | undefined): unknown[] {
  if (children === undefined) return [];
  if (children instanceof WalkedChildren) return children.values();
  return list({ [key]: children.raw }, key, (v) => v);
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

  /** The level `depth` (0, the request; OTLP_LEVELS) at the current value, its children walked as it goes. */
  async level(at: string, depth: number, check: boolean): Promise<WalkedLevel> {
    if (this.s.peek() !== OPEN_OBJECT) return this.#notObject(at, check);
    const own = OTLP_LEVELS[depth];
    const key = this.#keys[depth];
    const fields: Wire = {};
    let children: Children | undefined;
    await this.s.members(at, async (member) => {
      if (member === key) children = await this.#children(key, depth === 0 ? key : `${at}.${key}`, depth, check);
      else if (own !== undefined && (member === own || member === 'schemaUrl'))
        fields[member] = this.s.parseValue(`${at}.${member}`);
      else await this.s.check(2 * depth + 1);
    });
    if (!check) return undefined;
    if (own === undefined) return caught(() => ({ [key]: childrenOf(key, children) }));
    return caught(() => levelFromWire(fields, own, key, () => childrenOf(key, children)));
  }

  /**
   * The children of a level at `depth`, checked until the first problem: resources and scopes each walked as a level,
   * items parsed and converted a slice at a time.
   */
  async #children(key: string, at: string, depth: number, check: boolean): Promise<Children> {
    if (this.s.peek() !== OPEN_ARRAY) return this.#notArray(at);
    const children = new WalkedChildren(key);
    if (depth < ITEMS_LEVEL)
      await this.s.elements(at, async (i) =>
        children.add(i, await this.level(`${at}[${i}]`, depth + 1, check && children.checking)),
      );
    else
      await this.s.slices(at, OTLP_SLICE_ITEMS, async (parsed, first) => {
        for (const [i, item] of parsed.entries()) {
          if (!check || !children.checking) return;
          children.add(
            first + i,
            caught(() => this.#item(item)),
          );
        }
      });
    return children;
  }

  /** A value where an array belongs: only whether it is null matters, so a large object is checked, not kept. */
  async #notArray(at: string): Promise<Children> {
    if (this.s.peek() !== OPEN_OBJECT) return { raw: this.s.parseValue(at) };
    await this.s.check(3);
    return { raw: {} };
  }

  /** A value where an object belongs: its problem (`required`'s), a large array checked, not kept. */
  async #notObject(at: string, check: boolean): Promise<WalkedLevel> {
    let raw: unknown = [];
    if (this.s.peek() === OPEN_ARRAY) await this.s.check(3);
    else raw = this.s.parseValue(at);
    return check ? caught(() => required(raw)) : undefined;
  }
}

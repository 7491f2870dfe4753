import type { Labels } from '../../entry';
import { END, JsonSliceScanner, OPEN_ARRAY, OPEN_OBJECT } from '../json/slice-scanner';
import { decodedPush, SLICE_BYTES, SLICE_ENTRIES, SliceGatherer, type CheckedPush } from './checked-push';
import {
  decodeJsonPush,
  jsonEntry,
  jsonStreamLabels,
  NOT_STREAMS,
  notStreamObject,
  notValues,
  PushBodyError,
  type DecodedEntry,
  type DecodedStream,
} from './decode';

/**
 * A Loki JSON push body read a slice at a time, so a large body never holds the event loop for long nor has all its
 * entries decoded at once: a scanner (json/slice-scanner.ts) finds where the streams and their `values` elements start
 * and end, and JSON.parse reads a slice of elements at once (256 KiB or 2,000 entries), with a turn of the event loop
 * between slices. Every byte still goes through JSON.parse, so what is valid JSON is decided by the same parser as for
 * a small body.
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
  if (body.length < (options.minBytes ?? INCREMENTAL_JSON_MIN_BYTES))
    return decodedPush(decodeJsonPush(body.toString('utf8')));
  const scanner = new PushScanner(body, options.sliceEntries ?? SLICE_ENTRIES, options.sliceBytes ?? SLICE_BYTES);
  const streams = await scanner.check();
  return {
    labels: streams.map((s) => s.labels),
    read: async (onSlice) => {
      const gatherer = new SliceGatherer(options.sliceEntries ?? SLICE_ENTRIES, onSlice);
      for (const [s, { labels, valuesAt }] of streams.entries())
        await scanner.read(valuesAt, `streams[${s}]`, (entries) => gatherer.add({ labels, entries, stream: s }));
      await gatherer.flush();
    },
  };
}

/** Every stream of a Loki JSON push body, decoded with checkJsonPush (for tests and tools: it holds every entry). */
export async function decodeJsonPushIncrementally(
  body: Buffer,
  options: IncrementalOptions = {},
): Promise<DecodedStream[]> {
  const push = await checkJsonPush(body, options);
  const streams: DecodedStream[] = push.labels.map((labels) => ({ labels, entries: [] }));
  await push.read(async (slice) => {
    for (const { entries, stream } of slice) streams[stream]?.entries.push(...entries);
  });
  return streams;
}

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
  readonly #s: JsonSliceScanner;

  constructor(
    body: Buffer,
    readonly sliceEntries: number,
    sliceBytes: number,
  ) {
    this.#s = new JsonSliceScanner(
      body,
      sliceBytes,
      (what, at) => new PushBodyError(`body is not valid JSON: ${what} at byte ${at}`),
    );
  }

  /** Reads the whole body, checking it as decodeJsonPush does; keeps no entries. */
  async check(): Promise<StreamPlan[]> {
    const s = this.#s;
    let streams: Streams | undefined;
    if (s.peek() !== OPEN_OBJECT) {
      await s.check(0);
    } else {
      await s.members('the body', async (key) => {
        if (key === 'streams') streams = await this.#streams();
        else await s.check(1);
      });
    }
    if (s.peek() !== END) throw s.syntax('unexpected data after the JSON value');
    if (streams === undefined || !streams.array) throw new PushBodyError(NOT_STREAMS);
    if (streams.problem !== undefined) throw new PushBodyError(streams.problem);
    return streams.streams;
  }

  async #streams(): Promise<Streams> {
    const s = this.#s;
    if (s.peek() !== OPEN_ARRAY) {
      await s.check(1);
      return { array: false };
    }
    const streams: StreamPlan[] = [];
    let problem: string | undefined;
    await s.elements('streams', async (i) => {
      const stream = await this.#stream(`streams[${i}]`, problem === undefined);
      if (problem !== undefined) return;
      if (typeof stream === 'string') problem = stream;
      else streams.push(stream);
    });
    return { array: true, streams, problem };
  }

  /** One element of `streams`: the stream, or the first problem in it. Its entries are checked only while `check`. */
  async #stream(at: string, check: boolean): Promise<StreamPlan | string> {
    const s = this.#s;
    if (s.peek() !== OPEN_OBJECT) {
      await s.check(2);
      return notStreamObject(at);
    }
    let labelsValue: unknown;
    let values: Values | undefined;
    await s.members(at, async (key) => {
      if (key === 'stream') labelsValue = s.parseValue(`${at}.stream`);
      else if (key === 'values') values = await this.#values(at, check);
      else await s.check(2);
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
    this.#s.rewind(valuesAt);
    await this.#values(at, true, onSlice);
  }

  /**
   * A stream's `values`, parsed a slice of elements at a time with a turn of the event loop between slices. The
   * entries are checked while `check` (until the first problem) and handed to `onSlice` when given.
   */
  async #values(at: string, check: boolean, onSlice?: (entries: DecodedEntry[]) => Promise<void>): Promise<Values> {
    const s = this.#s;
    if (s.peek() !== OPEN_ARRAY) {
      await s.check(3);
      return { array: false };
    }
    const valuesAt = s.pos;
    let problem: string | undefined;
    await s.slices(`${at}.values`, this.sliceEntries, async (parsed, first) => {
      if (!check || problem !== undefined) return;
      const entries: DecodedEntry[] = [];
      try {
        for (let i = 0; i < parsed.length; i++) entries.push(jsonEntry(parsed[i], `${at}.values[${first + i}]`));
      } catch (err) {
        if (!(err instanceof PushBodyError)) throw err;
        problem = err.message;
      }
      if (onSlice && problem === undefined) await onSlice(entries);
    });
    return { array: true, at: valuesAt, problem };
  }
}

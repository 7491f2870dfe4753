import { Reader } from 'protobufjs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { decodedPush, SLICE_ENTRIES, SliceGatherer, type CheckedPush } from './checked-push';
import {
  decodePushRequest,
  NOT_PUSH_REQUEST,
  NOT_SNAPPY,
  protobufEntry,
  protobufStreamLabels,
  PushBodyError,
  type DecodedEntry,
} from './decode';
import { pushRequestType, type WireEntry } from './push-proto';
import { SnappyError, uncompressSnappy } from './snappy-incremental';

/**
 * An uncompressed Loki PushRequest read an entry at a time, as decode-json-incremental.ts reads JSON: the repeated
 * `streams` and their `entries` are length-delimited, so each EntryAdapter is decoded on its own, with a turn of the
 * event loop every slice of entries. `checkProtobufPush` checks every entry and keeps each stream's labels and byte
 * range; `read` decodes the entries again a slice at a time as they are handed on. The answers are decodePushRequest's.
 */

/** PushRequests smaller than this (uncompressed) are decoded at once (decodePushRequest). */
export const INCREMENTAL_PROTOBUF_MIN_BYTES = 4 * 1024 * 1024;

export interface IncrementalProtobufOptions {
  /** PushRequests smaller than this are decoded at once; INCREMENTAL_PROTOBUF_MIN_BYTES unless given. */
  minBytes?: number;
  /** Entries decoded (and handed on at once) before the event loop gets a turn. */
  sliceEntries?: number;
}

const STREAMS = 1; // PushRequest.streams
const LABELS = 1; // StreamAdapter.labels
const ENTRIES = 2; // StreamAdapter.entries
const entryType = pushRequestType.lookupType('logproto.EntryAdapter');

/** A checked stream: its labels and the byte range of its StreamAdapter message. */
interface StreamPlan {
  labels: ReturnType<typeof protobufStreamLabels>;
  start: number;
  end: number;
}

/** The PushRequest bytes of a Loki protobuf push body (snappy block format), uncompressed with turns of the event loop. */
export async function uncompressPushBody(body: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  try {
    return await uncompressSnappy(body, maxBytes);
  } catch (err) {
    if (!(err instanceof SnappyError)) throw err;
    throw new PushBodyError(`${NOT_SNAPPY}: ${err.message}`);
  }
}

/** Checks uncompressed PushRequest bytes, at once when small, else an entry at a time. Throws PushBodyError. */
export async function checkProtobufPush(
  raw: Uint8Array,
  options: IncrementalProtobufOptions = {},
): Promise<CheckedPush> {
  const sliceEntries = options.sliceEntries ?? SLICE_ENTRIES;
  if (raw.length < (options.minBytes ?? INCREMENTAL_PROTOBUF_MIN_BYTES)) return decodedPush(decodePushRequest(raw));
  const streams = await checkStreams(raw, sliceEntries);
  return {
    labels: streams.map((s) => s.labels),
    read: async (onSlice) => {
      const gatherer = new SliceGatherer(sliceEntries, onSlice);
      for (const [s, { labels, start, end }] of streams.entries()) {
        await readEntries(raw.subarray(start, end), sliceEntries, `streams[${s}]`, true, async (entries) => {
          await gatherer.add({ labels, entries, stream: s });
          await nextTurn();
        });
      }
      await gatherer.flush();
    },
  };
}

/** Every stream's plan; a wire error anywhere wins over the first problem in the entries or labels, as decodePushRequest. */
async function checkStreams(raw: Uint8Array, sliceEntries: number): Promise<StreamPlan[]> {
  const streams: StreamPlan[] = [];
  let problem: string | undefined;
  await wire(async () => {
    const reader = Reader.create(raw);
    for (let s = 0; reader.pos < reader.len;) {
      const tag = reader.uint32();
      if (tag >>> 3 !== STREAMS) {
        reader.skipType(tag & 7);
        continue;
      }
      const length = reader.uint32();
      const start = reader.pos;
      const end = start + length;
      if (end > reader.len) throw new RangeError('index out of range'); // protobufjs's words for it
      const at = `streams[${s++}]`;
      let entryProblem: string | undefined;
      const labels = await readEntries(
        raw.subarray(start, end),
        sliceEntries,
        at,
        problem === undefined,
        async () => nextTurn(),
        (message) => (entryProblem ??= message),
      );
      reader.pos = end;
      if (problem !== undefined) continue;
      try {
        streams.push({ labels: protobufStreamLabels(labels, at), start, end });
      } catch (err) {
        problem = (err as Error).message;
      }
      problem ??= entryProblem;
    }
  });
  if (problem !== undefined) throw new PushBodyError(problem);
  return streams;
}

/**
 * Walks one StreamAdapter's bytes: decodes its entries (checked while `check`, until `onProblem` was told of the
 * first one) and hands them to `onSlice` every `sliceEntries`; returns its labels string (the last, if repeated).
 */
async function readEntries(
  stream: Uint8Array,
  sliceEntries: number,
  at: string,
  check: boolean,
  onSlice: (entries: DecodedEntry[]) => Promise<void>,
  onProblem: (message: string) => void = (message) => {
    throw new PushBodyError(message);
  },
): Promise<string> {
  const reader = Reader.create(stream);
  let labels = '';
  let slice: DecodedEntry[] = [];
  for (let e = 0; reader.pos < reader.len;) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    if (field === LABELS) labels = reader.string();
    else if (field !== ENTRIES) reader.skipType(tag & 7);
    else {
      const entry = entryType.decode(reader, reader.uint32()) as unknown as WireEntry;
      if (check) {
        try {
          slice.push(protobufEntry(entry, `${at}.entries[${e}]`));
        } catch (err) {
          if (!(err instanceof PushBodyError)) throw err;
          onProblem(err.message);
          check = false;
          slice = [];
        }
      }
      if (++e % sliceEntries === 0) {
        await onSlice(slice);
        slice = [];
      }
    }
  }
  if (slice.length > 0) await onSlice(slice);
  return labels;
}

/** Runs `decode`, turning protobufjs's wire errors (RangeError, Error) into decodePushRequest's 400. */
async function wire(decode: () => Promise<void>): Promise<void> {
  try {
    await decode();
  } catch (err) {
    if (err instanceof PushBodyError) throw err;
    throw new PushBodyError(`${NOT_PUSH_REQUEST}: ${(err as Error).message}`);
  }
}

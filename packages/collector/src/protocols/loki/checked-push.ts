import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Labels } from '../../entry';
import type { DecodedEntry, DecodedStream } from './decode';

/** Entries decoded and handed on at once; a slice of ~200-byte lines takes ~2 ms to decode, then the event loop turns. */
export const SLICE_ENTRIES = 2000;
/** Bytes of a body read in one slice, whatever its entry count (long lines). */
export const SLICE_BYTES = 256 * 1024;

/** A push body whose every stream was checked: their labels, and their entries read a slice at a time. */
export interface CheckedPush {
  /** Each stream's labels, in body order. */
  readonly labels: readonly Labels[];
  /** Calls `onSlice` with each slice of entries, its stream's labels and index, in body order, awaiting each. */
  read(onSlice: (labels: Labels, entries: DecodedEntry[], stream: number) => Promise<void>): Promise<void>;
}

/** Decoded streams as a CheckedPush: their entries read in slices of `sliceEntries`, a turn of the event loop between. */
export function decodedPush(streams: DecodedStream[], sliceEntries = SLICE_ENTRIES): CheckedPush {
  return {
    labels: streams.map((s) => s.labels),
    read: async (onSlice) => {
      let first = true;
      for (const [s, stream] of streams.entries()) {
        for (let i = 0; i < stream.entries.length; i += sliceEntries) {
          if (!first) await nextTurn();
          first = false;
          await onSlice(stream.labels, stream.entries.slice(i, i + sliceEntries), s);
        }
      }
    },
  };
}

import type { Labels } from '../../entry';
import type { DecodedEntry, DecodedStream } from './decode';

/** Entries decoded and handed on at once; a slice of ~200-byte lines takes ~2 ms to decode, then the event loop turns. */
export const SLICE_ENTRIES = 2000;
/** Bytes of a body read in one slice, whatever its entry count (long lines). */
export const SLICE_BYTES = 256 * 1024;

/** Entries of one stream within a slice. */
export interface StreamPart {
  readonly labels: Labels;
  readonly entries: DecodedEntry[];
  /** The stream's index in the body. */
  readonly stream: number;
}

/** A push body whose every stream was checked: their labels, and their entries read a slice at a time. */
export interface CheckedPush {
  /** Each stream's labels, in body order. */
  readonly labels: readonly Labels[];
  /**
   * Calls `onSlice` with each slice (the entries of one or more consecutive streams, about SLICE_ENTRIES of them for a
   * large body, all of them for a small one), in body order, awaiting each.
   */
  read(onSlice: (slice: StreamPart[]) => Promise<void>): Promise<void>;
}

/** Streams decoded at once (a small body) as a CheckedPush of one slice, as the collector handed on a push before. */
export function decodedPush(streams: DecodedStream[]): CheckedPush {
  const slice = streams
    .map(({ labels, entries }, stream) => ({ labels, entries, stream }))
    .filter((part) => part.entries.length > 0);
  return {
    labels: streams.map((s) => s.labels),
    read: async (onSlice) => {
      if (slice.length > 0) await onSlice(slice);
    },
  };
}

/** Gathers the parts of consecutive streams into slices of at least `size` entries (but the last) for `onSlice`. */
export class SliceGatherer {
  #parts: StreamPart[] = [];
  #entries = 0;

  constructor(
    readonly size: number,
    readonly onSlice: (slice: StreamPart[]) => Promise<void>,
  ) {}

  async add(part: StreamPart): Promise<void> {
    this.#parts.push(part);
    this.#entries += part.entries.length;
    if (this.#entries >= this.size) await this.flush();
  }

  /** Hands on what was gathered, if anything. */
  async flush(): Promise<void> {
    if (this.#parts.length === 0) return;
    const slice = this.#parts;
    this.#parts = [];
    this.#entries = 0;
    await this.onSlice(slice);
  }
}

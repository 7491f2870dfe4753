/** Bodies smaller than this are decoded in one call: faster, and short enough (~0.2 s at 4 MiB) not to block for long. */
export const INCREMENTAL_OTLP_MIN_BYTES = 4 * 1024 * 1024;
/** Bytes decoded before the event loop gets a turn (~10 ms of decoding). */
export const OTLP_SLICE_BYTES = 128 * 1024;
/** Most items (spans, metrics, log records) of OTLP/JSON parsed at once. */
export const OTLP_SLICE_ITEMS = 1000;

/** How decode-protobuf-incremental.ts and decode-json-incremental.ts slice a body. */
export interface IncrementalOtlpOptions {
  /** Bodies smaller than this are decoded in one call; INCREMENTAL_OTLP_MIN_BYTES unless given. */
  minBytes?: number;
  /** Bytes decoded between turns of the event loop; OTLP_SLICE_BYTES unless given. */
  sliceBytes?: number;
}

import { failed, OtlpWireError, prefixPath } from './wire-error';

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

/**
 * The levels every signal's request nests, outermost first, named by what each holds besides its children: the
 * request nothing, a resource its Resource, a scope its InstrumentationScope. The last level's children are items.
 */
export const OTLP_LEVELS = [undefined, 'resource', 'scope'] as const;
export const ITEMS_LEVEL = OTLP_LEVELS.length - 1;

/** A walked level (the request, a resource or scope): converted, its first problem, or undefined when not checked. */
export type WalkedLevel = Record<string, unknown> | OtlpWireError | undefined;

/**
 * A level's children (resources, scopes or items) as an incremental decoder walks them: each converted one until the
 * first problem, which is kept with its path and empties the list, since nothing of a refused request is kept.
 */
export class WalkedChildren {
  readonly #values: unknown[] = [];
  #problem: OtlpWireError | undefined;

  constructor(readonly key: string) {}

  /** Whether the next child is still converted and checked: until the first problem. */
  get checking(): boolean {
    return this.#problem === undefined;
  }

  /** Child `index` as walked: converted, its problem, or undefined when it was not checked. */
  add(index: number, child: unknown): void {
    if (child instanceof OtlpWireError) {
      this.#problem = prefixPath(child, `${this.key}[${index}]`);
      this.#values.length = 0;
    } else if (child !== undefined) this.#values.push(child);
  }

  /** The children for levelFromWire: the converted ones, or the first problem, thrown. */
  values(): unknown[] {
    return failed(this.#problem) ?? this.#values;
  }
}

import type { Labels } from '../../entry';
import type { Series, SeriesStore } from './series-store';

/**
 * One label set's series, one per metric of a stage, resolved on first use and kept until the store
 * expires them: a recorder then updates plain numbers with no key lookup per entry.
 */
export class SeriesSlots {
  readonly #key: string;
  readonly #series: (Series | undefined)[];

  constructor(key: string, metrics: number) {
    this.#key = key;
    this.#series = new Array<Series | undefined>(metrics).fill(undefined);
  }

  /** The series of metric `index` (held in `store`) for this label set; `labels` is that set. */
  get(index: number, store: SeriesStore, labels: Labels): Series {
    const held = this.#series[index];
    if (held !== undefined && !held.expired) return held;
    const series = store.series(this.#key, labels);
    this.#series[index] = series;
    return series;
  }
}

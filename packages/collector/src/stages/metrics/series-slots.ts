import type { Labels } from '../../entry';
import type { Series, SeriesStore } from '../../telemetry/series-store';

/**
 * One label set's series, one per metric of a stage, resolved on first use and kept until the store
 * expires them: a recorder then updates plain numbers with no key lookup per entry.
 */
export class SeriesSlots {
  readonly #key: string;
  readonly #labels: Labels;
  readonly #series: (Series | undefined)[];

  /** `labels` is the label set (copied: the entry it came from changes later); `key` its canonical string. */
  constructor(key: string, labels: Labels, metrics: number) {
    this.#key = key;
    const own: Labels = {};
    for (const name in labels) own[name] = labels[name];
    this.#labels = own;
    this.#series = new Array<Series | undefined>(metrics).fill(undefined);
  }

  /** The series of metric `index`, held in `store`, for this label set. */
  get(index: number, store: SeriesStore): Series {
    const held = this.#series[index];
    if (held !== undefined && !held.expired) return held;
    const series = store.series(this.#key, this.#labels);
    this.#series[index] = series;
    return series;
  }
}

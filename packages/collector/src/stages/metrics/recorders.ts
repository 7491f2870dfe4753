import { extractedString, type LogEntry } from '../../entry';
import { metricValue } from './metric-value';
import type { Series, SeriesStore } from '../../telemetry/series-store';
import type { SeriesSlots } from './series-slots';

/** Marks an entry whose extracted map has no such key (a key present with the value undefined is not absent). */
export const ABSENT: unique symbol = Symbol('absent');

/**
 * What the stage gathered from a batch in one pass over its entries, so each metric's loop reads small
 * arrays instead of visiting every entry again: entry i's label-set slots and the value of each source.
 */
export interface RecordedBatch {
  readonly entries: readonly LogEntry[];
  readonly slots: readonly SeriesSlots[];
  /** One column per source key the stage reads: entry i's value, or ABSENT. */
  readonly columns: readonly (readonly unknown[])[];
}

/** What every metric of the stage shares: where its value comes from and which value it counts. */
export interface RecorderOptions {
  store: SeriesStore;
  /** The column of the metric's source in RecordedBatch.columns; -1 for a match_all counter, which reads none. */
  column: number;
  /** Count only entries whose source equals this string (Alloy's `value`). */
  value: string | undefined;
  /** Called when a value cannot be read as a number. */
  onParseFailure: () => void;
  /** This metric's position in the stage's SeriesSlots. */
  index: number;
}

/** Updates one metric from a batch of entries, in order. */
export interface Recorder {
  recordBatch(batch: RecordedBatch, nowMs: number): void;
}

/** Whether a metric counts entry i's source value: present, and equal to `value` when one is set (compared as Alloy's getString). */
function selected(raw: unknown, value: string | undefined): boolean {
  return raw !== ABSENT && (value === undefined || extractedString(raw) === value);
}

/** The sample value, or undefined after counting a parse failure. */
function sample(raw: unknown, options: RecorderOptions): number | undefined {
  const n = metricValue(raw);
  if (n !== undefined && !Number.isNaN(n)) return n;
  options.onParseFailure();
  return undefined;
}

// Each class has its own loop over the batch (not one inherited loop), so each loop's calls see one class.

export class CounterRecorder implements Recorder {
  constructor(
    readonly options: RecorderOptions,
    readonly action: 'inc' | 'add',
    readonly matchAll: boolean,
    readonly countEntryBytes: boolean,
  ) {}

  recordBatch(batch: RecordedBatch, nowMs: number): void {
    const { column, value, index, store } = this.options;
    const { entries, slots } = batch;
    if (this.matchAll) {
      // match_all counts every entry, whether or not the source was extracted.
      for (let i = 0; i < entries.length; i++) {
        const series = slots[i].get(index, store);
        series.value += this.countEntryBytes ? Buffer.byteLength(entries[i].line, 'utf8') : 1;
        series.lastUpdateMs = nowMs;
      }
      return;
    }
    const values = batch.columns[column];
    for (let i = 0; i < entries.length; i++) {
      if (selected(values[i], value)) this.#apply(values[i], slots[i].get(index, store), nowMs);
    }
  }

  #apply(raw: unknown, series: Series, nowMs: number): void {
    if (this.action === 'inc') series.value += 1;
    else {
      const n = sample(raw, this.options);
      if (n === undefined) return;
      // A counter never goes down (Go's client panics here; we count the value as a parse failure).
      if (n < 0) {
        this.options.onParseFailure();
        return;
      }
      series.value += n;
    }
    series.lastUpdateMs = nowMs;
  }
}

export class GaugeRecorder implements Recorder {
  constructor(
    readonly options: RecorderOptions,
    readonly action: 'set' | 'inc' | 'dec' | 'add' | 'sub',
  ) {}

  recordBatch(batch: RecordedBatch, nowMs: number): void {
    const { column, value, index, store } = this.options;
    const values = batch.columns[column];
    const slots = batch.slots;
    for (let i = 0; i < batch.entries.length; i++) {
      if (selected(values[i], value)) this.#apply(values[i], slots[i].get(index, store), nowMs);
    }
  }

  #apply(raw: unknown, series: Series, nowMs: number): void {
    if (this.action === 'inc') series.value += 1;
    else if (this.action === 'dec') series.value -= 1;
    else {
      const n = sample(raw, this.options);
      if (n === undefined) return;
      if (this.action === 'set') series.value = n;
      else if (this.action === 'add') series.value += n;
      else series.value -= n;
    }
    series.lastUpdateMs = nowMs;
  }
}

export class HistogramRecorder implements Recorder {
  constructor(readonly options: RecorderOptions) {}

  recordBatch(batch: RecordedBatch, nowMs: number): void {
    const { column, value, index, store } = this.options;
    const values = batch.columns[column];
    const slots = batch.slots;
    for (let i = 0; i < batch.entries.length; i++) {
      if (!selected(values[i], value)) continue;
      const n = sample(values[i], this.options);
      if (n === undefined) continue;
      const series = slots[i].get(index, store);
      store.observe(series, n);
      series.lastUpdateMs = nowMs;
    }
  }
}

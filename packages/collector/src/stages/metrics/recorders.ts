import type { LogEntry } from '../../entry';
import { compilePropertyReader } from '../compiled-properties';
import { extractedString } from '../extracted';
import { metricValue } from './metric-value';
import type { Series, SeriesStore } from './series-store';
import type { SeriesSlots } from './series-slots';

/** What every metric of the stage shares: where its value comes from and which value it counts. */
export interface RecorderOptions {
  store: SeriesStore;
  source: string;
  /** Count only entries whose source equals this string (Alloy's `value`). */
  value: string | undefined;
  /** Called when a value cannot be read as a number. */
  onParseFailure: () => void;
  /** This metric's position in the stage's SeriesSlots. */
  index: number;
}

/** Updates one metric from a batch of entries, in order; `slots[i]` holds the series of entry i's label set. */
export interface Recorder {
  recordBatch(entries: readonly LogEntry[], slots: readonly SeriesSlots[], nowMs: number): void;
}

abstract class SourceRecorder implements Recorder {
  readonly #read: (extracted: Record<string, unknown>) => unknown;

  constructor(protected readonly options: RecorderOptions) {
    this.#read = compilePropertyReader(options.source);
  }

  recordBatch(entries: readonly LogEntry[], slots: readonly SeriesSlots[], nowMs: number): void {
    const read = this.#read;
    const { source, value, index, store } = this.options;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      const extracted = entry.extracted;
      const raw = read(extracted);
      if (raw === undefined && !(source in extracted)) continue;
      if (value !== undefined && extractedString(raw) !== value) continue;
      this.apply(raw, slots[i].get(index, store, entry.labels), nowMs);
    }
  }

  protected abstract apply(raw: unknown, series: Series, nowMs: number): void;

  /** The sample value, or undefined after counting a parse failure. */
  protected number(raw: unknown): number | undefined {
    const n = metricValue(raw);
    if (n === undefined || Number.isNaN(n)) this.options.onParseFailure();
    return n === undefined || Number.isNaN(n) ? undefined : n;
  }
}

export class CounterRecorder extends SourceRecorder {
  constructor(
    options: RecorderOptions,
    readonly action: 'inc' | 'add',
    readonly matchAll: boolean,
    readonly countEntryBytes: boolean,
  ) {
    super(options);
  }

  override recordBatch(entries: readonly LogEntry[], slots: readonly SeriesSlots[], nowMs: number): void {
    if (!this.matchAll) {
      super.recordBatch(entries, slots, nowMs);
      return;
    }
    // match_all counts every entry, whether or not the source was extracted.
    const { index, store } = this.options;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      const series = slots[i].get(index, store, entry.labels);
      series.value += this.countEntryBytes ? Buffer.byteLength(entry.line, 'utf8') : 1;
      series.lastUpdateMs = nowMs;
    }
  }

  protected apply(raw: unknown, series: Series, nowMs: number): void {
    if (this.action === 'inc') series.value += 1;
    else {
      const n = this.number(raw);
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

export class GaugeRecorder extends SourceRecorder {
  constructor(
    options: RecorderOptions,
    readonly action: 'set' | 'inc' | 'dec' | 'add' | 'sub',
  ) {
    super(options);
  }

  protected apply(raw: unknown, series: Series, nowMs: number): void {
    if (this.action === 'inc') series.value += 1;
    else if (this.action === 'dec') series.value -= 1;
    else {
      const n = this.number(raw);
      if (n === undefined) return;
      if (this.action === 'set') series.value = n;
      else if (this.action === 'add') series.value += n;
      else series.value -= n;
    }
    series.lastUpdateMs = nowMs;
  }
}

export class HistogramRecorder extends SourceRecorder {
  protected apply(raw: unknown, series: Series, nowMs: number): void {
    const n = this.number(raw);
    if (n === undefined) return;
    this.options.store.observe(series, n);
    series.lastUpdateMs = nowMs;
  }
}

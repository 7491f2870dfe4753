import type { LogEntry } from '../entry';
import type { Stage } from './stage';

/** Removes named keys from one of an entry's string maps: label_drop (labels), structured_metadata_drop. */
export class KeyDropStage implements Stage {
  constructor(
    readonly names: readonly string[],
    readonly field: 'labels' | 'structuredMetadata',
  ) {}

  process(entry: LogEntry, out: LogEntry[]): void {
    const map = entry[this.field];
    for (const name of this.names) delete map[name];
    out.push(entry);
  }
}

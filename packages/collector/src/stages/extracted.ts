import type { LogEntry } from '../entry';

/**
 * A pipeline starts with each entry's labels in its extracted map, as Alloy's loki.process does, so that stages can
 * read labels as sources (`regex: { source: filename }`, templates, metrics). A label overrides an extracted value
 * of the same name; other extracted values (OTLP attributes, an earlier pipeline's) stay.
 */
export function seedLabels(entries: readonly LogEntry[]): void {
  for (let i = 0; i < entries.length; i++) {
    const { labels, extracted } = entries[i];
    for (const name in labels) extracted[name] = labels[name];
  }
}

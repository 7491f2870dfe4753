import type { LogEntry } from '../entry';

/** An extracted value as a string, the way Alloy's getString converts it; undefined for maps, lists and null. */
export function extractedString(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string': return value;
    case 'number':
    case 'boolean':
    case 'bigint': return String(value);
    default: return undefined;
  }
}

/**
 * A pipeline starts with each entry's labels in its extracted map, as Alloy's loki.process does, so that stages can
 * read labels as sources (`regex: { source: filename }`, templates, metrics). A label overrides an extracted value
 * of the same name; other extracted values (OTLP attributes, an earlier pipeline's) stay.
 */
export function seedLabels(entries: readonly LogEntry[]): void {
  for (let i = 0; i < entries.length; i++) {
    const { labels, extracted } = entries[i]!;
    for (const name in labels) extracted[name] = labels[name];
  }
}

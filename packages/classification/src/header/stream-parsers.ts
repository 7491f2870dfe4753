import { createHeaderParser } from './parser';
import type { HeaderParser } from './types';

// Attributes and labels that name the stream an item came from (OpenTelemetry resource, Loki/Promtail labels).
const streamKeys = ['service.name', 'service_name', 'job', 'app', 'container', 'filename', 'log.file.path'] as const;

/** One header parser per stream, since a parser learns its stream's header; the least recently used is forgotten. */
export class StreamParsers {
  readonly #max: number;
  readonly #parsers = new Map<string, HeaderParser>();
  /** The most recently used stream: its items usually come in a row, and it is already last in the recency order. */
  #last: { key: string; parser: HeaderParser } | undefined;

  constructor(maxStreams: number) {
    this.#max = maxStreams;
  }

  /** The parser of the stream the attributes name; items that name none share one. */
  for(attributes: Readonly<Record<string, unknown>> | undefined): HeaderParser {
    const key = streamKeyOf(attributes);
    if (this.#last?.key === key) return this.#last.parser;
    let parser = this.#parsers.get(key);
    if (parser === undefined) {
      parser = createHeaderParser();
      if (this.#parsers.size >= this.#max) this.#parsers.delete(this.#parsers.keys().next().value as string);
    } else {
      this.#parsers.delete(key);
    }
    // Re-inserting keeps the Map's insertion order a recency order.
    this.#parsers.set(key, parser);
    this.#last = { key, parser };
    return parser;
  }
}

function streamKeyOf(attributes: Readonly<Record<string, unknown>> | undefined): string {
  if (attributes === undefined) return '';
  let key = '';
  for (const name of streamKeys) {
    const value = attributes[name];
    if (typeof value === 'string') key += `${name}=${value}\u0000`;
  }
  return key;
}

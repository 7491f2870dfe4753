import type { Severity } from '@obs/schema';

/** A level the producer stated: its text as written, the severity it maps to, and where it was read. */
export interface StatedLevel {
  /** As written, e.g. `WARN`, `E`, `<3>`, `17` (an OTLP severity number). */
  raw: string;
  severity: Severity;
  /** `header`: the line's header; `attribute`: the item's attributes or labels; `body_field`: a JSON or logfmt key of the line. */
  source: 'header' | 'attribute' | 'body_field';
}

/** Who wrote the line, as far as its header tells. */
export interface LineSource {
  host?: string;
  program?: string;
  pid?: string;
  logger?: string;
  component?: string;
  thread?: string;
}

/** One line split into its header fields and its message. */
export interface ParsedLine {
  /** The line without its header: what the template miner mines and the content rules read. */
  message: string;
  /**
   * Offset of the message in the line. For JSON and logfmt lines whose message is a (possibly unescaped) field value,
   * the offset of that value's text; `message` is then the decoded value, not a slice of the line.
   */
  messageStart: number;
  /** The raw timestamp text, if the header had one. */
  timestamp?: string;
  /** The level the line (or its attributes) states. */
  level?: StatedLevel;
  source?: LineSource;
  /** Which header shape matched, for debugging and metrics: a bounded set such as `syslog`, `iso`, `logcat`, `json`, `learned`. */
  shape?: string;
}

/** Splits lines of one stream into header and message; it learns that stream's header as it goes. */
export interface HeaderParser {
  /** Never throws: a line without a recognisable header is all message. */
  parse(line: string, attributes?: Readonly<Record<string, unknown>>): ParsedLine;
}

import { levelFromAttributes } from './attributes';
import { parseJsonLine } from './json-line';
import { parseLogfmtLine, startsLogfmt } from './logfmt-line';
import { HeaderLearner } from './stream-learner';
import { readTextHeader } from './text-header';
import type { HeaderParser, ParsedLine } from './types';
import { skipSpaces } from './tokens';

export interface HeaderParserOptions {
  /** Learn this stream's header positions when no fixed shape matches (default true). Off for a parser shared by unrelated streams. */
  learn?: boolean;
}

const criPrefix = /(\d{4}-\d{2}-\d{2}T[\d:.]{8,18}(?:Z|[+-]\d{2}:\d{2})) (?:stdout|stderr) [FP] /y;

function isJsonObject(line: string, start: number): boolean {
  if (line.charCodeAt(start) !== 123) return false;
  let end = line.length - 1;
  while (end > start && line.charCodeAt(end) <= 32) end--;
  return line.charCodeAt(end) === 125;
}

/** A JSON line's message may itself carry a text header (Docker's `{"log": "2024-… INFO …"}`). */
function withInnerHeader(parsed: ParsedLine): ParsedLine {
  if (parsed.level !== undefined || parsed.shape !== 'json') return parsed;
  const inner = readTextHeader(parsed.message, 0);
  if (inner.level === undefined) return parsed;
  const result: ParsedLine = {
    ...parsed,
    message: parsed.message.slice(inner.messageStart),
    messageStart: parsed.messageStart + inner.messageStart,
    level: inner.level,
  };
  if (result.timestamp === undefined && inner.timestamp !== undefined) result.timestamp = inner.timestamp;
  return result;
}

class StreamHeaderParser implements HeaderParser {
  readonly #learner: HeaderLearner | undefined;

  constructor(options: HeaderParserOptions) {
    this.#learner = options.learn === false ? undefined : new HeaderLearner();
  }

  parse(line: string, attributes?: Readonly<Record<string, unknown>>): ParsedLine {
    const parsed = this.#parseLine(line);
    const stated = levelFromAttributes(attributes);
    // What the producer put in the item's attributes (OTLP severity, a level label) is stated more deliberately than text.
    if (stated !== undefined) parsed.level = stated;
    return parsed;
  }

  #parseLine(line: string): ParsedLine {
    criPrefix.lastIndex = 0;
    const cri = criPrefix.exec(line);
    if (cri === null) return this.#parseFrom(line, skipSpaces(line, 0));
    // a container runtime's line (CRI, as kubelet writes it) wraps the application's own line
    const parsed = this.#parseFrom(line, criPrefix.lastIndex);
    parsed.timestamp ??= cri[1];
    return parsed;
  }

  #parseFrom(line: string, start: number): ParsedLine {
    if (isJsonObject(line, start)) {
      const json = parseJsonLine(line, start);
      if (json !== undefined) return withInnerHeader(json);
    }
    if (startsLogfmt(line, start)) return parseLogfmtLine(line, start);
    const header = readTextHeader(line, start);
    let messageStart = header.messageStart;
    let shape = header.shape;
    if (!header.settled && this.#learner !== undefined) {
      this.#learner.observe(line, messageStart);
      const learned = this.#learner.apply(line, messageStart);
      if (learned !== undefined) {
        messageStart = learned.messageStart;
        shape = 'learned';
        header.timestamp ??= learned.timestamp;
      }
    }
    if (!header.settled && messageStart > start && startsLogfmt(line, messageStart)) {
      // `2024-… level=warn msg="…"`; a message that merely starts with `key=value` stays text
      const logfmt = parseLogfmtLine(line, messageStart);
      if (logfmt.level !== undefined || logfmt.messageStart !== messageStart) {
        if (header.timestamp !== undefined) logfmt.timestamp ??= header.timestamp;
        return logfmt;
      }
    }
    const parsed: ParsedLine = { message: line.slice(messageStart), messageStart };
    if (header.timestamp !== undefined) parsed.timestamp = header.timestamp;
    if (header.level !== undefined) parsed.level = header.level;
    if (header.source !== undefined) parsed.source = header.source;
    parsed.shape = shape ?? 'none';
    return parsed;
  }
}

/** One per stream (the sorter keys streams by the item's stream/service attributes, the collector by label set). */
export function createHeaderParser(options: HeaderParserOptions = {}): HeaderParser {
  return new StreamHeaderParser(options);
}

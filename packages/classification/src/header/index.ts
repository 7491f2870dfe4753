export { createHeaderParser } from './parser';
export type { HeaderParserOptions } from './parser';
export { levelFromAttributes } from './attributes';
export { StreamParsers } from './stream-parsers';
export { severityFromLevelText, severityFromOtlpNumber, severityFromSyslogPriority } from './level-text';
export type { HeaderParser, LineSource, ParsedLine, StatedLevel } from './types';

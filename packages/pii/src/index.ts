export { piiTypes, isPiiType } from './pii-type';
export type { PiiType } from './pii-type';
export type { RedactorOptions } from './options';
export { createRedactor } from './redactor';
export type { Redactor, RedactionResult } from './redactor';
export type { RecordRedactionResult } from './redact-record';
export { createPiiScanner } from './scanner';
export type { PiiScanner, PiiMatch } from './scanner';
export { passesLuhn } from './checksums/luhn';

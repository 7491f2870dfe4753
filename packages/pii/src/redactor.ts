import type { RedactorOptions } from './options';
import type { PiiType } from './pii-type';
import { createPlaceholderWriter } from './placeholder';
import { redactDeep } from './redact-deep';
import { createCompiledScanner } from './scanner';

export interface RedactionResult {
  text: string;
  /** Replacements made, per type; types with none are absent. */
  counts: Partial<Record<PiiType, number>>;
}

export interface Redactor {
  redact(text: string): RedactionResult;
  /** Deep copy with every string in objects and arrays redacted, and values under secret-named keys replaced. */
  redactValue(value: unknown): unknown;
  readonly types: readonly PiiType[];
}

/** Compiles the enabled detectors and the placeholder policy once; redact() then only runs them. */
export function createRedactor(options: RedactorOptions = {}): Redactor {
  const scanner = createCompiledScanner(options);
  const placeholder = createPlaceholderWriter(options.hashKey);
  const secretKvEnabled = scanner.types.includes('secret_kv');
  const hashed = options.hashKey !== undefined;

  function redact(text: string): RedactionResult {
    const matches = scanner.resolve(text);
    if (matches.length === 0) return { text, counts: {} };
    const counts: Partial<Record<PiiType, number>> = {};
    let out = '';
    let last = 0;
    for (const m of matches) {
      // Plain placeholders carry no value: the value is cut and normalized only for hash mode.
      const tag = hashed
        ? placeholder(m.type, scanner.detector(m.type).normalize(text.slice(m.start, m.end)))
        : placeholder(m.type, '');
      out += text.slice(last, m.start) + tag;
      last = m.end;
      counts[m.type] = (counts[m.type] ?? 0) + 1;
    }
    return { text: out + text.slice(last), counts };
  }

  return Object.freeze({
    types: scanner.types,
    redact,
    redactValue: (value: unknown) =>
      redactDeep(value, {
        redactString: (s) => redact(s).text,
        secretPlaceholder: secretKvEnabled ? (raw) => placeholder('secret_kv', raw) : undefined,
      }),
  });
}

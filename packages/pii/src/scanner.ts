import type { Candidate, Detector } from './detectors/detector';
import { detectorFactories } from './detectors/registry';
import { enabledTypes, type RedactorOptions } from './options';
import type { PiiType } from './pii-type';
import { resolveOverlaps } from './resolve-overlaps';

/** One piece of PII found in a text: [start, end) is what a redactor replaces. */
export interface PiiMatch {
  type: PiiType;
  start: number;
  end: number;
  value: string;
}

/** Finds PII without replacing it: what the redactor uses, and what the corpus evaluation scores. */
export interface PiiScanner {
  scan(text: string): PiiMatch[];
  readonly types: readonly PiiType[];
}

/** Internal form shared with the redactor: resolved replacements plus each one's detector (for normalizing). */
export interface CompiledScanner extends PiiScanner {
  resolve(text: string): Candidate[];
  detector(type: PiiType): Detector;
}

/** Compiles the enabled detectors once; scanning a text only runs those whose cheap hint matches. */
export function createCompiledScanner(options: RedactorOptions = {}): CompiledScanner {
  const types = enabledTypes(options);
  const detectors = types.map((type) => detectorFactories[type]());
  const byType = new Map(detectors.map((d) => [d.type, d]));
  // Fast path: every detector needs a digit, '@', ':', '=' or '<', or one of these markers (letters-only MACs, key
  // ids, schemes, JWTs, user and secret words, letters-only vendor tokens); a line with none costs one regex test.
  const anyCandidate =
    /[\d@:=<]|-----BEGIN|bearer|basic|eyJ|[a-f]{2}-[a-f]{2}-|[a-f]{4}\.[a-f]{4}\.|A(?:KI|SI|BI|CC|ID|RO|IP|NP|NV|PK)A|user|login|acct|home|pass|token|secret|key|_[A-Za-z]{20}|-[A-Za-z0-9]{20}|%40|\s-[pauU]/i;

  function resolve(text: string): Candidate[] {
    if (text.length === 0 || !anyCandidate.test(text)) return [];
    const found: Candidate[] = [];
    for (const detector of detectors) {
      if (detector.mayMatch(text)) detector.find(text, found);
    }
    return resolveOverlaps(found);
  }

  return {
    types,
    resolve,
    detector(type) {
      const detector = byType.get(type);
      if (detector === undefined) throw new Error(`pii: detector ${type} is not enabled`);
      return detector;
    },
    scan(text) {
      return resolve(text).map((c) => ({ type: c.type, start: c.start, end: c.end, value: text.slice(c.start, c.end) }));
    },
  };
}

export function createPiiScanner(options: RedactorOptions = {}): PiiScanner {
  const { scan, types } = createCompiledScanner(options);
  return { scan, types };
}

import { anyOf, candidate, keepAsIs, type Candidate, type Detector } from './detector';
import { generatedKey, type GeneratedKeyOptions } from './generated-key';
import { notSecretKeyWords } from './secret-key-words';

/**
 * A generated key or token written after the word that names it, in prose or with a spaced name, whatever the product:
 * `api key 200bac33…`, `HMAC key 0UYDuv4s…`, `AppKey 14B609A9…`, `stream key NexpHepH…`, `rejected key "pc_live_…"`,
 * `api token faaaa9b0…`, `app key=3f9c2a7b…`. The word alone says little (`cache key`, `public key`, `routing key` name
 * no secret), so only a value a generator made counts (see generatedKey), and never after a word that names a key of
 * no secret.
 */
// The word, blanks or a spaced `=`/`:`, maybe a quote, then the value; what stands before the word (glued to it:
// `AppKey`; a spaced name's word: `HMAC key`) is read back from it (a pattern that began there was tried at every
// character of the line).
const keyThenValue =
  /(?:key|token)(?:[ \t]*([=:])[ \t]*|[ \t]+(?:(?:is|was)[ \t]+)?)["']?([A-Za-z0-9][\w+/.~-]{15,199}={0,2})(?=$|[\s"'),;\]}])/gi;
const spacedWordBefore = /(?<![\w-])([A-Za-z][\w-]*)[ \t]+$/;

// Those words, a registry's or a signature's key, and small words of prose (`the key`, `by key`, `per key`).
const notSecretQualifier = new RegExp(
  `^(?:${notSecretKeyWords}|registry|signature|the|a|an|no|by|for|of|to|per|each|any|same|new_?line)$`,
  'i',
);

// After a key's word: 3.5+ bits a character (maybe after a vendor's prefix: `pc_live_…`, `fmk_…`), not a camelCase name.
const proseKey: GeneratedKeyOptions = {
  minEntropy: 3.5,
  afterVendorPrefix: true,
  notGenerated: /^[a-z]+(?:[A-Z][a-z]+)+\d*$/,
};

/** `[A-Za-z0-9]` by character code. */
function isLetterOrDigit(code: number): boolean {
  const lower = code | 32;
  return (lower >= 97 && lower <= 122) || (code >= 48 && code <= 57);
}

/** `AppKey`, `applicationKey`: the word starts with a capital after a small letter or a digit. */
function camelCaseEnd(glued: string, first: number): boolean {
  const before = glued.charCodeAt(glued.length - 1);
  return first >= 65 && first <= 90 && ((before >= 97 && before <= 122) || (before >= 48 && before <= 57));
}

/** The last word of a camelCase name (`application` of `applicationKey`, `Public` of `PublicKey`). */
function lastCamelWord(glued: string): string {
  return /[A-Z]?[a-z0-9]+$/.exec(glued)?.[0] ?? glued;
}

export function createKeyInProseDetector(): Detector {
  // (The word before a blank or a separator: not every line with `keyboard` or `tokens` in it.)
  const words = ['key', 'token'].flatMap((word) => [' ', '\t', '=', ':'].map((next) => `${word}${next}`));
  const hint = anyOf(words);
  return {
    type: 'secret_kv',
    keywordGroups: [words],
    mayMatch: (text) => hint.test(text),
    find(text: string, out: Candidate[]): void {
      keyThenValue.lastIndex = 0;
      for (let m = keyThenValue.exec(text); m !== null; m = keyThenValue.exec(text)) {
        const separator = m[1];
        const value = m[2] as string;
        let gluedStart = m.index;
        while (gluedStart > 0 && isLetterOrDigit(text.charCodeAt(gluedStart - 1))) gluedStart--;
        const glued = text.slice(gluedStart, m.index);
        // A key glued to its word (`PublicKey`, `auth_token=`, `VAPID_PUBLIC_KEY=`) is a key/value pair's, which the
        // key rules read with their own exceptions; here only a camelCase name before a blank (`AppKey 14B6…`).
        if (glued !== '' && (separator !== undefined || !camelCaseEnd(glued, text.charCodeAt(m.index)))) continue;
        // A word joined by `-` or `_` (`--hmac-key`, `stream_key`) or written before with a blank (`HMAC key`).
        const joined = glued === '' ? /([A-Za-z0-9]+)[-_]$/.exec(text.slice(Math.max(0, m.index - 40), m.index)) : null;
        const spacedWord =
          glued === '' && joined === null
            ? spacedWordBefore.exec(text.slice(Math.max(0, m.index - 40), m.index))?.[1]
            : undefined;
        // `token=…`, `key: …`, `api_key=…` with no word before them: the key rules' too.
        if (glued === '' && separator !== undefined && spacedWord === undefined) continue;
        const qualifier = glued !== '' ? lastCamelWord(glued) : (joined?.[1] ?? spacedWord);
        if ((qualifier !== undefined && notSecretQualifier.test(qualifier)) || !generatedKey(value, proseKey)) continue;
        const end = m.index + m[0].length;
        out.push(candidate('secret_kv', end - value.length, end));
      }
    },
    normalize: keepAsIs,
  };
}

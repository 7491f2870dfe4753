import { entropyPerChar } from '../checksums/entropy';
import { anyOf, candidate, keepAsIs, type Candidate, type Detector } from './detector';
import { isPlaceholderValue } from './secret-kv';

/**
 * Keys named by their last word, whatever the product: `SessionKey=`, `renderKey=`, `signing.key:`, Duo's `skey=`,
 * SSSD's `ldap_default_authtok =`, `credentials=`, `creds:`, a bare `"sess":` or `session=`, a Drupal session cookie `SSESS<hash>=`, and
 * a `"key"` inside a crypto, KMS or signing object. The last word `key` also ends keys that hold no secret
 * (`partition_key`, `routing_key`, `public_key`), so a value counts only when it looks random: a digit and a letter,
 * 3.0+ bits of entropy a character, 8+ characters (12+ of a token alphabet under a `…key`), and not a UUID, a number, a
 * dotted name, a path or resource name (`logs/2024/…`, `projects/…`, `arn:…`), a URL or a reference.
 */
const keyWords = ['key', 'authtok', 'creds', 'credential', 'sess'];

// Starts on the separator and looks behind for the word, so the engine skips from separator to separator and only
// pairs whose key ends in a word are read (the key itself is found by walking back from the separator).
const valueAfterWord =
  /[:=]>?(?<=(?:key|authtok|creds|credentials?|sess(?:ion)?|S?SESS[0-9a-f]{16,})\\?["']?\s*(?:=>|[:=]))\s*(?:[uUbB](?='))?\\?["']?([^\s"'&,;<>(){}[\]\\=]{8,256}={0,3})(?![^\s"'&,;<>(){}[\]\\])/gi;

/** Where the key before the separator at `at` starts: back over blanks, a quote, the key's characters, a quote. */
function keyStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  while (i > 0 && `"'\\`.includes(text[i - 1] as string)) i--;
  while (i > 0 && /[\w.-]/.test(text[i - 1] as string)) i--;
  while (i > 0 && `"'\\`.includes(text[i - 1] as string)) i--;
  return i;
}

/** The key's last word: after `_`, `.`, `-`, or a lower-case letter or digit before a capital (`renderKey`). */
function lastWord(key: string): string {
  const words = key.split(/[_.-]+|(?<=[a-z0-9])(?=[A-Z])/);
  return (words[words.length - 1] as string).toLowerCase();
}

// Keys ending in `key` whose values are names, ids or public material.
const notSecretKey =
  /(?:public|pub|partition|primary|foreign|sort|routing|cache|object|idempotency|dedup|lookup|hash|row|shard|group|message|bucket|file|index|map|search|ssh|gpg|pgp|host|license|ca|cert|trace|span|request|correlation|client|user|account|tenant|customer|device|node|instance|resource|entity|record|i|kid)[_.-]?key$/i;
const cryptoContext = /kms|crypto|sign(?:ing)?|encrypt|cipher|hmac|jwk|secret|vault/i;

/** A password (any characters, 8+) or, under a `…key` name, a key (12+ characters of a token alphabet). */
function randomValue(value: string, isKey: boolean): boolean {
  return (
    (!isKey || (value.length >= 12 && /^[A-Za-z0-9+/=_.:~-]+$/.test(value))) &&
    !/^(?:~?\/|\.{1,2}\/|[a-z][\w+.-]*:\/\/|arn:|[a-z][a-z0-9_-]*\/)/.test(value) &&
    /\d/.test(value) &&
    /[A-Za-z]/.test(value) &&
    !/^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(value) &&
    !/^\d+(?:[.:-]\d+)*$/.test(value) &&
    !/^(?:[a-z]+[.:_-])+[a-z0-9]+$/.test(value) &&
    !isPlaceholderValue(value) &&
    entropyPerChar(value) >= 3
  );
}

function secretKey(key: string, quoted: boolean, text: string, at: number): boolean {
  if (/^S?SESS[0-9a-f]{16,}$/i.test(key)) return true;
  const word = lastWord(key);
  if (word === 'key') {
    if (key.toLowerCase() === 'key') return quoted && cryptoContext.test(text.slice(Math.max(0, at - 120), at));
    return !notSecretKey.test(key);
  }
  return ['skey', 'authtok', 'sessionkey', 'creds', 'credential', 'credentials', 'sess', 'session'].includes(word);
}

export function createSecretKeyWordsDetector(): Detector {
  const hint = anyOf(keyWords);
  return {
    type: 'secret_kv',
    keywordGroups: [keyWords],
    mayMatch: (text) => hint.test(text),
    find(text: string, out: Candidate[]): void {
      valueAfterWord.lastIndex = 0;
      for (let m = valueAfterWord.exec(text); m !== null; m = valueAfterWord.exec(text)) {
        const value = m[1] as string;
        const start = keyStart(text, m.index);
        const key = text.slice(start, m.index).replace(/^[\\"']+|[\\"'\s]+$/g, '');
        if (!/^[A-Za-z]/.test(key) || !secretKey(key, /["']/.test(text[start] as string), text, start)) continue;
        // SigV4's `Credential=AKIA…/date/region/service/aws4_request` is a scope, not a secret.
        if (!randomValue(value, lastWord(key) === 'key') || value.includes('aws4_request')) continue;
        const end = m.index + m[0].length;
        out.push(candidate('secret_kv', end - value.length, end, start, end));
      }
    },
    normalize: keepAsIs,
  };
}

import { entropyPerChar } from '../checksums/entropy';
import { anyOf, candidate, keepAsIs, type Candidate, type Detector } from './detector';
import { generatedKey, type GeneratedKeyOptions } from './generated-key';
import { isPlaceholderValue } from './secret-kv';
import { beforeSeparator, execAtKeyPair, joined, keyWordFamily } from './key-separators';
import { isRecordNumberUnder } from './no-secret-here';

/**
 * Keys named by their last word, whatever the product: `SessionKey=`, `renderKey=`, `signing.key:`, Duo's `skey=`,
 * SSSD's `ldap_default_authtok =`, `credentials=`, `creds:`, a Drupal session cookie `SSESS<hash>=` (other session keys: session-id.ts),
 * a salt (`API_TOKEN_SALT=`), a compound key's auth (`token_auth=`), a password's hash (`pwd_hash=`), a bare `key=` or
 * `"key":` (an API key), a glued credential (`bindcredential=`), a key after an index (`ldap[0].bind-credential=`) or in
 * brackets (`$config['key'] =`), and the words that name a secret only in some keys (`device_code`, `codeVerifier`,
 * `ZITADEL_PAT`, `mnemonic`). The last word `key` also ends keys that hold no secret
 * (`partition_key`, `routing_key`, `public_key`), so a value counts only when it looks random: a digit and a letter,
 * 3.0+ bits of entropy a character, 8+ characters (12+ of a token alphabet under a `…key`), and not a UUID, a number, a
 * dotted name, a path or resource name (`logs/2024/…`, `projects/…`, `arn:…`), a URL or a reference.
 */
const keyWords = ['key', 'authtok', 'creds', 'credential', 'salt', 'auth', 'hash'];
/** Last words that name a secret only in some keys (`device_code` but `country_code`, `ZITADEL_PAT`, `codeVerifier`, a
 * wallet's `mnemonic`): a value counts under them only when it looks random (a mnemonic: 12-24 short words). */
const randomOnlyWords = ['code', 'pat', 'verifier', 'mnemonic', 'seed'] as const;
type RandomOnlyWord = (typeof randomOnlyWords)[number];

function isRandomOnlyWord(word: string): word is RandomOnlyWord {
  return (randomOnlyWords as readonly string[]).includes(word);
}
/** Last words that name a short secret a person types (a card's PIN, a SIM's PUK, a card's CVV, a one-time password, a
 * voucher): the key itself says secret, so a number counts however short (see shortSecretShape). */
export const shortSecretWords = ['pin', 'puk', 'cvv', 'cvc', 'otp', 'voucher'];
/** A short secret's word and then what a person did with it (`pin_entered=`, `PIN_ENTERED=`, `passcode_entered=`,
 * `otpProvided=`): the key names the code typed, as the bare word does. */
const typedStates = ['entered', 'provided', 'supplied', 'typed', 'submitted', 'input', 'attempt'];
const typedWords = ['pin', 'passcode', 'otp'];
const typedSecret = new RegExp(`(?:${typedWords.join('|')})[_.-]?(?:${typedStates.join('|')})$`, 'i');
const typedSecretKeys = typedWords.flatMap((word) => typedStates.flatMap((state) => joined(word, [state], '_.-')));

// Starts on the separator and looks behind for the word, so the engine skips from separator to separator and only
// pairs whose key ends in a word are read (the key itself is found by walking back from the separator).
// A value may hold a `|` (a Tuya `local_key`), but a short secret cut off there before the next pair is whole: `|` ends
// a field of a pipe-delimited record (`|dtmf_pin=8177|match=N`). (The typed-secret words are typedSecret's, without its `$`.)
const valueAfterWord = new RegExp(
  String.raw`[:=]>?(?<=(?:key|authtok|creds|credentials?|S?SESS[0-9a-f]{16,}|salt|auth|(?:pass(?:w(?:or)?d)?|pwd)[_.-]?hash|seed|code|pat|verifier|mnemonic|pin\d?|puk\d?|cv[vc]2?|otp|voucher|${typedSecret.source.slice(0, -1)})\\?["']?\]?\s*(?:=>|[:=]))\s*(?:[uUbB](?='))?\\?["']?(?:(?<=["'])([a-z]{3,8}(?: [a-z]{3,8}){11,23})(?=["'])|([^\s"'&,;<>(){}[\]\\=]{3,256}={0,3})(?![^\s"'&,;<>(){}[\]\\|]))`,
  'gi',
);

/** Every word the pattern takes before a separator (`credentials` whole: the family reads whole words). */
const patternWords = [...keyWords, ...randomOnlyWords, ...shortSecretWords, 'credentials', ...typedSecretKeys];

// The pattern's words for the shared key splitter; a Drupal session cookie's key is checked apart (its name ends in hex).
const keyWordKeys = keyWordFamily(
  patternWords,
  (text, end) => endsInSessionHex(text, end) || endsInNumberedCode(text, end),
);

/** `PIN2`, `PUK1`, `CVV2`, `cvc2` right before `end` (the key trie holds no digits). Read by character code: the splitter
 * asks this at every separator after a digit (every time of day), and a slice and a pattern each cost more. */
function endsInNumberedCode(text: string, end: number): boolean {
  const digit = text.charCodeAt(end - 1);
  if (digit < 48 || digit > 57 || end < 4) return false;
  // (`| 32` folds an ASCII capital onto its small letter.)
  const a = text.charCodeAt(end - 4) | 32;
  const b = text.charCodeAt(end - 3) | 32;
  const c = text.charCodeAt(end - 2) | 32;
  const pin = a === 112 && b === 105 && c === 110;
  const puk = a === 112 && b === 117 && c === 107;
  const cvvOrCvc = a === 99 && b === 118 && (c === 118 || c === 99);
  return pin || puk || cvvOrCvc;
}

/** `SESS` and 16+ hex digits (any case) right before `end`. */
function endsInSessionHex(text: string, end: number): boolean {
  let at = end;
  while (at > 0 && isHexDigit(text.charCodeAt(at - 1))) at--;
  return end - at >= 16 && text.slice(Math.max(0, at - 4), at).toLowerCase() === 'sess';
}

function isHexDigit(code: number): boolean {
  const lower = code | 32;
  return (code >= 48 && code <= 57) || (lower >= 97 && lower <= 102);
}

/** `[A-Za-z0-9_.-]` by character code (a regex test a character costs more than the rest of a match). */
function isKeyChar(code: number): boolean {
  const lower = code | 32;
  return (lower >= 97 && lower <= 122) || (code >= 48 && code <= 57) || code === 95 || code === 46 || code === 45;
}

/** Where the key before the separator at `at` starts: back over blanks, a `]`, a quote, the key's characters and its
 * indexes (`ldap[0].bind-credential`), a quote. */
function keyStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  if (text[i - 1] === ']') i--;
  while (i > 0 && `"'\\`.includes(text[i - 1] as string)) i--;
  while (i > 0 && (isKeyChar(text.charCodeAt(i - 1)) || text[i - 1] === '[' || text[i - 1] === ']')) i--;
  while (i > 0 && `"'\\`.includes(text[i - 1] as string)) i--;
  return i;
}

/** The key's last word: after `_`, `.`, `-`, or a lower-case letter or digit before a capital (`renderKey`); of a word
 * glued to the one before it, its secret tail (`bindcredential`, `dbcreds`). */
function lastWord(key: string): string {
  const word = lastSegment(key);
  const tail = /(?:credentials?|creds)$/.exec(word);
  return tail === null ? word : tail[0];
}

function lastSegment(key: string): string {
  let i = key.length;
  while (i > 0) {
    const code = key.charCodeAt(i - 1);
    if (code === 95 || code === 46 || code === 45) break;
    const before = key.charCodeAt(i - 2);
    i--;
    if (code >= 65 && code <= 90 && ((before >= 97 && before <= 122) || (before >= 48 && before <= 57))) break;
  }
  return key.slice(i).toLowerCase();
}

/** Words before `key` that name a key of no secret: a public half, a place in a store, a record's or a message's id. */
export const notSecretKeyWords =
  'public|pub|publishable|partition|primary|foreign|sort|routing|cache|object|idempotency|dedup|lookup|hash|row|shard|group|message|bucket|file|index|map|search|ssh|gpg|pgp|host|license|ca|cert|trace|span|request|correlation|client|user|account|tenant|customer|device|node|instance|resource|entity|record';

// Keys ending in `key` whose values are names, ids or public material (`i_key`, `kid_key`: a key's id).
const notSecretKey = new RegExp(`(?:${notSecretKeyWords}|i|kid)[_.-]?key$`, 'i');
/** A user's or a license's key (3scale's documented `user_key`, Liquibase's `licenseKey`) is a credential as often as an
 * id (Microsoft 365's `UserKey` PUID, a `userKey=ue_3c0e…` for ads): only 20+ characters of small letters, capitals
 * and digits at 3.5+ bits a character count, which no id of one case is. */
const ownedKey = /(?:user|license)[_.-]?key$/i;
const ownedKeyValue: GeneratedKeyOptions = { minEntropy: 3.5 };

function ownedKeyShape(value: string): boolean {
  return value.length >= 20 && /[a-z]/.test(value) && /[A-Z]/.test(value) && generatedKey(value, ownedKeyValue);
}
/** Words glued to `key` that documented APIs give a secret key (OCLC's `wskey`, Ambient Weather's `PASSKEY`, HubSpot's
 * `hapikey`, ZKTeco's `CommKey`, Firebase's `serverKey`, Parse's `restKey`): a generated value under one counts. Any
 * other glued word names a thing as often (`turnkey`, `hotkey`, CouchDB's `startkey`, reCAPTCHA's public `sitekey`). */
const gluedKeys = new Set([
  'apikey',
  'appkey',
  'authkey',
  'devkey',
  'hapikey',
  'wskey',
  'passkey',
  'secretkey',
  'privatekey',
  'privkey',
  'accesskey',
  'accountkey',
  'masterkey',
  'signingkey',
  'securitykey',
  'consumerkey',
  'serverkey',
  'restkey',
  'commkey',
  'encryptkey',
  'cryptkey',
  'jwtkey',
]);
/** The value a generator made that a glued key needs: hex of 20+, or small letters, capitals and digits at 3.5+ bits a
 * character; not a camelCase name nor words joined by `+` or `-` (`hotkey=Ctrl+Shift+F12`). */
const gluedKeyValue: GeneratedKeyOptions = {
  minEntropy: 3.5,
  notGenerated: /^[a-z]+(?:[A-Z][a-z]+)+\d*$|^(?:[A-Za-z][a-z]*[+-])+[A-Za-z]*\d*$/,
};

/** A password (any characters, 8+) or, under a `…key` name, a key (12+ characters of a token alphabet). */
function randomValue(value: string, isKey: boolean): boolean {
  return (
    (!isKey || (value.length >= 12 && /^[A-Za-z0-9+/=_.:~-]+$/.test(value))) &&
    !/^(?:~?\/|\.{1,2}\/|[a-z][\w+.-]*:\/\/|arn:|[a-z][a-z0-9_-]*\/)/.test(value) &&
    /\d/.test(value) &&
    /[A-Za-z]/.test(value) &&
    !/^[0-9a-f]{8}-[0-9a-f]{4}-|0x[0-9a-f]{4,}$/i.test(value) &&
    !/^\d+(?:[.:-]\d+)*$/.test(value) &&
    !/^(?:[a-z]+[.:_-])+[a-z0-9]+$/.test(value) &&
    !isPlaceholderValue(value) &&
    entropyPerChar(value) >= 3
  );
}

/** The shape of a short secret under its word: a PIN of 4-16 digits (a prepaid voucher's PIN is 12-16) or of groups of
 * four (`8841-2290-7713`), a PUK of 4-12 digits, a card's 3-4 digit code, a one-time or
 * confirmation code of 4-10 digits, a voucher of 6-20 capitals and digits. Not `pin=GPIO4`, `pin: 7`, `cvv=M`. */
function shortSecretShape(word: string, value: string): boolean {
  if (word === 'cvv' || word === 'cvc') return /^\d{3,4}$/.test(value);
  if (word === 'voucher') return /^(?=[A-Z-]*\d)[A-Z0-9-]{6,20}$/.test(value);
  if (word === 'pin') return /^\d{4,16}$|^\d{4}(?:-\d{4}){1,3}$/.test(value);
  return word === 'puk' ? /^\d{4,12}$/.test(value) : /^\d{4,10}$/.test(value);
}

const shortSecretCharacters = /^[\dA-Z-]+$/;

/** Codes a person is sent or types to prove who they are (`confirmationCode`, `verification_code`, `sms_code`),
 * not a status, country or error code. */
const secretCode =
  /(?:confirmation|verification|activation|security|unlock|otp|pin|one[_-]?time|sms|mfa|2fa)[_.-]?code$/i;

/** The short-secret word a key ends in (`account_pin`, `PortPIN`, `PUK1`, `cvv2`, `sms_otp`, `confirmationCode`), or
 * undefined. */
function shortSecretWord(key: string): string | undefined {
  if (typedSecret.test(key)) return 'pin';
  // The IRS e-file schema's Identity Protection PIN (`PrimaryIPPIN`, `SpouseIPPIN`).
  const word = lastWord(key)
    .replace(/(?<=^(?:pin|puk|cvv|cvc))\d$/, '')
    .replace(/^ippin$/, 'pin');
  if (shortSecretWords.includes(word)) return word === 'otp' ? 'code' : word;
  return word === 'code' && secretCode.test(key) ? 'code' : undefined;
}

/** True when `key` names a short secret and `value` has its shape (an XML element's name and text, for one). */
export function isShortSecret(key: string, value: string): boolean {
  const word = shortSecretWord(key);
  // A PIN of 13-16 digits only under a voucher's key (`topup_pin`): `cpu_pin=0000111100001111` is a CPU affinity mask.
  if (word === 'pin' && /^\d{13,}$/.test(value) && !/voucher|top[-_]?up|prepaid/i.test(key)) return false;
  return word !== undefined && shortSecretShape(word, value);
}

/** Last words that name a secret whatever the value's alphabet (`creds`, Duo's `skey`, SSSD's `authtok`). */
const secretWordList = ['skey', 'authtok', 'sessionkey', 'creds', 'credential', 'credentials', 'sess'] as const;
type SecretWord = (typeof secretWordList)[number];
const secretWords: ReadonlySet<string> = new Set(secretWordList);

function isSecretWord(word: string): word is SecretWord {
  return secretWords.has(word);
}

/** What a key's last word makes of the key: `key` (a secret's key: `signing_key`, a salt), a word that names a secret
 * itself or only with a random value, or a kind of key whose value must show more: a `bare key` (no word before it), a
 * documented `glued key` (`wskey`), an `owned key` (a user's or a license's). */
type SecretKeyWord = 'key' | 'bare key' | 'glued key' | 'owned key' | RandomOnlyWord | SecretWord;
// A password's hash (`pwd_hash`, `password_hash`): other hashes (`query_hash`, `user_hash`) are ids.
const passwordHash = /(?:pass(?:w(?:or)?d)?|pwd)[_.-]?hash$/i;

/** The key's last word when the key names a secret this way, else undefined. */
function secretKeyWord(key: string, before: string): SecretKeyWord | undefined {
  if (/^S?SESS[0-9a-f]{16,}$/i.test(key)) return 'sess';
  const word = lastWord(key);
  if (word === 'key') {
    // A bare `key=` / `"key":` is an API key as often as a lookup key: the value decides (randomValue), unless it is
    // the last word of a name written with a space (`public key:`, `cache key=`) other than `API key`; after a
    // command-line option (`--data key=…`) it is bare.
    if (key.length === 3)
      return /(?<![\w-])[A-Za-z]\w* $/.test(before) && !/\bapi $/i.test(before) ? undefined : 'bare key';
    if (!notSecretKey.test(key)) return word;
    return ownedKey.test(key) ? 'owned key' : undefined;
  }
  // A documented name glued to `key`: a generated value counts.
  if (gluedKeys.has(word)) return 'glued key';
  // A salt (`API_TOKEN_SALT`, `securitySalt`) and the auth value of a compound key (`token_auth`), random like a key.
  if ((word === 'salt' || word === 'auth') && key.length > word.length) return 'key';
  if (word === 'hash') return passwordHash.test(key) ? 'key' : undefined;
  // A one-time-password seed (`totp_seed`, `mfa.seed`) or a wallet's seed phrase; other seeds are random-number seeds.
  if (word === 'seed') return /(?:otp|mfa|2fa)[_.-]?seed$/i.test(key) ? 'key' : 'seed';
  if (isRandomOnlyWord(word)) return word;
  return isSecretWord(word) ? word : undefined;
}

/** PagerDuty's Events API v2 takes its integration key as `routing_key` (32 characters) in an event of its shape: an
 * `event_action` of trigger, acknowledge or resolve, and a `payload` or `dedup_key`. There the key is a secret, while a
 * message broker's `routing_key` is a name (notSecretKeyWords), even beside an `event_action` of its own. */
const pagerDutyAction = /event_action\\?["']?[ \t]*[=:][ \t]*\\?["']?(?:trigger|acknowledge|resolve)(?![A-Za-z])/;
function isPagerDutyRoutingKey(key: string, value: string, text: string): boolean {
  return (
    /^routing_key$/i.test(key) &&
    /^[a-z0-9]{32}$/.test(value) &&
    (text.includes('payload') || text.includes('dedup_key')) &&
    pagerDutyAction.test(text)
  );
}

/** The pattern's words as they end a key before its separator (`beforeSeparator`; a numbered code's digit, `PIN2=`, and
 * a Drupal session cookie's hex, `SSESS3f…=`, spelled out), so the part runs only where such a key can stand, not on
 * every line with `key`, `path` or `ping` in it. */
const gateWords = [
  ...beforeSeparator([
    ...patternWords,
    ...[...'0123456789'].flatMap((digit) => ['pin', 'puk'].map((word) => `${word}${digit}`)),
    'cvv2',
    'cvc2',
  ]),
  ...[...'0123456789abcdef'].map((hex) => `sess${hex}`),
];

export function createSecretKeyWordsDetector(): Detector {
  const words = [...keyWords, ...randomOnlyWords, ...shortSecretWords];
  const hint = anyOf(words);
  return {
    type: 'secret_kv',
    keywordGroups: [gateWords],
    mayMatch: (text) => hint.test(text),
    find(text: string, out: Candidate[]): void {
      for (
        let m = execAtKeyPair(valueAfterWord, text, 0, keyWordKeys);
        m !== null;
        m = execAtKeyPair(valueAfterWord, text, m.index + m[0].length, keyWordKeys)
      ) {
        const phrase = m[1];
        const value = m[2] ?? (phrase as string);
        // Digits or capitals may be a short secret under its word; anything else shorter than 8 is no random value.
        const mayBeShort = phrase === undefined && value.length <= 20 && shortSecretCharacters.test(value);
        if (!mayBeShort && phrase === undefined && value.length < 8) continue;
        const start = keyStart(text, m.index);
        // (`auth.password'] =` in `$config['auth.password'] =`.)
        const key = text.slice(start, m.index).replace(/^[\\"'[]+|[\\"'\s\]]+$/g, '');
        if (!/^[A-Za-z]/.test(key)) continue;
        if (mayBeShort && isShortSecret(key, value)) {
          const end = m.index + m[0].length;
          out.push(candidate('secret_kv', end - value.length, end, start, end));
          continue;
        }
        // Only a short secret is taken cut off at a `|` (`aCode=ZqTD6vq61XJhN|acc=`: Mimecast's message reference).
        if (text.charCodeAt(m.index + m[0].length) === 124) continue;
        const word =
          value.length < 8
            ? undefined
            : isPagerDutyRoutingKey(key, value, text)
              ? 'key'
              : secretKeyWord(key, text.slice(Math.max(0, start - 24), start));
        // SigV4's `Credential=AKIA…/date/region/service/aws4_request` is a scope, not a secret.
        if (
          word === undefined ||
          (phrase === undefined
            ? word === 'seed' || !randomValue(value, !secretWords.has(word))
            : word !== 'mnemonic' && word !== 'seed') ||
          value.includes('aws4_request') ||
          isRecordNumberUnder(key, value) ||
          (word === 'glued key' && !generatedKey(value, gluedKeyValue)) ||
          (word === 'owned key' && !ownedKeyShape(value))
        )
          continue;
        // Under a bare `key`, capitals and digits are the id half of a pair (Duo's integration key, an AWS key id); under
        // it and the words that often name no secret, words and numbers joined in one case are a name (`team-42-alpha`,
        // `ERR_CONN_4011`).
        if (word === 'bare key' && /^[A-Z0-9]{16,32}$/.test(value)) continue;
        if (
          (word === 'bare key' || isRandomOnlyWord(word)) &&
          /^(?:[a-z0-9]+[._:-])+[a-z0-9]+$|^(?:[A-Z0-9]+[._:-])+[A-Z0-9]+$/.test(value)
        )
          continue;
        const end = m.index + m[0].length;
        out.push(candidate('secret_kv', end - value.length, end, start, end));
      }
    },
    normalize: keepAsIs,
  };
}

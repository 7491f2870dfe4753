import { entropyPerChar } from '../checksums/entropy';
import { isCommonWord } from './common-words';
import { hasNoSecretMark, isRecordNumberUnder, isWordNotSecret, proseOrStructure } from './no-secret-here';
import { anyOf, boundaryPatterns, candidate, keepAsIs, type Candidate, type Detector } from './detector';
import { lineFacts, type LineFacts } from './line-facts';
import { beforeSeparator, execAtKeyPair, joined, keyWordFamily } from './key-separators';

// The key must end in one of these words: `db_password`, `X-Api-Key`, `client_secret`, but not `token_count`;
// the short `pass`, `pwd`, `pw` and `psk` as a whole segment, a camelCase word (`DB_PASS`, `mysql.pwd`, `dbPass`) or
// glued to a word that says whose (`rpcpass`, `bindpw`, `adminpwd`), never inside `bypass` or `compass` (see gluedPass).
// Keys that encrypt or sign are secrets (Laravel's `APP_KEY`); session ids are session-id.ts's (by their value's shape).
// Other languages name a password too (German, French, Spanish, Portuguese, Dutch, Polish, Nordic); a pre-shared key
// (WireGuard's `PresharedKey`, `psk=`) and an SNMP community (`community=`) are secrets.
// Factored by first letters, so each key position tries one branch per letter instead of one per word (15% less time).
const secretWords =
  'p(?:ass(?:w(?:or(?:d|t)|d)|phrase|ord|code)?|wd|w|sk|(?:rivate|re[_-]?shared)[_-]?key)' +
  '|secret(?:[_-]?key(?:[_-]?base)?|[_ -]?id)?|token|a(?:(?:pi|ccess|uth)[_-]?key|ccess[_-]?code|dgangskode)' +
  '|(?<![a-z0-9])(?:community|(?:app|master|encryption|signing|hmac)[_-]?key)' +
  '|kennwort|mot[_-]?de[_-]?passe|contrase(?:ñ|n)a|senha|wachtwoord|has(?:ł|l)o|salasana|l(?:ö|o)senord';
/** `pass`, `pwd`, `pw`, `psk` glued to the letters before them (matched above, then checked: a lookbehind in the pattern
 * costs more than the check). A segment (`DB_PASS`, `mysql.pwd`) or camelCase (`dbPass`, `smtpPwd`, `userPWD`) names a
 * secret, and so does a glued word whose rest is a common word or a short prefix (`rpcpass`, `bindpw`, `rootpwd`), but
 * not the English words that end in `pass` (`bypass`, `compass`, `overpass`). */
const glued = /([a-z0-9]+)(pass|pwd|pw|psk)$/i;
const camelPass = /[a-z0-9](?:Pass|Pwd|PASS|PWD)$/;
const notSecretPass = new Set(['by', 'com', 'encom', 'over', 'under', 'sur', 'tres', 'im']);

/** False for a key whose `pass`/`pwd`/`pw`/`psk` ends a longer word that names no secret, or a file (`.pgpass`). */
function gluedPass(key: string): boolean {
  // (Most keys end in another letter: `pass`, `pwd`, `pw` and `psk` end in s, d, w or k.)
  const last = key.charCodeAt(key.length - 1) | 32;
  if (last !== 115 && last !== 100 && last !== 119 && last !== 107) return true;
  const m = glued.exec(key);
  if (m === null || camelPass.test(key)) return true;
  if (key.startsWith('.')) return false;
  const rest = (m[1] as string).replace(/^.*[^a-z]/i, '').toLowerCase();
  return rest !== '' && !notSecretPass.has(rest) && (rest.length <= 4 || isCommonWord(rest));
}
// The same words for the shared key splitter (their lookbehinds left out: it only picks the pairs the pattern tries).
const secretKeySpellings = [
  ...['pass', 'password', 'passwort', 'passwd', 'passphrase', 'passord', 'passcode', 'pwd', 'pw', 'psk'],
  ...['private', 'preshared', 'pre_shared', 'pre-shared'].flatMap((word) => joined(word, ['key'], '_-').slice(1)),
  ...joined('secret', ['key'], '_-'),
  ...['secretkey', 'secret_key', 'secret-key'].flatMap((word) => joined(word, ['base'], '_-').slice(1)),
  ...joined('secret', ['id'], '_ -'),
  'token',
  ...['api', 'access', 'auth', 'app', 'master', 'encryption', 'signing', 'hmac'].flatMap((word) =>
    joined(word, ['key'], '_-').slice(1),
  ),
  'adgangskode',
  ...joined('access', ['code'], '_-').slice(1),
  'community',
  'kennwort',
  ...['mot', 'mot_', 'mot-'].flatMap((mot) => joined(`${mot}de`, ['passe'], '_-').slice(1)),
  ...['contraseña', 'contrasena', 'senha', 'wachtwoord', 'hasło', 'haslo', 'lösenord', 'losenord'],
];
const secretKeys = keyWordFamily(secretKeySpellings);
// A session id's key names a secret in a record or an element; in text the session-id part reads it (and its value's shape).
// A list's key is plural (`"passwords":[…]`, `apiKeys`); never `tokens`, which counts an LLM's tokens (`prompt_tokens`).
const secretKeyShape = new RegExp(
  `^[\\w.-]*?(?:${secretWords}|sess(?:ion[_-]?id|id)|(?:pass(?:word|phrase|code)|secret|(?:api|access|auth|private|secret|app|master|encryption|signing)[_-]?key)s)$`,
  'i',
);

/** True when an object key names a secret (used for structured values, where the key is not in the text). */
export function isSecretKey(key: string): boolean {
  return secretKeyShape.test(key) && gluedPass(key);
}

/** Values that say "no secret here": empty markers, booleans, already-redacted or masked text (`***`, Argo CD's
 * `++++`, Elasticsearch's `::es_redacted::`), template and variable references (`${VAR}`, `$VAR`, `$dex.a.b`),
 * a format directive (`%s`, Roundcube's `%p`), Terraform's `(sensitive value)`, Nextcloud's `***REMOVED SENSITIVE VALUE***`, jasypt's encrypted `ENC(...)` and sops' `ENC[AES256_GCM,…]`,
 * PowerShell's `$env:NAME`, a reference to where a secret is (`env://VAR`, `file:///run/secrets/x`), a documentation placeholder inside a value (`sk_live_<your-key-here>`),
 * a value cut short by an ellipsis (`FwoGZXIvYXdzE...(truncated)`, `@{...`): the log shows only its start, on purpose;
 * documentation's stand-ins (`YOUR_TOKEN_HERE`, `xoxb-your-bot-token-here`, `SG.xxxxxxxx`, an all-zero key, AWS's
 * `AKIA…EXAMPLE`, `replace_me` (`changeme` is a weak password people do keep), a template's slot `__DB_PASS__`, a value calling itself a placeholder or
 * an example only), a prefix shown before a mask (`sk_live_****`), a note that it was redacted (`appl_…(key, redacted)`)
 * and shadow's `!` of a locked password. */
const notASecret =
  /^(?:null|nil|none|undefined|true|false|yes|no|on|off|\*+|[\w.:*-]{0,24}\*{3,}|(?:0x)?0{16,}|.*your[_-][a-z_-]*here|\++|x{3,}|<[^>]*>|[[:(]*[a-z_ ]*(?:redacted|filtered|masked|hidden|removed)[a-z_ ]*[\]:)]*|\$\{[^}]*\}?|\$[A-Za-z_]\w*(?:\.\w+)+|\$[A-Z_][A-Z0-9_]*|%[a-z]|\(sensitive|\{\{[^}]*\}{0,2}|\*{4,}\w{0,6}|\*{3}[^*]*\*{3}|ENC[([].*|\$env:\w+|(?:env|file|vault|secret|ssm):\/\/.*|.*<[a-z][a-z -]*>.*|.*(?:\(masked\)?|\$\{|x{8,}).*|[\w/+]*EXAMPLEKEY|A[KS]IA\w{0,16}EXAMPLE|.*(?:\.{3}|…)(?:\(\w*\)?)?|replace[_-]?me\w*|__\w+__|.*(?:placeholder|example[_-]?only).*|.*\([^)]*(?:redacted|masked|hidden|removed)[^)]*\)?|!{1,2})$/i;

/** Documentation's stand-in or a variable's name, in capitals (`-u USERNAME -p PASSWORD`, `YOUR_API_KEY`,
 * `STRIPE_WEBHOOK_SECRET`); `password` in lower case may be a real one. */
const capitalStandIn =
  /^(?:[A-Z][A-Z0-9]*[_-])*(?:PASSWORD|PASSWD|PASS|SECRET|TOKEN|API[_-]?KEY|USER(?:_?NAME)?|LOGIN)$/;

/** The whole-value forms above and no-secret-here's in one pattern: this runs on every value the rules find. */
export const notASecretWhole = new RegExp(`${notASecret.source}|${proseOrStructure.source}`, 'i');

/** A value of letters, digits and `_.-/+=` only (a word, a login, a base64 or hex token): nine values in ten the rules
 * find. */
const plainValue = /^[\w.\-/+=]+$/;
/** What `notASecretWhole` matches of a plain value, the same answer in two cheaper patterns (a test keeps them equal):
 * the whole-value alternatives such a value can match, and the ones that look inside it (`.*x{8,}.*`, `.*\.{3}`...)
 * as one unanchored pattern, one pass over the value instead of one each. (Every alternative that needs `*`, `<`, `$`,
 * `%`, `(`, `{`, `!`, `:` or `…` is left out: a plain value has none.) Change both when notASecret changes. */
const plainNotASecret =
  /^(?:null|nil|none|undefined|true|false|yes|no|on|off|(?:0x)?0{16,}|\++|x{3,}|[a-z_]*(?:redacted|filtered|masked|hidden|removed)[a-z_]*|[\w/+]*EXAMPLEKEY|A[KS]IA\w{0,16}EXAMPLE|replace[_-]?me\w*|__\w+__|bearer|basic|digest|negotiate|anonymous|apikey|mismatch(?:ed)?|(?:in)?correct|invalid|wrong|required|missing|expired|changed|updated|accepted|rejected|reset|saved|verified|unchanged|succeeded|successful|failed|denied)$/i;
const plainNotASecretInside = /x{8}|placeholder|example[_-]?only|\.{3}$|your[_-][a-z_-]*here$/i;

/** `notASecretWhole.test(value)`, a plain value by the two patterns above. */
export function saysNoSecretWhole(value: string): boolean {
  return plainValue.test(value)
    ? plainNotASecret.test(value) || plainNotASecretInside.test(value)
    : notASecretWhole.test(value);
}

/** True for values that say "no secret here" (`null`, `***`, `${VAR}`, `<redacted>`, `PASSWORD`, AWS's documentation
 * secrets `…EXAMPLEKEY`, no-secret-here's prose, structure and marks...). */
export function isPlaceholderValue(value: string): boolean {
  // (The stand-ins start with a capital: the test is skipped for the many values that do not, a call saved on each.)
  const first = value.charCodeAt(0);
  return (
    saysNoSecretWhole(value) || (first >= 65 && first <= 90 && capitalStandIn.test(value)) || hasNoSecretMark(value)
  );
}

/** Values that are not secrets whatever the key: a file path (where a secret lives, `PWD=/home/ci`), a small count
 * (`pass=1`). */
const referenceOrCount = /^(?:~?\/|\.{1,2}\/)[\w./-]*$|^\d{1,3}$/;

/** `oauth token: unexpected status`, `Secret: Get "https://..."`: a word (at most its first letter upper case)
 * followed by more words or a quoted part is a message, not a value. */
const proseWord = /^[A-Za-z][a-z]*$/;
const proseAfter = /^ ["'\w]/;

/** The public half of an S3-style key pair: 16-32 capitals and digits. */
const accessKeyId = /^[A-Z0-9]{16,32}$/;
/** An unquoted value of one run of characters and a final `.`. */
const sentenceEnd = /^[^.\s]+\.$/;
/** The start of an ARN or URN up to the `:` before a key (`arn:aws:secretsmanager:us-east-1:123:secret:`). */
const resourceName = /(?:^|[\s"'=])(?:arn|urn):[^\s"']*$/;

const startsAnotherPair = /^[\w.-]+(?:=|:\s|:$)/;
/** `PresharedKey = aGVsbG8gd29ybGQhIQ==`: `=` padding ends base64, it does not start a pair. */
const base64Padded = /^[A-Za-z0-9+/]{16,}={1,2}$/;

// A session cookie is a bearer credential, and so is any long random cookie value; `theme=dark` is left alone.
const cookieAttribute = /^(?:path|domain|expires|max-age|samesite|secure|httponly|priority|partitioned)$/i;
const sessionCookie = /^(?:[\w.-]*[_.-])?(?:sid|sess|session|session[_-]?id|jsessionid|phpsessid|aspsessionid\w*)$/i;
/** What a server writes to delete a cookie (PHP's `deleted`, with an expiry in 1970): no session. */
const deletedCookie = /^deleted$/i;
/** Consent cookies hold a visitor's choices (IAB's TCF string in `euconsent-v2`, OneTrust's `OptanonConsent`), no
 * credential. */
const consentCookie = /consent|^optanon/i;
/** Analytics visitor ids (Google's `_ga`, `_ga_<stream>`, `_gid`, `__utma`-style, `_gcl_*`; Meta's `_fbp`/`_fbc`):
 * a browser's count for a vendor's reports, which signs nobody in. */
const analyticsCookie = /^(?:_ga(?:_\w+)?|_gid|_gcl_\w+|__utm[a-z]|_fb[cp])$/i;

/** True when a cookie's name says it holds a session (`sid`, `connect.sid`, `__Host-session`, `JSESSIONID`). */
export function isSessionCookieName(name: string): boolean {
  return sessionCookie.test(name);
}

/** A PKCS#11 URI's path before `at` (`pkcs11:module-path=…;token=`). */
const pkcs11Path = /pkcs11:[^\s"'?]*$/;

/** Tokens that mark a place in a list, echo a request, name a message or stand for a payment card (a processor's
 * `tok_…`, `payment_method_token`): ids, no credential. */
const notCredentialToken =
  /(?:echo|resumption|page|continuation|sync|message|card|payment(?:[_-]?method)?|idempotency|correlation)[_-]?token$/i;
const cardToken = /^tok_\w{8,}$/;
const aboutCards = /card|tokeni[sz]/i;

/** True when the value under a token key is a token of no credential: see notCredentialToken. */
export function isTokenOfNoCredential(line: LineFacts, key: string, value: string): boolean {
  return notCredentialToken.test(key) || (cardToken.test(value) && line.mentions(aboutCards));
}

/**
 * True when the key/value rule leaves a value under a secret-named key to the value's own reading, as it does in a line
 * (`"password":"[FILTERED]"`): a stand-in (isPlaceholderValue), a path or a small count, a PEM block or a SAS query
 * (the private_key and token detectors type them), sudoers' `NOPASSWD`, an access key's id half, a token of no
 * credential by its key (`page_token`), a common word where no password key stands. The record walk asks this before
 * replacing such a value whole, so a record and its line agree.
 */
export function keyRuleLeavesValue(key: string, value: string): boolean {
  if (isPlaceholderValue(value) || referenceOrCount.test(value)) return true;
  if (value.startsWith('-----BEGIN') || /(?:^|&)sig=/.test(value)) return true;
  if (/^nopasswd$/i.test(key)) return true;
  if (/access[_-]?key$/i.test(key) && accessKeyId.test(value)) return true;
  if (/token$/i.test(key) && notCredentialToken.test(key)) return true;
  // The pair as the record's text spells it: the word rule reads the key before the value.
  const pair = `"${key}":"${value}"`;
  return isWordNotSecret(pair, pair.length - 1 - value.length, pair.length - 1);
}

/** True when the pair at `at` is a documented syntax in which its secret word names no secret (see the caller). */
function notThisKey(text: string, line: LineFacts, at: number, key: string, value: string, glued: boolean): boolean {
  const lowerKey = key.toLowerCase();
  if (lowerKey.endsWith('token') && isTokenOfNoCredential(line, key, value)) return true;
  if (lowerKey === 'token' && pkcs11Path.test(text.slice(Math.max(0, at - 256), at))) return true;
  if (
    glued &&
    text.charCodeAt(at - 1) === 40 &&
    value.endsWith('):') &&
    /pam_\w*\($/.test(text.slice(Math.max(0, at - 32), at))
  )
    return true;
  if (glued && key.includes('.') && /^\d+\]?$/.test(value)) return true;
  return (
    glued && (value === 'env' || value === 'file') && /^[ \t]+\S/.test(text.slice(at + key.length + 1 + value.length))
  );
}

/**
 * Secrets in key/value text: `password=...`, `api_key: ...`, `"client_secret":"..."`, `'token' => '...'`, and
 * JSON escaped inside a string (`\"token\":\"...\"`). Only the value is replaced; the key stays readable.
 * Unquoted values end at whitespace, `&` or a quote, and at `,;)]}` followed by a space, the end or the next
 * `key=` (connection strings: `Password=x;Encrypt=True`). In a `Cookie:` / `Set-Cookie:` header, the values of
 * session cookies (`sid`, `PHPSESSID`, `connect.sid`, `_app_session`) are secrets too.
 */
export function createSecretKvDetector(): Detector {
  const pattern = new RegExp(
    `(?<![\\w.-])(\\\\?["']?)([\\w.-]*?(?:${secretWords}))\\1\\]?\\s*(?:=>|::(?=[ \\t])|[:=])(\\s*)(?:\\[(?=\\\\?["'])|\\[(?=[^\\s\\[\\]]+\\]))?(?:[uUbBN](?='))?` +
      `(?:"((?:[^"\\\\\\n]|\\\\[^"\\n])*)"|\\\\"((?:[^"\\\\\\n]|\\\\(?!"))*)\\\\"|'([^'\\n]*)'|((?:[^\\s"'&?,;)\\]}\\\\]|[&?](?!amp;|[\\w.-]+=)|[,;)\\]}](?![\\s,;)\\]}"']|$|%20|[\\w.-]+[=:]))+))`,
    'gi',
  );
  const cookieHeaders = boundaryPatterns(
    '(?<![\\w-])',
    String.raw`(?:set-)?cookie\\?["']?\s*[:=]\s*\[?\\?["']?([^\n"\\]+)`,
    'gi',
  );
  // Anchored at the start, a `;` or a space, so a header with no `=` is scanned once, not once per character.
  const cookiePair = /(?:^|[;\s])([^=;\s]{1,256})=([^;\s]*)/g;
  // (Callers without the scanner: the words in any case, `hasło` as written.)
  const keyWords = [
    'pass',
    'pwd',
    'pw',
    'psk',
    'secret',
    'token',
    'key',
    'community',
    'kennwort',
    'contrase',
    'senha',
    'wachtwoord',
    'haslo',
    'hasło',
    'salasana',
    'senord',
    'adgangskode',
    'access_code',
    'access-code',
    'accesscode',
  ];
  const hint = anyOf([...keyWords, 'cookie']);
  const [keyWord, cookieWord] = [1, 2];
  return {
    type: 'secret_kv',
    // The key scan runs only where a secret key can stand before its separator (every match has one), not on every
    // line with `key`, `token` or `pass` in it.
    keywordGroups: [beforeSeparator(secretKeySpellings), ['cookie']],
    mayMatch: (text) => hint.test(text),
    find(text: string, out: Candidate[], groups = -1): void {
      // Every match has a secret word right before its separator: the scan runs only from the keys of such pairs (the
      // many lines that hold the word elsewhere are not scanned at all).
      const keyed = (groups & keyWord) !== 0;
      // What the checks below read of the line around a match, read once for the line (see line-facts.ts).
      let facts: LineFacts | undefined;
      for (
        let m = keyed ? execAtKeyPair(pattern, text, 0, secretKeys) : null;
        m !== null;
        m = execAtKeyPair(pattern, text, m.index + m[0].length, secretKeys)
      ) {
        const quoted = m[4] ?? m[5] ?? m[6];
        let end = m.index + m[0].length;
        // `api_key=a9a16a02….` before a space: a sentence's full stop, not the value's last character.
        // `<GET https://…?api_key=…>`: the bracket opened before the key closes after the value, it is no part of it.
        const bare = m[7] as string;
        const trailing =
          quoted === undefined &&
          ((bare.endsWith('.') && sentenceEnd.test(bare) && !/\S/.test(text.charAt(end))) ||
            (bare.endsWith('>') && bare.length > 1 && (facts ??= lineFacts(text)).insideAngleBrackets(m.index)))
            ? 1
            : 0;
        const value = quoted ?? bare.slice(0, bare.length - trailing);
        end -= trailing;
        if (
          value === '' ||
          isPlaceholderValue(value) ||
          referenceOrCount.test(value) ||
          isRecordNumberUnder(m[2] as string, value)
        )
          continue;
        // `OTP_SECRET=` then a line break: an empty value, the next line is no part of it.
        if ((m[3] as string).includes('\n')) continue;
        // A PEM block under `private_key` is the private_key detector's; `<see /etc/secrets>` is a placeholder.
        if (
          value.startsWith('-----BEGIN') ||
          (quoted === undefined && value.startsWith('<') && /^[^>\n]*>/.test(text.slice(end)))
        )
          continue;
        // `token=[secret]`: a word in brackets where the value goes is a mask.
        if (quoted === undefined && text.charCodeAt(end - value.length - 1) === 91 && /^[A-Za-z]+$/.test(value))
          continue;
        // `arn:aws:secretsmanager:…:secret:prod/db`: a resource name names a secret, it holds none.
        if (text.charCodeAt(m.index - 1) === 58 && resourceName.test(text.slice(Math.max(0, m.index - 256), m.index)))
          continue;
        // An API token given as `ID=SECRET` with an id that names a user and a token (`alice@pve!ci=…`): the id is no secret.
        // (Tested only on a value with a `!`: the test runs on every match.)
        const tokenId = value.includes('!') ? (/^[^\s=!]+![\w.-]+=(?=.)/.exec(value)?.[0].length ?? 0) : 0;
        // A SAS query string (`--sas-token "sv=…&sig=…"`): its signature is the token detector's.
        if (/(?:^|&)sig=/.test(value)) continue;
        if (!gluedPass(m[2] as string)) continue;
        // sudoers' `NOPASSWD: ALL` is a tag, not a key.
        if ((m[2] as string).length === 8 && /^nopasswd$/i.test(m[2] as string)) continue;
        // `password=pw` in code, after `pw = '…'`: a variable assigned before, not the secret itself.
        if (
          quoted === undefined &&
          /^[A-Za-z_]\w{0,30}$/.test(value) &&
          (facts ??= lineFacts(text)).assignedBefore(value, m.index)
        )
          continue;
        // S3-style pairs: the access key is the id half (`AKIA…`-like capitals, or a secret key given beside it).
        if (
          /access[_-]?key$/i.test(m[2] as string) &&
          (accessKeyId.test(value) || (facts ??= lineFacts(text)).wordFrom('secret', end))
        )
          continue;
        // `https://x-access-token:ghs_...@github.com`: the userinfo of a URL, which url_credentials replaces whole.
        if (text.startsWith('://', m.index - 3)) continue;
        // Documented syntaxes where a secret word names no secret: a PKCS#11 URI's `token=` is the token's label (RFC
        // 7512), pam's `pam_unix(passwd:chauthtok)` a service and its module type, a logger's `pkg.token:2190]` a source
        // line, keytool's `-storepass:env VAR` (and `:file`) where the password is read from.
        if (
          notThisKey(
            text,
            (facts ??= lineFacts(text)),
            m.index,
            m[2] as string,
            value,
            m[3] === '' && quoted === undefined,
          )
        )
          continue;
        if (quoted === undefined && m[3] !== '' && proseWord.test(value) && proseAfter.test(text.slice(end, end + 40)))
          continue;
        // `password= user=bob`: an empty value, not a value that is the next pair.
        if (quoted === undefined && m[3] !== '' && startsAnotherPair.test(value) && !base64Padded.test(value)) continue;
        const closing = quoted === undefined ? 0 : m[5] !== undefined ? 2 : 1;
        // Go's `%v` prints a field in braces (`password={s3cr3t}`): the braces wrap the value, they are no part of it.
        const braced = quoted === undefined && value.startsWith('{') && text[end] === '}' && value.length > 1 ? 1 : 0;
        const valueStart = end - closing - value.length + tokenId + braced;
        if (isWordNotSecret(text, valueStart, end - closing)) continue;
        out.push(candidate('secret_kv', valueStart, end - closing, m.index, end));
      }
      if ((groups & cookieWord) === 0) return;
      for (const cookieHeader of cookieHeaders(text)) {
        cookieHeader.lastIndex = 0;
        for (let h = cookieHeader.exec(text); h !== null; h = cookieHeader.exec(text)) {
          const cookies = h[1] as string;
          const offset = h.index + h[0].length - cookies.length;
          cookiePair.lastIndex = 0;
          let attributeSeen = false;
          for (let c = cookiePair.exec(cookies); c !== null; c = cookiePair.exec(cookies)) {
            const name = c[1] as string;
            // After a cookie's attributes (`SameSite=Lax`), a pair set off by a blank and no `;` is the log line's own
            // (`… SameSite=Lax user=NAME@example.com`): the header has ended.
            if (attributeSeen && c.index > 0 && cookies.charCodeAt(c.index - 1) !== 59 && /\s/.test(c[0].charAt(0)))
              break;
            if (cookieAttribute.test(name)) attributeSeen = true;
            // A header quoted whole on a command line (`-H 'Cookie: sid=…'`): the closing quote is no part of the value.
            const raw = c[2] as string;
            const quotedEnd = raw.endsWith("'") && !raw.slice(0, -1).includes("'") ? 1 : 0;
            const value = raw.slice(0, raw.length - quotedEnd);
            if (value === '' || cookieAttribute.test(name) || isPlaceholderValue(value) || deletedCookie.test(value))
              continue;
            if (
              !sessionCookie.test(name) &&
              !isSecretKey(name) &&
              (value.length < 16 || entropyPerChar(value) < 3 || consentCookie.test(name) || analyticsCookie.test(name))
            )
              continue;
            const end = offset + c.index + c[0].length - quotedEnd;
            out.push(candidate('secret_kv', end - value.length, end, end - value.length - 1 - name.length, end));
          }
        }
      }
    },
    normalize: keepAsIs,
  };
}

import { isWhitespace } from '../keyword-scan';
import { anyOf, candidate, isBlank, isKeyCharacter, keepAsIs, type Candidate, type Detector } from './detector';
import { isPlaceholderValue } from './secret-kv';
import { stringPositions, type StringPositions } from './line-facts';
import { argumentValue } from './user-name';

/**
 * Passwords found by what they look like and where commands put them, whatever the product: a token shaped the way
 * people and generators make passwords (`Verona#1597`, `Qz8-Lw2-Rr5`, `B1ue-Ridge_44`) near a credential word
 * (`echo PASS | tool --passwd-on-stdin`, `(password piped: PASS)`, `"P:PASS"`, `attendeePW=PASS`); the last argument
 * after the user (and an optional host) of a command about passwords or accounts (`<tool> register|change_password|
 * adduser USER [HOST] PASS`). (A session id after the word session is session-id.ts's.)
 */

// Words a text about a credential holds, words of account commands: the scanner's keyword pass runs each rule only where
// one of its words is.
const credentialWords = [
  'pass',
  'pw',
  'secret',
  'cred',
  'login',
  'logon',
  'auth',
  'regist',
  'basic',
  ' -u',
  '--user',
  '/user:',
  '/u:',
];
const accountWords = [
  'passwd',
  'register',
  ...['add', 'create', 'new', 'mk'].flatMap((verb) => [`${verb}user`, `${verb}_user`, `${verb}-user`]),
  ...['add', 'create'].flatMap((verb) => [`user${verb}`, `user_${verb}`, `user-${verb}`]),
  ...['change', 'set', 'reset', 'update'].flatMap((verb) => [
    `${verb}pass`,
    `${verb}_pass`,
    `${verb}-pass`,
    `${verb}pw`,
    `${verb}_pw`,
    `${verb}-pw`,
  ]),
];
const [shapeRule, accountRule] = [1, 2];

// A command or subcommand about passwords or accounts, its flags, the user (a name or an address), an optional host or
// domain, then the password as the command's last argument. A flag is `-[\w-]+` (`-{1,2}[\w-]+` is the same flags read
// two ways each: a line of n `--flag`s then tried 2^n ways), at most 16 of them (a command's run of flags is a handful;
// unbounded, each command word of a line of them read every flag after it).
const accountCommand = new RegExp(
  `(?<![\\w/.-])(?:[\\w-]*passwd\\d?|register|(?:add|create|new|mk)[_-]?user|user[_-]?(?:add|create)|` +
    `(?:change|set|reset|update)[_-]?(?:password|passwd|pass|pw))(?:\\s+-[\\w-]+){0,16}` +
    `\\s+["']?(?!-)[\\w.+-]+(?:@[\\w.-]+)?["']?(?:\\s+[a-z0-9-]+(?:\\.[a-z0-9-]+)+)?\\s+(?!-)${argumentValue}` +
    `(?=\\s*(?:$|[;|&#)>\\n]))`,
  'gid',
);

// A credential word, any case; where it may stand is checked by credentialWordAt.
// A user flag (`-u`, `--user`, Windows' `/user:`) counts too: a command given a user is given its password beside it.
const credentialWord = new RegExp(
  [
    /pass(?:w(?:or)?d|phrase|word)?s?|pwd?|secrets?|credentials?|creds?|log[io]ns?|auth|regist(?!ry)|http[_-]?basic/,
    /-u|--user(?:name)?|\/u(?:ser)?:/,
  ]
    .map((part) => part.source)
    .join('|'),
  'gi',
);

/** `pass` and the others as a word, a segment or a camelCase word (`smtp_pass`, `attendeePW`, `userPassword`), never
 * inside one (`bypass`, `passed`, `compass`, `secretary`, `author`); `passwd` and a trailing `pw` also end commands and
 * keys (`vncpasswd`, `rootpw`). */
function credentialWordAt(text: string, at: number, word: string): boolean {
  const lowerWord = word.toLowerCase();
  const next = text.charCodeAt(at + word.length);
  const nextIsLower = next >= 97 && next <= 122;
  if (lowerWord.startsWith('auth')) return !text.startsWith('or', at + word.length);
  if (lowerWord.startsWith('regist') || lowerWord.startsWith('http')) return true;
  // A user flag stands after a blank: ` -u NAME`, ` --user=NAME`, ` /user:NAME`.
  if (word.startsWith('-') || word.startsWith('/')) {
    const blank = text.charCodeAt(at - 1);
    return (blank === 32 || blank === 9) && /[\s=:\w]/.test(text.charAt(at + word.length));
  }
  if (nextIsLower) return false;
  if (word === 'passwd' || word === 'pw') return true;
  const previous = text.charCodeAt(at - 1);
  const previousIsLetter = (previous >= 97 && previous <= 122) || (previous >= 65 && previous <= 90);
  const first = word.charCodeAt(0);
  // camelCase: a capital after a lower-case letter or digit starts a word.
  return !previousIsLetter || (first >= 65 && first <= 90 && previous >= 97 && previous <= 122);
}

// How far a password may stand from its credential word: a command's arguments, a prompt and its answer.
const before = 100;
const after = 48;
// `echo 'PASS' | tool --passwd-on-stdin`: a value piped into a command may have its credential word anywhere after it.
const echoed = /\b(?:echo|printf)(?:\s+-\w+)*\s+["']?$/;

// What ends a token: blanks, quotes, brackets and shell or list punctuation.
const tokenDelimiter = new Uint8Array(128);
for (const c of ' \t\n\r\f\v"\'`<>()[]{},;|&') tokenDelimiter[c.charCodeAt(0)] = 1;
const anyDigit = /\d/g;
// `key=`/`key:` in front of the value (`attendeePW=…`, authinfo's `"P:…"`, `--password=…`), maybe nested; a numbered
// field's tag (FIX's `554=`).
const keyPrefix = /^(?:-{0,2}(?:[A-Za-z_][\w.-]*)?[=:]|\d+=)/;
// The key a quoted or `key = value` value stands under (`"value":"…"`, `'passwordsalt' => '…'`).
const keyBefore = /(?:([A-Za-z_][\w.-]*)\s+)?([A-Za-z_][\w.-]*)\]?\\?["']?\s*(?:=>|[:=])\s*\\?["']?$/;
// A key names a credential when one of its words does; `…_id`, `…name`, `…user`, `…method` name something else.
const credentialKey = /pass|pw|secret|credential|auth|salt|^[A-Za-z]$|^(?:value|val|data|input)$/i;
const generatedIdParts = /0x[0-9A-Fa-f]{4,}$|0000|\d{9}|[0-9a-f]{12}/;
const idBefore = /\b(?:fingerprint|hash|digest|checksum|nonce|serial|uuid|guid|etag|commit|sha\d*|md5)\s+$/i;
const otherKey = /(?:id|name|user|method|type|policy|url|uri|host|path|file|mode|status|group)$/i;

const lower = /[a-z]/;
const upper = /[A-Z]/;
const digit = /\d/;
// Symbols other than the joiners of identifiers, host names and `host:port` (`.`, `-`, `_`, `:`).
const strongSymbol = /[^A-Za-z0-9._:-]/;
const innerDigits = /[A-Za-z]\d+[A-Za-z]/;
// Joined parts of a password: one mixes letters and digits (`Qz8-Lw2`), or there are three (`Lagos.Rain.71`); a name
// and a counter (`Thread-17`, `Worker_3`) are not.
const joinedParts = /[A-Za-z]\d|\d[A-Za-z]|[._:-].*[._:-]/;

// Shapes that are something else, by what they are.
const notAPassword = new RegExp(
  [
    /^[\w.+-]+(?:@|%40)[\w.-]+(?::\S*)?$/, // an email (maybe URL-encoded) or `name@host`
    /[/\\]/, // a path, a URL, `product/version`, `DOMAIN\name`
    /^[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}$/, // a host or file name
    /\d+\.\d+\.\d+|^v?\d+(?:\.\d+)+/, // a version
    /\d{4}-\d\d-\d\d|\d\d?:\d\d|\d\d?-[A-Z][a-z]{2}-\d{2,4}/, // a date or time
    /^[0-9a-f]{8}-[0-9a-f]{4}-|^[0-9a-f.:-]+$|^[0-9A-F.:-]+$/, // a UUID, a hash, a MAC
    /^[A-Za-z]{0,4}[0-9a-f]{16,}$|^[a-z]{1,6}_(?:[a-z]+_)?[A-Za-z0-9]+$/, // a typed id (`MG` + hex, `cus_…`)
    /^[\w-]+\.[a-z]{1,4}\d{1,2}$/, // a file name (`AuthKey.p8`, `cert.p12`)
    /^[A-Za-z0-9+/]{40}$/, // an AWS secret key (its own type)
    /\$[{(A-Za-z_]|%(?![0-9A-Fa-f]{2})[a-z(]|\{\{/, // a `$VAR`, `${…}`, `%p`, `{{…}}` reference
    /\*\*|X{4,}|x{4,}/, // a mask
    /:$|:.*:/, // a label (`name:`), an `a:b:c` list
    /^[-@]/, // a flag, a handle
    /^[a-z]{2,3}_[A-Z]{2}\b/, // a locale (`en_US.UTF-8`)
    /^eyJ|^AAAA/, // a JWT header, an SSH public key's start
  ]
    .map((part) => part.source)
    .join('|'),
);

/** Fields split by one symbol used 4+ times (`a|b|c|d|e`), as the pattern says it. */
const repeatedSymbol = /([^\w.-]).*\1.*\1.*\1/;
const symbolCounts = new Uint8Array(128);

/** True when `repeatedSymbol` matches: counted in one pass over the value (the pattern's back-references tried every
 * split of it, 26 µs a value on the corpus). A line break (which `.` does not cross) or a character past ASCII leaves
 * it to the pattern. */
function symbolUsedFourTimes(value: string): boolean {
  let found = false;
  let at = 0;
  for (; at < value.length && !found; at++) {
    const code = value.charCodeAt(at);
    if (code >= 128 || code === 10 || code === 13) break;
    if (isKeyCharacter(code)) continue;
    const count = (symbolCounts[code] as number) + 1;
    symbolCounts[code] = count;
    found = count === 4;
  }
  for (let i = 0; i < at; i++) symbolCounts[value.charCodeAt(i)] = 0;
  // (Stopped early without four: a line break or a character past ASCII.)
  return found || (at < value.length && repeatedSymbol.test(value));
}

// The kinds of characters a value mixes, as bits.
const lowerKind = 1;
const upperKind = 2;
const digitKind = 4;
const joinerKind = 8; // `.`, `-`, `_`, `:`: they join identifiers, host names and `host:port`
const strongKind = 16; // any other symbol
// For each set of the lower, upper and symbol (joiner or other) kinds (index: the kinds' bits below 28), whether it
// holds two of them.
const enoughKinds = Uint8Array.from({ length: 28 }, (_, k) =>
  Number((k & lowerKind) !== 0) + Number((k & upperKind) !== 0) + Number((k & (joinerKind | strongKind)) !== 0) >= 2
    ? 1
    : 0,
);

// What a character is to a token: its kind, a delimiter, or `=`.
const delimiterClass = 32;
const equalsClass = 64;
const slashClass = 128; // a path, a URL, `product/version`: never a password (`notAPassword`)
const characterClass = Uint8Array.from({ length: 128 }, (_, code) => {
  if (code >= 97 && code <= 122) return lowerKind;
  if (code >= 65 && code <= 90) return upperKind;
  if (code >= 48 && code <= 57) return digitKind;
  if (tokenDelimiter[code] === 1) return delimiterClass;
  if (code === 46 || code === 45 || code === 95 || code === 58) return joinerKind;
  if (code === 47) return slashClass;
  return code === 61 ? equalsClass : strongKind;
});
const tokenCharacter = (code: number): number => (code < 128 ? (characterClass[code] as number) : strongKind);

/** The kinds of characters in value (one pass: this runs on every long token of a line with a credential word). */
function kindsOf(value: string): number {
  let kinds = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 97 && code <= 122) kinds |= lowerKind;
    else if (code >= 65 && code <= 90) kinds |= upperKind;
    else if (code >= 48 && code <= 57) kinds |= digitKind;
    else if (code === 46 || code === 45 || code === 95 || code === 58) kinds |= joinerKind;
    else kinds |= strongKind;
  }
  return kinds;
}

/** Changes of character kind per character: random strings change kind often, words and identifiers do not. */
function kindChangesPerChar(value: string): number {
  let changes = 0;
  let previous = -1;
  for (let i = 0; i < value.length; i++) {
    const kind = kindsOf(value[i] as string);
    if (kind !== previous) changes++;
    previous = kind;
  }
  return changes / value.length;
}

/**
 * 8-40 characters mixing three of lower, upper, digit and symbol, with a digit, the way passwords are made: with a
 * symbol that does not join identifiers (`Verona#1597`), with joiners between parts that have all three letter and
 * digit kinds and are not a name and a counter (`Qz8-Lw2-Rr5`, not `Thread-17`), or, with no symbol, a digit run
 * inside letters in a random-looking mix (`Kq3vXb8ZmT2wYhRe`, not `Win32Exception`). A trailing `!` counts only when
 * the rest has all three letter and digit kinds (`Quartz5521!`, not `Welcome!` or `failed2!`).
 */
export function passwordShaped(raw: string): boolean {
  if (raw.length < 8 || raw.length > 40 || raw.endsWith('.')) return false;
  const bang = raw.endsWith('!');
  const value = bang ? raw.slice(0, -1) : raw;
  const kinds = kindsOf(value);
  if ((kinds & digitKind) === 0) return false;
  const letterKinds = (kinds & lowerKind) + ((kinds & upperKind) >> 1) + 1;
  if (bang && letterKinds < 3) return false;
  const hasSymbol = bang || (kinds & (joinerKind | strongKind)) !== 0;
  if (letterKinds + Number(hasSymbol) < 3) return false;
  const shaped =
    (kinds & strongKind) !== 0 ||
    (letterKinds === 3 &&
      (hasSymbol ? joinedParts.test(value) : innerDigits.test(value) && kindChangesPerChar(value) >= 0.4));
  return shaped && !notAPassword.test(raw) && !symbolUsedFourTimes(raw) && !isPlaceholderValue(raw);
}

/** An argument that may be a password: 6-64 characters with a digit, a symbol or mixed case; not a flag, a path, a URL,
 * an email, a host name, a number or a placeholder. */
function secretLike(value: string): boolean {
  return (
    value.length >= 6 &&
    value.length <= 64 &&
    (digit.test(value) || strongSymbol.test(value) || (lower.test(value) && upper.test(value))) &&
    // (Nor IBM's `KEYWORD(value)` option cut at its bracket: `DFLTGRP(SYS1`.)
    !/^\d+$|^-|[/\\]|^[\w.+-]+@[\w-]+\.[\w.-]+$|^[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}$|^[A-Za-z]+\(/.test(value) &&
    !isPlaceholderValue(value)
  );
}

/** A line's credential words, found when first asked. */
interface LineWords {
  spans?: number[];
  sops?: StringPositions;
}

/** Where the credential words of a text are, [start, end) pairs in order: found once per text, asked per token. */
function credentialWordsIn(text: string): number[] {
  const spans: number[] = [];
  credentialWord.lastIndex = 0;
  for (let m = credentialWord.exec(text); m !== null; m = credentialWord.exec(text)) {
    if (credentialWordAt(text, m.index, m[0])) spans.push(m.index, m.index + m[0].length);
  }
  return spans;
}

/** True when one of the credential words (spans) stands within reach of [start, end). */
function nearCredentialWord(text: string, spans: readonly number[], start: number, end: number): boolean {
  const from = start - before;
  let limit = end + after;
  if (echoed.test(text.slice(Math.max(0, start - 24), start))) {
    const lineEnd = text.indexOf('\n', end);
    limit = lineEnd === -1 ? text.length : lineEnd;
  }
  // The first word starting at or after `from` (binary search: a long line may hold many words and many tokens).
  let low = 0;
  let high = spans.length / 2;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((spans[2 * middle] as number) < from) low = middle + 1;
    else high = middle;
  }
  for (let i = 2 * low; i < spans.length && (spans[i] as number) < limit; i += 2) {
    // The word inside the token itself (`Pass_99x`) does not make it a credential.
    if ((spans[i + 1] as number) <= start || (spans[i] as number) >= end) return true;
  }
  return false;
}

/** A key names a credential (or says nothing: `value`, a one-letter `P:`) and not something else (`…_id`, `…name`). */
function credentialKeyName(name: string): boolean {
  return credentialKey.test(name) && !otherKey.test(name);
}

/** Where `keyBefore` can start at the earliest in the 64 characters before `end`: back over its separator, blanks,
 * quotes and bracket, then over a key, blanks and a word (the pattern, unanchored, would otherwise try each of the 64
 * positions; it looks at nothing before its match, so it finds the same there). */
function keyWindowStart(text: string, end: number): number {
  const floor = Math.max(0, end - 64);
  let at = end;
  // (A key character or blank beyond ASCII is taken too: more is safe, the window only starts earlier.)
  while (at > floor && keyTail(text.charCodeAt(at - 1))) at--;
  while (at > floor && isKeyCharacter(text.charCodeAt(at - 1))) at--;
  while (at > floor && isBlank(text.charCodeAt(at - 1))) at--;
  while (at > floor && isKeyCharacter(text.charCodeAt(at - 1))) at--;
  return at;
}

/** What `keyBefore` allows between a key and the end: blanks, quotes, a backslash, a bracket, `=`, `>`, `:`. */
function keyTail(code: number): boolean {
  return (
    isBlank(code) ||
    code === 34 ||
    code === 39 ||
    code === 92 ||
    code === 93 ||
    code === 61 ||
    code === 62 ||
    code === 58
  );
}

/** `[\s"'\\\]]`: what may stand between a separator and its token (read by character code, not a pattern a character). */
function beforeToken(code: number): boolean {
  return isWhitespace(code) || code === 34 || code === 39 || code === 92 || code === 93;
}

/** True when the token stands under no key, or under a key (or a two-word label, `password piped:`) naming a
 * credential. */
function underCredentialKey(text: string, tokenStart: number): boolean {
  // Most tokens have no key: only a separator (`:`, `=`, `=>`) before the token, past blanks, quotes and a bracket, can
  // end one.
  let at = tokenStart - 1;
  while (at >= 0 && beforeToken(text.charCodeAt(at))) at--;
  const separator = text.charCodeAt(at);
  if (separator !== 58 && separator !== 61 && separator !== 62) return true;
  const key = keyBefore.exec(text.slice(keyWindowStart(text, tokenStart), tokenStart));
  if (key === null) return true;
  // (`credentials SSID: x`: the label's last word names what the value is.)
  const last = key[2] as string;
  return credentialKeyName(last) || (key[1] !== undefined && !otherKey.test(last) && credentialKeyName(key[1]));
}

export function createSecretShapeDetector(): Detector {
  const hint = anyOf([...new Set([...credentialWords, ...accountWords])]);
  return {
    type: 'secret_kv',
    keywordGroups: [credentialWords, accountWords],
    mayMatch: (text) => hint.test(text),
    find(text: string, out: Candidate[], rules = -1): void {
      if (rules & shapeRule) findShaped(text, out);
      if (rules & accountRule) {
        accountCommand.lastIndex = 0;
        for (let m = accountCommand.exec(text); m !== null; m = accountCommand.exec(text)) {
          const group = m[1] !== undefined ? 1 : m[2] !== undefined ? 2 : 3;
          const [start, end] = (m.indices as RegExpIndicesArray)[group] as [number, number];
          if (secretLike(text.slice(start, end))) out.push(candidate('secret_kv', start, end, m.index, end));
        }
      }
    },
    normalize: keepAsIs,
  };
}

/**
 * Every password-shaped token near a credential word. A password has a digit, so the engine jumps from digit to digit
 * and only the tokens around them are read: those whose value (past a last `key=`) has 8+ characters, a digit and two
 * of lower, upper and symbol go on; most (numbers, addresses, `pid=4412`) stop there.
 */
function findShaped(text: string, out: Candidate[]): void {
  // The credential words are looked for only once a token is shaped like a password (most lines have none).
  const words: LineWords = {};
  anyDigit.lastIndex = 0;
  while (anyDigit.test(text)) {
    let tokenStart = anyDigit.lastIndex - 1;
    while (tokenStart > 0 && tokenCharacter(text.charCodeAt(tokenStart - 1)) !== delimiterClass) tokenStart--;
    // One read from the token's start finds its end and its value's kinds (a table read a character).
    let valueStart = tokenStart;
    let kinds = 0;
    let tokenKinds = 0;
    let tokenEnd = tokenStart;
    for (; tokenEnd < text.length; tokenEnd++) {
      const found = tokenCharacter(text.charCodeAt(tokenEnd));
      if (found === delimiterClass) break;
      tokenKinds |= found;
      if (found === equalsClass) {
        // A `key=` starts the value again; base64 padding (`==` at the end) does not.
        const next = tokenEnd + 1 < text.length ? tokenCharacter(text.charCodeAt(tokenEnd + 1)) : delimiterClass;
        if (next !== delimiterClass && next !== equalsClass) {
          valueStart = tokenEnd + 1;
          kinds = 0;
        } else kinds |= strongKind;
      } else kinds |= found;
    }
    anyDigit.lastIndex = tokenEnd;
    // (A password, wherever its key ends, has a symbol other than a joiner or both cases, and no `/`: `passwordShaped`;
    // a key in front of it holds no `/` either.)
    const passwordKinds =
      (tokenKinds & slashClass) === 0 && ((tokenKinds & (strongKind | equalsClass)) !== 0 || (tokenKinds & 3) === 3);
    if ((kinds & digitKind) !== 0 && enoughKinds[kinds & 27] === 1 && tokenEnd - valueStart >= 8 && passwordKinds)
      pushShaped(text, tokenStart, tokenEnd, words, out);
  }
}

/** The token [tokenStart, tokenEnd) when, past a `key=` or `user:` in front, it is a password near a credential
 * word. */
function pushShaped(text: string, tokenStart: number, tokenEnd: number, words: LineWords, out: Candidate[]): void {
  // A label or session id in brackets (`[Pop3SSLServer-3]`, `<2Hk3mYgT…>`).
  const opening = text.charCodeAt(tokenStart - 1);
  if (opening === 91 || opening === 60) return;
  let start = tokenStart;
  let value = text.slice(tokenStart, tokenEnd);
  // `key=` inside the token must name a credential (and decides); `user:` in front (`ops:S3cret`, `P:S3cret`) may be
  // anything.
  let innerKey: boolean | undefined;
  const hasKey = value.includes('=') || value.includes(':');
  for (let prefix = hasKey ? keyPrefix.exec(value) : null; prefix !== null; prefix = keyPrefix.exec(value)) {
    const key = prefix[0].replace(/^-+|[=:]$/g, '');
    if (prefix[0].endsWith('=') && key !== '') innerKey = (innerKey ?? true) && credentialKeyName(key);
    start += prefix[0].length;
    value = value.slice(prefix[0].length);
  }
  if (innerKey === false) return;
  // A JSON-escaped line break after the value (`'ops:S3cret$\n'`).
  if (value.includes('\\')) value = value.replace(/(?:\\[nrt])+$/, '');
  if (!passwordShaped(value)) return;
  // A field of sops' encrypted value (`ENC[AES256_GCM,data:…,iv:…]`): ciphertext, its key is elsewhere. (Read forward
  // once per line: a look back from each token made `password ` + `Ab1!cdefg ` x32,000 take 10 s.)
  words.sops ??= stringPositions(text, ['ENC[', ']']);
  if (words.sops.lastBefore('ENC[', tokenStart + 1) > words.sops.lastBefore(']', tokenStart + 1)) return;
  words.spans ??= credentialWordsIn(text);
  if (!nearCredentialWord(text, words.spans, start, start + value.length)) return;
  // A syslog tag (`synoscgi_SYNO.API.Auth_7[18812]:`), a quoted key (`"s3Options":`), an id (`0x` hex, a zero-padded or
  // epoch counter, a hex run inside it), a value named as an id (`card fingerprint L7g3…`, `checksum …`).
  if (
    generatedIdParts.test(value) ||
    /^(?:\[\d|\\?["']\s*:)/.test(text.slice(tokenEnd, tokenEnd + 4)) ||
    idBefore.test(text.slice(Math.max(0, tokenStart - 16), tokenStart))
  )
    return;
  // Without a key of its own, the key the token stands under (`"customerId":"…"`), or, after a bare separator, the key
  // before that (`session[password]=…`).
  const bareSeparator = text.charCodeAt(tokenStart) === 61 || text.charCodeAt(tokenStart) === 58;
  if (innerKey === undefined && !underCredentialKey(text, bareSeparator ? tokenStart + 1 : tokenStart)) return;
  out.push(candidate('secret_kv', start, start + value.length));
}

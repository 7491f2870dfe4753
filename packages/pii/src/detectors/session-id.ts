import { candidate, isKeyCharacter, keepAsIs, type Candidate, type Detector } from './detector';
import { mailDomain, sshAlgorithmDomain } from './principal';
import { isPlaceholderValue } from './secret-kv';

/**
 * Session ids: whoever holds one is logged in, so a session id is a secret (a bearer credential) wherever a line shows
 * it. Found by the convention, whatever the product: a generated value (8+ characters: random letters and digits, hex,
 * base64, a UUID) under a key named for a session or its id (`session=`, `"sid":`, `sessionId`, `session_uid:`, `lsid=`,
 * `JSESSIONID=`, `SessionIndex=`, `session id=`, an encoded `session%3D…`, Dovecot's `session=<…>`), and after the word
 * session in a line that reports a login, a user or an account (`Session 011b… started for user NAME`, `(session sid
 * …)`, `Invalidating session _5e3f… for principal NAME`). Not a number (a counter, ZooKeeper's `0x…`), a word, a word
 * and a number (`SUB-258694`, `cyrus-22890-1765013311-1`), a masked value, a Windows SID, a vendor's record id under a
 * `Sid` key (two capitals and hex), another property of a session (`session_state`, `SessionName`), and in prose the
 * session of a protocol, a job or a transfer (`TLS session id`, `accounting session`, `backup job … session …`).
 */

// Every key and mention holds one of these (the keyword pass runs the part only there).
const keyWords = ['sess', 'sid'];
const mention = /sess|sid/gi;

// The key's last word names a session or its id: glued too (`JSESSIONID`, `PHPSESSID`, `MoodleSession`, `lsid`).
const sessionWord = /^(?:[a-z]*sess(?:ion)?(?:id)?|l?sid)$/;
/** A word after a session word that names its id (`session_id`, `sessionUid`, SAML's `SessionIndex`). */
const idWord = /^(?:id|uid|guid|index|ident|identifier)$/;
const sessionOnly = /^[a-z]*sess(?:ion)?$/;

function isJoiner(code: number): boolean {
  return code === 95 || code === 46 || code === 45 || code === 32;
}

/** Where the word of `key` that ends at `end` starts: after `_`, `.`, `-` or a blank, or at a capital that follows a
 * small letter or a digit (`sessionIndex`). Read by character code: it runs at every `sid` and `sess` of a line. */
function wordStart(key: string, end: number): number {
  let i = end;
  while (i > 0 && !isJoiner(key.charCodeAt(i - 1))) {
    const code = key.charCodeAt(i - 1);
    const before = i > 1 ? key.charCodeAt(i - 2) : 0;
    i--;
    if (code >= 65 && code <= 90 && ((before >= 97 && before <= 122) || (before >= 48 && before <= 57))) break;
  }
  return i;
}

/** True when a key names a session or its id (`sid`, `session_id`, `SessionIndex`, `connect.sid`), not another
 * property of one (`session_state`, `SessionName`, `session_ip`). */
function isSessionIdKey(key: string): boolean {
  const lastStart = wordStart(key, key.length);
  const last = key.slice(lastStart).toLowerCase();
  if (sessionWord.test(last)) return true;
  if (!idWord.test(last)) return false;
  let beforeEnd = lastStart;
  while (beforeEnd > 0 && isJoiner(key.charCodeAt(beforeEnd - 1))) beforeEnd--;
  return beforeEnd > 0 && sessionOnly.test(key.slice(wordStart(key, beforeEnd), beforeEnd).toLowerCase());
}

const uuid = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

/** A part of a value that a generator made: 4+ characters mixing letters and digits (`9f0e`, `Nq7bT2x`), or 8+ letters
 * in both cases, a fifth or more of each (`uFzQaHaywi`; not camelCase words: `SessionManager`). */
function generatedPart(part: string): boolean {
  if (part.length < 4) return false;
  const digits = part.replace(/\D+/g, '').length;
  if (digits > 0) return digits < part.length && /[A-Za-z]/.test(part);
  const capitals = part.replace(/[^A-Z]/g, '').length;
  return part.length >= 8 && capitals * 5 >= part.length && (part.length - capitals) * 5 >= part.length;
}

/** True when a value looks generated: a UUID, or a part (between `-_.:*` and the like) that a generator made, and no
 * number, date, URL, path, host name, Windows SID or placeholder. */
function isGeneratedSessionValue(value: string): boolean {
  if (value.length < 8 || value.length > 256) return false;
  if (uuid.test(value)) return true;
  // A number, a date, a Windows SID, a path; a dotted host or file name (`node-3.cluster.local`, `sess_42.lua`).
  if (/^(?:\d+|0x[0-9a-f]+|S-1-\d.*|\d{4}-\d\d-\d\d.*|[~.]{0,2}\/.*|[a-z][\w+.-]*:\/\/.*|.*\.[a-z]{2,6})$/i.test(value))
    return false;
  if (!value.split(/[-_.:*~+/=!]+/).some(generatedPart)) return false;
  return !isPlaceholderValue(value);
}

/** A vendor's record id under a `…Sid` key: two capitals, then hex (`AC…`, `SM…`, `MG…`). */
const vendorSid = /^[A-Z]{2}[0-9a-f]{16,}$/;

// The value: letters, digits and the characters of base64, base64url and generated ids (Iron's `Fe26.2**…`, a `-0:0`
// suffix, express-session's signed `s:` prefix, URL-encoded in a cookie: `s%3A…`); `=` only as padding.
const valueAt = /[A-Za-z0-9+/_.!~*-]+(?:(?::|%3[Aa])[A-Za-z0-9+/_.!~*-]+)*={0,2}/y;
/** What may follow a value: its end, a blank, a closing quote or bracket, a separator of the next pair or item. */
const valueEnd = /^(?:$|[\s"'\\)\]}>,;&|%])/;

/** A line that reports a login, a user or an account (`for user`, `userName=`, `logged in`, `for principal`), or names
 * the user by an email address (`started by NAME@example.org … session …`, an encoded `NAME%40example.com`): the
 * address by the email detector's domain (principal.ts' mailDomain), not an SSH algorithm's name (RFC 4251 §6:
 * `curve25519-sha256@libssh.org`, which the email detector leaves too). The word `email` alone names no user. */
const loginLine = new RegExp(
  String.raw`(?<![A-Za-z])(?:user(?:name|id)?s?(?!-agent)|log(?:ged|ging)?[ _-]?(?:in|on|out|off)|login|logon|accounts?|principal|authenticat(?:ed|ion)|sign(?:ed)?[ _-]?(?:in|on))(?![A-Za-z])|[\w.+-](?:@|%40)(?!${sshAlgorithmDomain}(?![\w.-]))${mailDomain}(?![\w.-])`,
  'i',
);
/** The session of a protocol or a transfer, named by the word before it (`TLS session`, `smtp session`,
 * `accounting session`). */
const otherSession =
  /(?:^|[^A-Za-z])(?:tls|ssl|dtls|ssh|sftp|ftp|smtp|lmtp|rdp|vnc|ike|ipsec|isakmp|bgp|bfd|sip|rtp|rtsp|tcp|udp|nat|ussd|accounting|backup|transfer|replication|sync)\W{0,3}$/i;
/** A job named before the session in the line (`backup job "nightly" … session`): the job's session. */
const jobWord = /(?<![A-Za-z])jobs?(?![A-Za-z])/i;
const spacedId = /^session id\b/i;

/** Where the value after a key ends its separator (`=`, `:`, `=>`, an encoded `%3D`, blanks and an opening quote or
 * bracket), or -1 when no separator follows. */
function separatorEnd(text: string, at: number): number {
  let i = at;
  if (text[i] === '\\' && (text[i + 1] === '"' || text[i + 1] === "'")) i += 2;
  else if (text[i] === '"' || text[i] === "'") i++;
  if (text[i] === ']') i++;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text.startsWith('=>', i)) i += 2;
  else if (text[i] === '=' || text[i] === ':') i++;
  else if (text[i] === '%' && text[i + 1] === '3' && (text[i + 2] === 'D' || text[i + 2] === 'd')) i += 3;
  else return -1;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text[i] === '\\' && (text[i + 1] === '"' || text[i + 1] === "'")) i += 2;
  else if (text[i] === '"' || text[i] === "'") i++;
  if (text[i] === '<' || text[i] === '{' || text[i] === '[') i++;
  return i;
}

/** The generated value at `at`, [start, end), or undefined. */
function valueFrom(text: string, at: number): [number, number] | undefined {
  valueAt.lastIndex = at;
  const m = valueAt.exec(text);
  if (m === null) return undefined;
  let end = at + m[0].length;
  // A sentence's full stop.
  if (text[end - 1] === '.') end--;
  if (text[end] !== '.' && !valueEnd.test(text.slice(end, end + 1))) {
    // A `:` that starts the next `key=` of a `:`-joined record ends the value (DSpace's `session_id=HEX:ip_addr=…`,
    // `…:ip=…`).
    const nextPair = /:[a-z][a-z_]*=$/i.exec(m[0]);
    if (nextPair === null) return undefined;
    end = at + nextPair.index;
  }
  if (end - at < 8) return undefined;
  const value = text.slice(at, end);
  return isGeneratedSessionValue(value) ? [at, end] : undefined;
}

/** After the word session in prose: an optional `id`/`sid` word, blanks or a bracket, then the value. */
const proseValueStart = /\s*\[|\s+(?:s?id:?\s+)?["'<(]?/iy;

/** What prose needs of a whole line, read once a line and only when a value in prose asks. */
interface LineContext {
  aboutLogin?: boolean;
  /** Where the first job word stands, or the text's length. */
  jobAt?: number;
}

function findIn(text: string, out: Candidate[]): void {
  const line: LineContext = {};
  mention.lastIndex = 0;
  for (let m = mention.exec(text); m !== null; m = mention.exec(text)) {
    let start = m.index;
    while (start > 0 && isKeyCharacter(text.charCodeAt(start - 1))) start--;
    // A JSON-escaped tab or line break before the key (`\tsession=`) is no part of it.
    if (start > 0 && text[start - 1] === '\\' && /[ntr]/.test(text[start] as string)) start++;
    let end = m.index + m[0].length;
    while (end < text.length && isKeyCharacter(text.charCodeAt(end))) end++;
    mention.lastIndex = end;
    const key = text.slice(start, end);
    // `session id=…`, `session ID: …`: the name written with a space.
    const spaced = end - start === 7 && text.charCodeAt(end) === 32 && spacedId.test(text.slice(start, end + 4));
    const keyEnd = spaced ? end + 3 : end;
    if (spaced || isSessionIdKey(key)) {
      const valueStart = separatorEnd(text, keyEnd);
      if (valueStart >= 0) {
        const found = valueFrom(text, valueStart);
        if (found === undefined) continue;
        const value = text.slice(found[0], found[1]);
        if (/sid$/i.test(key) && vendorSid.test(value)) continue;
        out.push(candidate('secret_kv', found[0], found[1], start, found[1]));
        continue;
      }
    }
    // Prose: a word that starts with session (`session`, `SessionStore`), not a key's inner part (`MaxSessions`,
    // `DM_SESSION_START`) nor a value (`mod=session`).
    if (!/^session/i.test(key) || /[=:]\s*$/.test(text.slice(Math.max(0, start - 2), start))) continue;
    if (otherSession.test(text.slice(Math.max(0, start - 16), start))) continue;
    // Any generated value names a session in a line about a login (a job's session is the job's); a long one right
    // after the word, in any line.
    let found = key.length === 7 ? proseValue(text, end) : undefined;
    if (found !== undefined) {
      line.jobAt ??= jobWord.exec(text)?.index ?? text.length;
      line.aboutLogin ??= loginLine.test(text);
      if (line.jobAt < start || !line.aboutLogin) found = undefined;
    }
    found ??= longGeneratedValue(text, end);
    if (found !== undefined) out.push(candidate('secret_kv', found[0], found[1], start, found[1]));
  }
}

/** The value after the word session: an optional `id`/`sid` word, blanks or a bracket, then a generated value. */
function proseValue(text: string, end: number): [number, number] | undefined {
  proseValueStart.lastIndex = end;
  const lead = proseValueStart.exec(text);
  return lead === null ? undefined : valueFrom(text, end + lead[0].length);
}

/** After a session word, maybe a `:` and a quote: 20-64 small letters and digits, not a word or a number. */
const longValueAt = /\s*:?\s*["']?([a-z0-9]{20,64})(?![\w.-])/dy;

function longGeneratedValue(text: string, end: number): [number, number] | undefined {
  longValueAt.lastIndex = end;
  const m = longValueAt.exec(text);
  return m !== null && longGenerated(m[1] as string)
    ? ((m.indices as RegExpIndicesArray)[1] as [number, number])
    : undefined;
}

/** 20-64 small letters and digits (longValueAt's), 4+ of each and neither in a run of 8: a generator's, whatever the
 * line is about (`coupon rejected for session 4e07…: expired`). */
function longGenerated(value: string): boolean {
  return (
    (value.match(/\d/g)?.length ?? 0) >= 4 && (value.match(/[a-z]/g)?.length ?? 0) >= 4 && !/[a-z]{8}|\d{8}/.test(value)
  );
}

export function createSessionIdDetector(): Detector {
  return {
    type: 'secret_kv',
    keywordGroups: [keyWords],
    mayMatch: (text) => {
      mention.lastIndex = 0;
      return mention.test(text);
    },
    find(text: string, out: Candidate[]): void {
      findIn(text, out);
    },
    normalize: keepAsIs,
  };
}

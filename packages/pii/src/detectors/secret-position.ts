import { entropyPerChar } from '../checksums/entropy';
import { afterAnyBut, blanks } from '../keyword-scan';
import { anyOf, candidate, keepAsIs, type Candidate, type Detector } from './detector';
import { isBasicCredential } from './auth-header';
import { pgpassPassword, pgpassWords } from './pgpass';
import { isSecretKey, isPlaceholderValue, isTokenOfNoCredential } from './secret-kv';
import { lineFacts, type LineFacts } from './line-facts';
import { uuid } from './token-format';
import { fileName } from './file-extension';
import { isShortSecret, shortSecretWords } from './secret-key-words';
import { isCommonWord } from './common-words';
import { isWordNotSecret } from './no-secret-here';
import { argumentValue as value } from './user-name';

// Measured on the tuning corpora (README): the 44 labeled values of 8+ characters after a secret word score
// 3.18-5.2 bits per character; prose after one ("authentication" 3.04, "registry-creds" 3.18) is kept out by the
// shape rule (a digit or mixed case), UUIDs (3.5-3.9) and hashes by the near-miss guard.
const minEntropy = 3;

/** A value that is an identifier of something else, not a credential: a UUID, a hash or trace id, a number, a version. */
const notACredential =
  /^(?:HTTP\/[\d.]+.*|(?:arn|urn):.*|(?:\.{1,2}|~)\/\S*|\/[\w.-]+\/[\w./-]*|[A-Za-z][\w.-]*\\[\w.$-]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16}|[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|\d+|v?\d+(?:\.\d+)+[\w.-]*)$/i;

/** Words that follow a flag's name in prose about it, not a value given to it. */
const proseAfterFlag = new Set([
  'with',
  'via',
  'and',
  'or',
  'is',
  'was',
  'the',
  'a',
  'an',
  'in',
  'on',
  'of',
  'for',
  'from',
  'to',
  'option',
  'flag',
  'instead',
  'required',
  'optional',
  'must',
  'not',
]);

function randomLooking(text: string): boolean {
  return (
    text.length >= 8 &&
    !notACredential.test(text) &&
    !fileName.test(text) &&
    (/\d/.test(text) || /[a-z].*[A-Z]/.test(text)) &&
    entropyPerChar(text) >= minEntropy
  );
}

/** After a password word itself (`password 9893adfz!`): letters and digits, 6+ characters, not an id or a mask. */
function passwordArgument(text: string): boolean {
  return (
    text.length >= 6 &&
    /[A-Za-z]/.test(text) &&
    /\d/.test(text) &&
    !/\*\*|@/.test(text) &&
    !notACredential.test(text) &&
    !/^[\w.-]+\.[a-z]{2,}$|^\d{4}-\d\d/.test(text)
  );
}

/** A value named as a credential by its flag or key (`--session-id`, `"value"` of a session cookie): 12+ characters
 * with a letter and a digit (or 16+ random letters: Erlang's cookie), not a UUID or a path; hex is fine here (a flag
 * that says session names one). */
export function namedCredential(text: string): boolean {
  return (
    text.length >= 12 &&
    /[A-Za-z]/.test(text) &&
    (/\d/.test(text) || (text.length >= 16 && entropyPerChar(text) >= 3.5)) &&
    !/^[0-9a-f]{8}-[0-9a-f]{4}-|^[~./]/i.test(text)
  );
}

const wholeUuid = new RegExp(`^${uuid}$`, 'i');

/** The name a secret is stored under (a Kubernetes secret, a Podman or libvirt secret): small letters and digits in
 * parts joined by `-`, `_` or `.`, one a common word (`loki-s3-credentials`, `deploy_key`), as names are made. */
function secretObjectName(value: string): boolean {
  return (
    /^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+$/.test(value) &&
    value.split(/[-_.]/).some((part) => part.length >= 4 && isCommonWord(part))
  );
}

/** The password of a `login:password` pair or a login's entry in a map of users: 4+ characters, not a number, a
 * common word (a role: `alice:admin`), a placeholder or a phrase. */
function pairedPassword(text: string): boolean {
  return text.length >= 4 && !/^\d+$|\s/.test(text) && !isCommonWord(text) && !isPlaceholderValue(text);
}

/** `(... --token=abc)`: a closing bracket with no opening one in the value closes what the value sits in. */
function withoutUnbalancedClose(value: string): string {
  let out = value;
  for (const [open, close] of ['()', '[]', '{}'] as const) {
    while (out.endsWith(close) && out.split(close).length > out.split(open).length) out = out.slice(0, -1);
  }
  return out;
}

function pushValue(out: Candidate[], m: RegExpExecArray, claimStart = m.index): void {
  const quotedValue = m[m.length - 3] ?? m[m.length - 2];
  const found = quotedValue ?? withoutUnbalancedClose(m[m.length - 1] ?? '');
  if (found === '' || isPlaceholderValue(found)) return;
  const start =
    quotedValue === undefined
      ? m.index + m[0].length - (m[m.length - 1] as string).length
      : m.index + m[0].length - 1 - found.length;
  out.push(candidate('secret_kv', start, start + found.length, claimStart, m.index + m[0].length));
}

/** Every match of pattern whose first group, ending the match, is the secret (`curl -u user:x`, a .pgpass line). */
function pushTrailingSecrets(out: Candidate[], pattern: RegExp, text: string): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const secret = m[1] as string;
    if (isPlaceholderValue(secret)) continue;
    const matchEnd = m.index + m[0].length;
    out.push(candidate('secret_kv', matchEnd - secret.length, matchEnd, m.index, matchEnd));
  }
}

/**
 * `-u user:password`: the password; with no password or the dummy `X`, an API key given as the user (`-u KEY:`,
 * `-u KEY:X`). Not a host and port (`-u 10.9.0.45:8001`) or a list of names (`-u allow:ana,bo`).
 */
function pushUserPassword(out: Candidate[], pattern: RegExp, text: string): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const user = m[2] as string;
    const password = m[3] as string;
    const matchEnd = m.index + m[0].length;
    if (password === '' || password === 'X' || password === 'x') {
      if (user.length < 16 || !randomLooking(user)) continue;
      const userStart = m.index + m[0].indexOf(user);
      out.push(candidate('secret_kv', userStart, userStart + user.length, m.index, matchEnd));
    } else if (
      // (A port, maybe with a list of options after it: `-a localhost:8443,PROXY` is varnishd's listen address.)
      !/^\d+(?:$|,)|^[a-z]+(?:,[a-z]+)+$/.test(password) &&
      !isPlaceholderValue(password) &&
      !isWordNotSecret(text, matchEnd - password.length, matchEnd)
    ) {
      out.push(candidate('secret_kv', matchEnd - password.length, matchEnd, m.index, matchEnd));
    }
  }
}

/** Every match of pattern whose last group, a quoted literal, is the secret when `accept` takes the match. */
function pushLastLiteral(
  out: Candidate[],
  pattern: RegExp,
  text: string,
  accept: (m: RegExpExecArray) => boolean,
): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const secret = m[m.length - 1] as string;
    if (isPlaceholderValue(secret) || !accept(m)) continue;
    const start = m.index + m[0].lastIndexOf(secret);
    out.push(candidate('secret_kv', start, start + secret.length, m.index, m.index + m[0].length));
  }
}

/**
 * Secrets known by where they stand rather than by a `key=value` shape: the argument of a long password flag
 * (`--password x`, `--api-key x`, `curl -u user:x`; short flags of login commands are in cli-credentials), SQL
 * `PASSWORD 'x'` / `IDENTIFIED BY 'x'`, an XML element named like a secret (name/value pairs: name-value-pair.ts),
 * `.netrc` passwords, string literals passed to `login(...)`-like calls, and a random-looking value written
 * after a secret word in prose (`api key 8fJ2...`).
 */
export function createSecretPositionDetector(): Detector {
  // Starts on the `-` and checks the boundary behind it: a leading lookbehind makes the engine try every position.
  const longFlag = new RegExp(
    `-(?<=(?<![\\w-])-)-?([\\w-]*(?:password|passwd|passphrase|token|secret|api-?key|access-key|auth-key|pass))(?:[ \\t]+|=)${value}`,
    'gi',
  );
  // `-u user:password`, `-u 'user':'password'`, `heritrix -a admin:password` (`-u 'https://…'` is a URL given to `-u`,
  // not `user:password`). The flag starts a line or follows any non-word character, as in the user rule that takes the
  // login: a flag that rule reads and this one did not left `-u <USER>:password`.
  const curlUser =
    /(?<![\w-])(?:-u|--user|-a)(?:=|\s+)(["']?)(?![A-Za-z][\w+.-]*:\/\/)([^\s:"']+)(?:\1(?=:))?:["']?([^\s"']*)/g;
  // The value in single or (Oracle) double quotes, maybe backslash-escaped inside a logged SQL string (`BY \\'x\\'`).
  // Oracle's `IDENTIFIED BY VALUES '…'`: the stored password hash (it copies the account elsewhere and can be cracked).
  // (`\b` before the word's first letter is `(?<!\w)`: the engine tries it faster than a look-behind at every position.)
  const sql = new RegExp(
    `\\b(?<!['"])(?:PASSWORD|IDENTIFIED\\s+(?:WITH\\s+\\w+\\s+)?BY)(?:\\s*=\\s*|\\s+|(?=\\())(?:PASSWORD\\s*|VALUES\\s+)?\\(?\\s*(?:N(?='))?(?:\\\\?'((?:[^'\\\\\\n]|\\\\(?!'))*)\\\\?'|"([^"\\n]*)")`,
    'gi',
  );
  const xmlElement = /<([A-Za-z][\w:.-]*)(?:\s[^<>]*)?>([^<>\n]+)<\/\1>/g;
  // A setter given a key that names a secret, then its value (`conf.set("fs.azure…client.secret.acct", "…")`,
  // `setProperty("javax.net.ssl.keyStorePassword", "…")`, `put("api_key", "…")`).
  const setterCall = /\b(?:set|put)\w*\(\s*(["'])([^"'\n]+)\1\s*,\s*(["'])([^"'\n]+)\3\s*\)/gi;
  // A database connection given a DSN, a user and a password (Perl DBI, PHP PDO, ODBC, a DSN list).
  const dsnCredentials =
    /(["'])(?:dbi|mysql|pgsql|sqlite|odbc|oci|sqlsrv|jdbc):[^"'\n]*\1\s*,\s*(["'])[^"'\n]*\2\s*,\s*(["'])([^"'\n]+)\3/gi;
  // A simple bind: a DN, then the password literal (`ldap_bind($c, "cn=svc,dc=x", "…")`, Erlang's `{bind,"cn=…","…"}`).
  // (Not the next key of a JSON object: `"dn": "CN=…,DC=x", "mapped": …`.)
  const bindDn = /(["'])(?:cn|uid)=[^"'\n]*?\bdc=[^"'\n]*\1\s*,\s*(["'])([^"'\n]+)\2(?!\s*:)/gi;
  // A flag that names a session, an authentication value or credentials (`--session-id X`, `-setcookie X`,
  // `--token-auth=X`, `--cookie=DSID=X` and `--creds=robot:X`: the part after the name).
  const sessionFlag =
    /-(?<=(?<![\w-])-)-?[\w-]*(?:auth|cookie|session-?id|creds|credentials)(?:[ \t]+|=)["']?([\w.+@-]+[=:])?([^\s"'&;,]+)/gi;
  // A key naming users whose value pairs a login with its password: `users=NAME::PASS` (CAS), `ezproxy.usr: NAME:PASS`,
  // `"RegisteredUsers" : { "NAME" : "PASS", … }`.
  const usersKey =
    /(?<![\w-])[\w.-]*(?:users|usr|logins)\\?["']?\s*(?:=>|[:=])\s*(?:\{([^{}\n]*)\}|([\w.@-]+)::?([^\s"',;:/]+)(?![^\s,;]))/gi;
  const loginPair = /"([^"\n]+)"\s*:\s*"([^"\n]*)"/g;
  // A UUID is an id, except right after a word that names a credential: `connection token UUID`, `session id <UUID>`,
  // `code = UUID` (an authorization code), `api-key|UUID` (a field naming the key before it). (It starts on the UUID's first
  // `-` and looks back: the engine skips from dash to dash.)
  const credentialUuid =
    /-(?<=(?:token|api[-_ ]?key|session[-_ ]?id|(?<![a-z])code)(?:\s*[=:]\s*|\s+|\|)<?[0-9a-f]{8}-)[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![\w-])/gi;
  const netrc = new RegExp(`\\bmachine\\s+\\S+(?:\\s+(?:login|account)\\s+\\S+)*\\s+password\\s+${value}`, 'g');
  // `smtp.login(`, `HTTPBasicAuth(`, `signIn(`, `auth=(`: the call's name ends in one of these words.
  const loginCall = new RegExp(
    `(?:login|auth(?:enticate)?|sign_?in)\\s*(?:=\\s*)?\\(\\s*(?:(?:"[^"\\n]*"|'[^'\\n]*')\\s*,\\s*){1,2}?${value}(?=\\s*\\))`,
    'gi',
  );
  const afterWord = new RegExp(
    `\\b(?:password|passwd|passphrase|secret|token|api[ _-]?key|access[ _-]?key|auth[ _-]?key|credentials?|requirepass|masterauth)(?:\\s+(?:is|was|set\\s+to|to|of|=|:))?\\s+${value}`,
    'gi',
  );
  // The XML rules need a secret word anywhere in the text besides their own shape. It is looked for only where they can
  // run (a closing tag; `value=`): as a keyword group it ran this part on every line with `key` or `token` in it.
  const secretWordIn = anyOf(['pass', 'token', 'secret', 'key', 'credential', 'masterauth']);
  // The words of short secrets (`<PortPIN>`, `<ConfirmationCode>`): XML elements only, in a group of their own.
  const shortSecretElements = [...shortSecretWords, 'pin1', 'pin2', 'puk1', 'puk2', 'cvv2', 'cvc2', 'code'].map(
    (word) => `${word}>`,
  );
  // What longFlag and afterWord each need right after their word (a blank or `=`; whitespace), so that neither runs on
  // the many lines where a secret word is only part of a longer word or of a key.
  const flagWords = [
    'password',
    'passwd',
    'passphrase',
    'token',
    'secret',
    'apikey',
    'api-key',
    'access-key',
    'auth-key',
    'pass',
  ];
  const flagGate = flagWords.flatMap((w) => [`${w} `, `${w}\t`, `${w}=`]);
  const proseWords = [
    'password',
    'passwd',
    'passphrase',
    'secret',
    'token',
    'credential',
    'credentials',
    'requirepass',
    'masterauth',
  ];
  const keyWords = ['api', 'access', 'auth'].flatMap((w) => ['', ' ', '_', '-'].map((sep) => `${w}${sep}key`));
  const proseGate = [...proseWords, ...keyWords].flatMap((w) => blanks.map((b) => `${w}${b}`));
  const loginCallWords = [
    'login(',
    'login (',
    'auth(',
    'auth (',
    'auth=(',
    'auth = (',
    'authenticate(',
    'signin(',
    'sign_in(',
    'basicauth(',
  ];
  // Which rules a text can feed, found in one pass: secret words, password flags, -u user:pass, SQL, .netrc, calls.
  // Docker's config.json `"auth": "<base64 user:pass>"`, npm's `_auth=<base64>`: a key named auth holding a Basic credential.
  const basicAuth = /(?<![\w-])_?auth\\?["']?\s*[:=]\s*\\?["']?([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/gi;
  const pgpass = pgpassPassword();
  const ruleWords = [
    ['</'],
    ['-u', '--user', '-a'].flatMap((flag) => afterAnyBut(/[\w-]/, flag)),
    [...blanks, '=', '('].map((next) => `password${next}`).concat(blanks.map((blank) => `identified${blank}`)),
    ['machine'],
    loginCallWords,
    [...blanks, '\\', '"', "'", ':', '='].map((next) => `auth${next}`),
    pgpassWords,
    ['set(', 'put(', 'property(', 'setenv('],
    ['dbi:', 'mysql:', 'pgsql:', 'sqlite:', 'odbc:', 'oci:', 'sqlsrv:', 'jdbc:'],
    ['-auth', 'cookie', '-session', '-cred'],
    ['dc='],
    flagGate,
    proseGate,
    ['users', 'usr', 'logins'].flatMap((word) => [':', '=', ' :', ' =', '"', "'"].map((next) => `${word}${next}`)),
    shortSecretElements,
    ['token', 'api-key', 'api key', 'api_key', 'session id', 'session-id', 'session_id', 'code'],
  ];
  const [closingTag, userFlag, sqlWord, netrcWord, call, authKey, pgpassWord] = [1, 2, 4, 8, 16, 32, 64];
  const [setterWord, dsnWord, sessionFlagWord, bindWord, flagWord, proseWord, usersWord] = [
    128, 256, 512, 1024, 2048, 4096, 8192,
  ];
  const [shortSecretElement, uuidWord] = [16384, 32768];
  const hintWords = [...new Set(ruleWords.flat())];
  const hint = anyOf(hintWords);
  return {
    type: 'secret_kv',
    keywordGroups: ruleWords,
    mayMatch: (text) => hint.test(text),
    find(text: string, out: Candidate[], rules = -1): void {
      // What the checks read of the whole line, read once for it (see line-facts.ts).
      let facts: LineFacts | undefined;
      // (With no groups given, every word counts as seen.)
      const secretWordSeen = (): boolean => rules === -1 || secretWordIn.test(text);
      // (longFlag starts on a `-` that no word character or `-` precedes: a line without one fails at once.)
      if ((rules & flagWord) !== 0) {
        longFlag.lastIndex = 0;
        for (let m = longFlag.exec(text); m !== null; m = longFlag.exec(text)) {
          const found = m[2] ?? m[3] ?? (m[4] as string);
          // `-passin env:VAR` / `file:path` name where the secret is; `pass:x` and `[USER:]password:x` (which says the
          // rest is the password) are read by the key rules; `# …` after a blank starts a shell comment; a SAS query
          // string's signature is the token detector's; `id=x,src=…` is a list of pairs, each read on its own.
          if (
            /^[-$#]|^(?:env|file|fd|pass):|^(?:[\w.-]+:)?password:|^stdin$|(?:^|&)sig=|^[A-Za-z_][\w.-]*=[^=]/.test(
              found,
            )
          )
            continue;
          // `Using --password via the CLI is insecure`, `--api-key required,`: prose about the flag.
          if (m[4] !== undefined && proseAfterFlag.has(found.toLowerCase().replace(/[,.;:]$/, ''))) continue;
          // `--secret <uuid>`, `--showsecret deploy_key`: a stored secret's id or name, given to a secret store's CLI.
          if (/^(?:show)?secrets?$/i.test(m[1] as string) && (wholeUuid.test(found) || secretObjectName(found)))
            continue;
          pushValue(out, m);
        }
      }
      if (rules & userFlag) pushUserPassword(out, curlUser, text);
      if (rules & sqlWord) {
        sql.lastIndex = 0;
        for (let m = sql.exec(text); m !== null; m = sql.exec(text)) {
          const secret = m[1] ?? (m[2] as string);
          // `index identified by "1"` in a database's message: a count or name, not a password.
          if (secret === '' || /^\d{1,3}$/.test(secret) || isPlaceholderValue(secret)) continue;
          const matchEnd = m.index + m[0].length;
          const closing = m[0].endsWith("\\'") ? 2 : 1;
          out.push(candidate('secret_kv', matchEnd - closing - secret.length, matchEnd - closing, m.index, matchEnd));
        }
      }
      if (
        (rules & closingTag) !== 0 &&
        text.includes('</') &&
        ((rules & shortSecretElement) !== 0 || secretWordSeen())
      ) {
        xmlElement.lastIndex = 0;
        for (let m = xmlElement.exec(text); m !== null; m = xmlElement.exec(text)) {
          const name = (m[1] as string).replace(/^.*:/, '');
          const content = (m[2] as string).trim();
          if (content === '' || isPlaceholderValue(content)) continue;
          // `<PortPIN>616677</PortPIN>`: a short secret needs its shape; other secret names take any content.
          if (!isSecretKey(name) && !isShortSecret(name, content)) continue;
          const contentStart = m.index + m[0].indexOf('>') + 1 + (m[2] as string).indexOf(content);
          out.push(candidate('secret_kv', contentStart, contentStart + content.length, m.index, m.index + m[0].length));
        }
      }
      if (rules & netrcWord) {
        netrc.lastIndex = 0;
        for (let m = netrc.exec(text); m !== null; m = netrc.exec(text)) pushValue(out, m);
      }
      if (rules & call) {
        loginCall.lastIndex = 0;
        for (let m = loginCall.exec(text); m !== null; m = loginCall.exec(text)) pushValue(out, m);
      }
      if (rules & authKey) {
        basicAuth.lastIndex = 0;
        for (let m = basicAuth.exec(text); m !== null; m = basicAuth.exec(text)) {
          const credential = m[1] as string;
          // Base64 of user:password, or an API session token (Zabbix's `"auth":"128a798a..."`).
          if (
            !isBasicCredential(credential) &&
            !(credential.length >= 16 && /\d/.test(credential) && entropyPerChar(credential) >= minEntropy)
          )
            continue;
          const matchEnd = m.index + m[0].length;
          out.push(candidate('secret_kv', matchEnd - credential.length, matchEnd, m.index, matchEnd));
        }
      }
      if (rules & pgpassWord) pushTrailingSecrets(out, pgpass, text);
      if (rules & setterWord)
        pushLastLiteral(out, setterCall, text, (m) => (m[2] as string).split(/[.:/]/).some(isSecretKey));
      if (rules & dsnWord) pushLastLiteral(out, dsnCredentials, text, () => true);
      if (rules & bindWord) pushLastLiteral(out, bindDn, text, () => true);
      if (rules & sessionFlagWord) {
        sessionFlag.lastIndex = 0;
        for (let m = sessionFlag.exec(text); m !== null; m = sessionFlag.exec(text)) {
          const secret = m[2] as string;
          // After a login and `:` (`-auth NAME:PASS`), a password may be plainer than a generated credential.
          const paired = m[1]?.endsWith(':') === true && pairedPassword(secret);
          if ((!paired && !namedCredential(secret)) || isPlaceholderValue(secret)) continue;
          const matchEnd = m.index + m[0].length;
          out.push(candidate('secret_kv', matchEnd - secret.length, matchEnd, m.index, matchEnd));
        }
      }
      if (rules & uuidWord) {
        credentialUuid.lastIndex = 0;
        for (let m = credentialUuid.exec(text); m !== null; m = credentialUuid.exec(text)) {
          const key = text.slice(Math.max(0, m.index - 40), m.index - 8).replace(/\W+$/, '');
          if (!isTokenOfNoCredential((facts ??= lineFacts(text)), key, ''))
            out.push(candidate('secret_kv', m.index - 8, m.index + m[0].length));
        }
      }
      if (rules & usersWord) {
        usersKey.lastIndex = 0;
        for (let m = usersKey.exec(text); m !== null; m = usersKey.exec(text)) {
          const matchEnd = m.index + m[0].length;
          if (m[1] === undefined) {
            const secret = m[3] as string;
            if (pairedPassword(secret))
              out.push(candidate('secret_kv', matchEnd - secret.length, matchEnd, m.index, matchEnd));
            continue;
          }
          const mapStart = matchEnd - 1 - m[1].length;
          loginPair.lastIndex = 0;
          for (let p = loginPair.exec(m[1]); p !== null; p = loginPair.exec(m[1])) {
            const secret = p[2] as string;
            if (!pairedPassword(secret)) continue;
            const end = mapStart + p.index + p[0].length - 1;
            out.push(candidate('secret_kv', end - secret.length, end, m.index, matchEnd));
          }
        }
      }
      if ((rules & proseWord) === 0) return;
      afterWord.lastIndex = 0;
      for (let m = afterWord.exec(text); m !== null; m = afterWord.exec(text)) {
        const raw = m[1] ?? m[2] ?? (m[3] as string);
        // `token [eyJ...]`: the brackets wrap the value, they are not part of it.
        const found = raw.startsWith('[') ? raw.slice(1) : raw;
        const trimmed = found.replace(/[.,;:)\]]+$/, '');
        // `token version=22`: the next key/value pair, not a value. Right after a password word a password may be
        // plainer (`password 9893adfz!`); a compound name (`X-Auth-Token 30df…`) may hold hex.
        const word = m[0].slice(0, m[0].search(/[\s=:]/)).toLowerCase();
        const passwordWord = /^pass(?:w(?:or)?d|phrase)$/.test(word);
        const compound = /[-_]$/.test(text.charAt(m.index - 1)) && /^[0-9a-f]{32,64}$/i.test(trimmed);
        if (!(randomLooking(trimmed) || (passwordWord && passwordArgument(trimmed)) || compound)) continue;
        // (Nor a SigV4 credential scope, `credential AKIA…/20260213/us-east-1/s3/aws4_request`: the key id and where.)
        if (/^[\w.-]+=|^(?:[\w.-]+:)?password:|aws4_request$/.test(trimmed) || isPlaceholderValue(trimmed)) continue;
        // `secret "loki-s3-credentials" not found`: a stored secret's name, not its value.
        if (/^secrets?$/.test(word) && secretObjectName(trimmed)) continue;
        // `card token tok_…`, `page token …`: a token that stands for a card or a place in a list.
        if (
          word === 'token' &&
          isTokenOfNoCredential(
            (facts ??= lineFacts(text)),
            text.slice(Math.max(0, m.index - 16), m.index + 5).replace(/\s+/g, '_'),
            trimmed,
          )
        )
          continue;
        const at = m.index + m[0].length - found.length - (m[3] === undefined ? 1 : 0);
        out.push(candidate('secret_kv', at, at + trimmed.length, m.index, at + trimmed.length));
      }
    },
    normalize: keepAsIs,
  };
}

import { candidate, keepAsIs, type Candidate, type Detector } from './detector';
import { isPlaceholderValue } from './secret-kv';

/**
 * URLs carrying `user:password@` (or `user:token@`). Scheme, host and path are kept and only the userinfo is
 * replaced: `postgres://<URL_CREDENTIALS>@db:5432/app`. The userinfo runs to the last `@` before the host, so an
 * unencoded `@` in a password is covered. A user without a password (`ssh://git@host`) is left alone;
 * a password without a user (`redis://:pass@host`) is not. An unencoded `?` or `#` in a password stays in it
 * (`u:Ivory2209?@host`) when an `@` follows it before any `=`, `&` or `/` (a query or fragment has those); a reference where the password goes
 * (`${DB_PASSWORD}`, `$PASS`) is no credential. Also Go's MySQL driver DSN, which has no scheme:
 * `user:password@tcp(host:3306)/db`, `user:password@(host)/db`, `user:password@unix(/run/mysqld.sock)/db`, and an
 * authority without a scheme (RFC 3986's `userinfo@host:port`, as proxy flags, scp/rsync and export targets write
 * it): `user:password@host:5439/db`, `user:password@host:/path`, when a port or a path says the host is a server's.
 */
/** Documentation's stand-in for a URL's credentials (`postgresql://user:password@localhost/db` in a `.env.example`). */
const exampleUserinfo = /^(?:user(?:name)?|login):(?:password|passw(?:or)?d|pass|secret)$/i;

export function createUrlCredentialsDetector(): Detector {
  // Led by `://`, the scheme read behind it (the engine finds `://` fast; a scheme tried at every position of the text
  // cost five times more). A scheme is a whole run of scheme characters, so it is the same either way.
  const pattern =
    /:\/\/(?<=(?<![\w+.-])([A-Za-z][A-Za-z0-9+.-]{0,31}):\/\/)((?:[^\s/?#"'<>\\]|[?#](?=[^\s/?#=&"'<>\\]*@))+)@([^\s/?#"'<>\\@]*)/dg;
  // The DSN's `@protocol(address)/`, led by the `@`; the userinfo is read back from it to a blank, quote or `=`.
  const dsnAddress = /@(?:tcp6?|udp6?|unix)?\([^()\s"'`]{1,255}\)\//g;
  // A schemeless authority, led by the `@`: a domain name or an IPv4, then a port or `:/` and a path.
  const serverAddress = /@(?:(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,63}|\d{1,3}(?:\.\d{1,3}){3})(?::\d{1,5}(?![\w.:])|:\/)/g;
  return {
    type: 'url_credentials',
    mayMatch: (text) => text.includes('@'),
    find(text: string, out: Candidate[]): void {
      if (text.includes(')/')) findDsnUserinfo(text, dsnAddress, out);
      findAuthorityUserinfo(text, serverAddress, out);
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        const userinfo = m[2] as string;
        const colon = userinfo.indexOf(':');
        const password = userinfo.slice(colon + 1);
        // No password, one already masked (`redis://:**@cache`) or a reference; a host and query, not userinfo.
        if (colon < 0 || password === '' || /^\*+$/.test(password) || isPlaceholderValue(password)) continue;
        // A port before a query, fragment or SQL Server's `;property=value` list (`jdbc:sqlserver://host:1433;user=…`).
        if (/[?#]/.test(userinfo.slice(0, colon)) || /^\d{1,5}[?#;]/.test(password)) continue;
        if (exampleUserinfo.test(userinfo)) continue;
        const end = m.index + m[0].length;
        const start = end - (m[3] as string).length - 1 - userinfo.length;
        const schemeStart = ((m.indices as RegExpIndicesArray)[1] as [number, number])[0];
        out.push(candidate('url_credentials', start, start + userinfo.length, schemeStart, end));
      }
    },
    normalize: keepAsIs,
  };
}

/** Where the userinfo before the `@` at `at` starts: after a blank, a quote, `=`, `,`, `;`, a bracket or `//`. */
function userinfoStart(text: string, at: number): number {
  let start = at;
  while (start > 0 && !/[\s"'`=,;<>()[\]{}]/.test(text[start - 1] as string)) start--;
  const afterScheme = text.lastIndexOf('//', at);
  return afterScheme >= start ? afterScheme + 2 : start;
}

/** URI schemes written without `//` before a `user@host` (`sip:+31…@pbx:5060`, `mailto:`): no user and password. */
const userAtHostScheme = /^(?:sips?|tel|mailto|xmpp|im|pres|h323|acct|urn)$/i;

/** A password of a schemeless authority: not a word (`sip:alice@pbx:5060`, `mailto:`), a number (`10.0.0.5:6379@16379`,
 * a time) or a stand-in. */
function isAuthorityPassword(password: string): boolean {
  return !/^(?:[a-z]+|\d+|\*+)$/.test(password) && !password.includes('/') && !isPlaceholderValue(password);
}

/** A userinfo before each match of `address` (the `@host` after it), kept when `accept` takes its user and password. */
function findUserinfo(
  text: string,
  address: RegExp,
  out: Candidate[],
  accept: (user: string, password: string, start: number) => boolean,
): void {
  address.lastIndex = 0;
  for (let m = address.exec(text); m !== null; m = address.exec(text)) {
    const start = userinfoStart(text, m.index);
    const userinfo = text.slice(start, m.index);
    const colon = userinfo.indexOf(':');
    if (colon <= 0 || !accept(userinfo.slice(0, colon), userinfo.slice(colon + 1), start)) continue;
    out.push(candidate('url_credentials', start, m.index, start, m.index + m[0].length));
  }
}

/** A schemeless authority's userinfo; after a scheme's `//` the URL pattern reads it. */
function findAuthorityUserinfo(text: string, serverAddress: RegExp, out: Candidate[]): void {
  findUserinfo(
    text,
    serverAddress,
    out,
    (user, password, start) =>
      !text.startsWith('//', start - 2) &&
      !/^\d+$/.test(user) &&
      !userAtHostScheme.test(user) &&
      isAuthorityPassword(password),
  );
}

/** A Go MySQL DSN's userinfo (`user:pass@tcp(host)/db`). */
function findDsnUserinfo(text: string, dsnAddress: RegExp, out: Candidate[]): void {
  findUserinfo(
    text,
    dsnAddress,
    out,
    (_user, password) => password !== '' && !/^\*+$/.test(password) && !isPlaceholderValue(password),
  );
}

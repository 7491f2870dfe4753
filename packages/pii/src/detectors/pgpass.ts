/**
 * A line of PostgreSQL's password file (`.pgpass`, also pgbouncer's): `host:port:database:user:password`, each field
 * maybe `*`, a `:` or `\` inside the password escaped by `\`. The line shape alone is too weak a sign (timestamps and
 * MACs have colons too), so a Postgres port, a wildcard field or the file's name must be in the text.
 */
export const pgpassWords = [':543', ':643', ':*:', 'pgpass'];

const field = '(?:\\*|[\\w.-]+)';
const port = '(?:\\d{1,5}|\\*)';
const password = '(?:\\\\[:\\\\]|[^\\s:\\\\"\'])+';
// Not inside a longer colon-separated run (a MAC, an IPv6 address): nothing but a space, a quote or the start around it.
const before = '(?<![\\w:.\\\\-])';
const after = '(?![^\\s"\'])';

/** The user field of a .pgpass line, as the last group (a user name pattern is passed in). */
export function pgpassUser(name: string): RegExp {
  return new RegExp(`${before}${field}:${port}:${field}:(${name})(?=:${password}${after})`, 'g');
}

/** The password field of a .pgpass line, as the last group. */
export function pgpassPassword(): RegExp {
  return new RegExp(`${before}${field}:${port}:${field}:${field}:(${password})${after}`, 'g');
}

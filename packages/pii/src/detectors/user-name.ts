/** A user name: starts with a letter or `_`, then letters, digits, `.`, `_`, `-`, maybe a trailing `$` (machine accounts). */
export const userName = '[A-Za-z_][\\w.-]{0,63}\\$?';

/** A name behind an optional Windows or Samba domain (`CORP\\alice`, `CORP/alice`); only the name is captured. */
export const domainUserName = `(?:[\\w.-]+(?:\\\\{1,2}|/))?(${userName})`;

/** The rest of one command up to an argument: no pipe, `;`, `&` or line break between, and at most 256 characters (the
 * longest command-to-flag stretch in the corpora and loghub is under 150); unbounded, a line repeating a command's
 * name read the rest of the line from each one. */
export const sameCommand = '\\b[^|;&\\n]{0,256}?\\s';

/** A secret given as an argument: quoted (the inside is captured) or bare up to whitespace, a quote or a shell operator;
 * an `&` glued inside it is its own (`-pTr0ub4dor&3x`), not `&&`, a blank after it or a query's next `&key=`. */
export const argumentValue = `(?:"([^"\\n]+)"|'([^'\\n]+)'|([^\\s"'<>;|&]+(?:&(?![&\\s]|[\\w.-]+=)[^\\s"'<>;|&]*)*))`;

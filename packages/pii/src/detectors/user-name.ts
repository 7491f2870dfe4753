/** A user name: starts with a letter or `_`, then letters, digits, `.`, `_`, `-`, maybe a trailing `$` (machine accounts). */
export const userName = '[A-Za-z_][\\w.-]{0,63}\\$?';

/** A name behind an optional Windows or Samba domain (`CORP\\alice`, `CORP/alice`); only the name is captured. */
export const domainUserName = `(?:[\\w.-]+(?:\\\\{1,2}|/))?(${userName})`;

/** The rest of one command up to an argument: no pipe, `;`, `&` or line break between, and at most 256 characters (the
 * longest command-to-flag stretch in the corpora and loghub is under 150); unbounded, a line repeating a command's
 * name read the rest of the line from each one. */
export const sameCommand = '\\b[^|;&\\n]{0,256}?\\s';

/** A secret given as an argument: quoted (the inside is captured) or bare up to whitespace, a quote, a backtick (a shell
 * command substitution; the end of a Markdown code span in chat) or a shell operator;
 * an `&` glued inside it is its own (`-pTr0ub4dor&3x`), not `&&`, a blank after it or a query's next `&key=`. */
export const argumentValue = `(?:"([^"\\n]+)"|'([^'\\n]+)'|([^\\s"'<>;|&\`]+(?:&(?![&\\s]|[\\w.-]+=)[^\\s"'<>;|&\`]*)*))`;

/** A login in prose: letters, digits and single inner `.`/`_`/`-` (a trailing `.` ends the sentence, not the name). */
export const proseLogin = '[A-Za-z][A-Za-z0-9]*(?:[._-][A-Za-z0-9]+){0,6}';

/** Where a login in prose ends: a blank, the end, closing punctuation (and `more`), or a `.`/`:` that ends a sentence
 * or a clause. */
const proseLoginEndBefore = (more: string) => `(?=$|[\\s,;)\\]}'"${more}]|\\\\["']|[.:](?:\\s|$))`;
export const proseLoginEnd = proseLoginEndBefore('');
/** The same in a record of `KEY=VALUE` fields, where a `|` or `&` ends one too (`|BY=csr_mlopez|`, `?by=ana&x=1`). */
export const fieldLoginEnd = proseLoginEndBefore('|&');

/** A generated id or a record's number, not a login: a letter after a digit (`ich_1Q8x4471`, a UUID), or at most three
 * letters and a number (`pt_4012`, `SR-1182`). */
export const generatedOrNumber = /\d[A-Za-z]|^[A-Za-z]{1,3}[_-]?\d+$/;

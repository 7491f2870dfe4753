import { combineDetectors, filterCandidates, type Detector } from './detector';
import { isCommonWord } from './common-words';
import { roleWords } from './person-roles';

/**
 * What no `user` rule may return, whatever found it: the words around a value or its shape say it is no account. Every
 * rule of the type passes through these, so a guard that holds across families is written once:
 * - a placeholder in angle brackets (`User=<system>`, `username=<your-rave-user>`, `user=<unset>`); a principal there
 *   (`<root@pam>`) stays;
 * - a key, not its value (`for customer_id=703221`, `"@odata.type":`, `LOGIN:attempts[5]`);
 * - a role noun before the name it introduces (`as customer NAME`, `for member NAME`, `by jockey NAME`);
 * - a record's numbered id (`participant=UK-07-018`, `employee=E286118`, `acct=BA76029583`) and a machine's name by its
 *   site-code shape (`by PREP-WS-07`, `Agent WKS-DEV-117`, `from=CHI-WH2`): capitals and digits joined by `-`;
 * - a pronoun or a query word (`owner:me`, `owner:self`, `login user where`);
 * - a vendor's fixed login, which names nobody (SparkPost's SMTP user `SMTP_Injection`, Mailgun's API user `api`).
 */

// `<word>`: a template's stand-in or a log's hidden value, made of common words (`<system>`, `<unset>`,
// `<your-rave-user>`). A login there is a name a log quotes (`user <dario.marchetti>`, IRC's `<okafory>`).
function placeholderInBrackets(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(start - 1) !== 60 || text.charCodeAt(end) !== 62) return false;
  const words = text.slice(start, end).split(/[-_ ]/);
  return /^(?:your|my)$/i.test(words[0] ?? '') || words.every((word) => word !== '' && isCommonWord(word));
}

// A value followed by `=`, `":` or `[N` is a key or a counter, not the account (`customer_id=7032`, `"@odata.type":"#…"`,
// `attempts[5]`; MySQL's `wp_admin[wp_admin]` is a user twice).
function isKey(text: string, end: number): boolean {
  const next = text.charCodeAt(end);
  if (next === 61) return true;
  if (next === 91) return /\d/.test(text.charAt(end + 1));
  return next === 34 && text.charCodeAt(end + 1) === 58;
}

// Role nouns, and the roles a domain writes before a person (a yard's `jockey`, a school's `substitute`).
const roleNouns: ReadonlySet<string> = new Set([...roleWords('any', 'any'), 'jockey', 'substitute']);
// A name after the role: a login or an address (`customer kbrennan@gmx.net`, `jockey tomasz_n`), not a word of prose
// (`login failed for admin from`, `by guest on vty0`: the role word is the account).
const nextWord = /^ ([A-Za-z][\w.@'-]*\w)/;

function nameFollows(text: string, end: number): boolean {
  const next = nextWord.exec(text.slice(end, end + 64));
  return next?.[1] !== undefined && !isCommonWord(next[1]);
}

// The phrase that puts a role before a person: `logged in as customer NAME`, `changed for member NAME`, `by jockey NAME`.
// (Elsewhere a role word is often the account: `login guest password`, `web_user=admin`.)
const prepositionBefore = /(?:^|\s)(?:as|for|by|to)\s+$/i;

function roleBeforeName(text: string, value: string, start: number, end: number): boolean {
  return (
    roleNouns.has(value.toLowerCase()) &&
    nameFollows(text, end) &&
    prepositionBefore.test(text.slice(Math.max(0, start - 8), start))
  );
}

// A record's numbered id: a site and number (`UK-07-018`), a letter prefix and 6+ digits (`E286118`, `BA76029583`),
// a masked number (`XXXXXX0808`). A machine or site code: capitals and digits in 2+ parts, with a digit (`PREP-WS-07`).
// (After a login word the syntax says an account: a juror's `login J8812044`, a radio callsign `user EW4412-13`.)
// The same holds where a tool's syntax names the account: sshd's `Accepted publickey for NAME from`, sudo's
// `sudo:  NAME : TTY=`, Windows' `Account Name: NAME` (`AB123456`, `SVC-SQL-01`, `ADM-JSMITH01` are logins there).
const loginWordBefore =
  /(?:(?:login|logon|user|username)\s*[=: ]\s*["']?|\b(?:password|publickey|keyboard-interactive(?:\/pam)?|hostbased) for (?:invalid user )?|\bsudo(?:\[\d+\])?:\s+|\baccount name:\s*)$/i;
const recordOrMachine =
  /^(?:[A-Z]{1,8}(?:-\d+){2,}|[A-Z]{1,2}\d{6,}|X{3,}\d+|(?=[A-Z0-9-]*\d)[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)$/;

// A machine's name, words joined by `-` and a number (`fs-docs01`, `ledger-sync-3`, `git-mirror-02`), after `by` or
// under an agent's or a worker's key: there a host did it. (Under a user key it is an account: `user=venue-encoder-3`.)
const numberedMachine = /^[a-z]{2,}(?:-[a-z]{2,})+(?:-\d{1,3}|\d{2})$/;
const machinePlaceBefore = /(?:\bby\s+|\b(?:agent|worker)=)$/;

// Pronouns and query words a user position holds in filters and SQL (`owner:me`, `owner:self`, `login user where`).
const notAnAccount = new Set(['me', 'self', 'myself', 'where']);

// Logins a vendor documents for every customer: they name nobody (as `git` of a Git host does not).
const vendorLogin = /^(?:SMTP_Injection)$/;
// Mailgun's HTTP API takes the fixed user `api` and the key as password: `--user 'api:key-…'`.
const mailgunApiUser = /^api:key-/;

/** True when the value at [start, end) of text is no account by the guards above. */
export function notAUser(text: string, start: number, end: number): boolean {
  const value = text.slice(start, end);
  if (notAnAccount.has(value.toLowerCase())) return true;
  if (vendorLogin.test(value) || isKey(text, end) || placeholderInBrackets(text, start, end)) return true;
  if (recordOrMachine.test(value) && !loginWordBefore.test(text.slice(Math.max(0, start - 40), start))) return true;
  if (numberedMachine.test(value) && machinePlaceBefore.test(text.slice(Math.max(0, start - 8), start))) return true;
  if (value === 'api' && mailgunApiUser.test(text.slice(start, end + 5))) return true;
  return roleBeforeName(text, value, start, end);
}

/** The detector with every candidate `notAUser` takes dropped; its keyword groups and needs kept. */
export function guardUserNames(part: Detector): Detector {
  return filterCandidates(part, (text) => (c) => !notAUser(text, c.start, c.end));
}

/** All the `user` rules as one detector, each part guarded on its own (the scanner runs each part by its keywords). */
export function guardedUserDetector(rules: readonly Detector[]): Detector {
  return combineDetectors('user', rules.flatMap((rule) => rule.parts ?? [rule]).map(guardUserNames));
}

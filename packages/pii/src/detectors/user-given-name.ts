import { isCommonWord } from './common-words';
import { candidate, keepAsIs, type Candidate, type Detector } from './detector';
import { isGivenName, isGivenNameAt } from './given-names';

/**
 * Logins by their shape alone, wherever a value stands: a given name joined to a surname (`ines.delgado`,
 * `tamsin_eze`, `MATEO.KOWALCZYK`) or to a surname's initial (`priyanka.m`), and an initial and a surname (`f.rossi`).
 * Most organisations make logins so, and the given name tells a login from a code path, a config key or
 * a constant (`self.name`, `spring.datasource`, `ESME_ROK`). Not inside a path, an address, a host or file name, a
 * dotted key of three or more labels, a call or an assignment (`v.user =`); not before `@` (an email's local part).
 */

// Characters that glue a candidate to something larger before it (a path, a host, an email, a key, a variable): word
// characters and `.@/\%+#$&*-`, by character code (this runs at every separator of every line).
const gluing = new Uint8Array(128);
for (const c of '0123456789_.@/\\%+#$&*-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ')
  gluing[c.charCodeAt(0)] = 1;
function gluesBefore(code: number): boolean {
  return code < 128 && gluing[code] === 1;
}
// What may not follow it: a word character, `@`, `/`, `\`, `%`, `(`, `=` (after blanks too), `+` (an email's tag),
// `-`, another label (`.x`), or a port or a source line (`:80`, `sofia.c:1234`).
const glueAfter = /[\w@/\\%(+-]|\.\w|:\d|\s*=(?!=)/y;

/** An ASCII letter, by one unsigned comparison (`| 32` folds A-Z onto a-z and no other code into them). */
function isLetter(code: number): boolean {
  return ((code | 32) - 97) >>> 0 < 26;
}

// Last labels of files, hosts and code, and words of credentials: `wen.log`, `ines.json`, `v.password`.
const notASurname =
  /^(?:com|net|org|io|dev|local|internal|lan|example|json|log|txt|xml|csv|pdf|yaml|yml|conf|cfg|ini|sh|py|js|ts|rb|go|java|jar|exe|dll|so|gz|zip|tar|html|htm|png|jpg|md|sql|bak|tmp|cc|cpp|hpp|rs|kt|pl|pm|id|ids|name|key|max|min|password|passwd|user|token|secret)$/i;

/** The two parts in one case style: `ines.delgado`, `Ines.Delgado`, `MATEO.KOWALCZYK` (a constant joins capitals
 * with `_`: `ESME_ROK`, so only `.` there). */
function oneCaseStyle(given: string, surname: string, separator: string): boolean {
  if (/^[a-z]+$/.test(given)) return /^[a-z]+$/.test(surname);
  if (/^[A-Z][a-z]+$/.test(given)) return /^[A-Z][a-z]*$/.test(surname);
  return separator === '.' && /^[A-Z]+$/.test(given) && /^[A-Z]+$/.test(surname);
}

/** True when `given`, `separator` and `surname` make a person's login. */
export function isJoinedName(given: string, separator: string, surname: string): boolean {
  // An initial: only before a dot and a surname of five or more letters that is no word (`f.rossi`; not `n.leader`,
  // `e.target`, a short field `n.zxid`). (The cheap tests first: most separators have no name before them.)
  if (given.length === 1) {
    if (separator !== '.' || surname.length < 5) return false;
  } else if (!isGivenName(given)) return false;
  if (!oneCaseStyle(given, surname, separator) || notASurname.test(surname)) return false;
  if (given.length === 1) return !isCommonWord(surname);
  // Code and configuration join a name to words (`ines_count`, `felix.cache`, `sofia.gateway`, `hugo.toml`: software
  // named like people): the surname is no word. (`kim.baker` is lost with them.)
  return !(surname.length >= 3 && isCommonWord(surname));
}

/** The login joined at the separator `at`, if the letters around it make one; returns where the next separator that
 * can start one may be. (Each `.` and `_` is found by `indexOf` and read by character codes: a pattern led by the
 * letters before it is tried at every word of the line, one led by the separator costs twice the `indexOf` scan.)
 * A rejected separator is left at once: letting `indexOf` find the next one of a run (`org.apache.kafka`, rejected
 * by its glued start) costs less than reading the rest of the run by character code. */
function joinedAt(text: string, at: number, out: Candidate[]): number {
  // (Every read is inside the text: one past its end, a NaN, makes every character code of the scan a float.)
  if (at === 0 || at + 1 === text.length) return at + 1;
  if (!isLetter(text.charCodeAt(at + 1)) || !isLetter(text.charCodeAt(at - 1))) return at + 1;
  let start = at - 1;
  while (start > 0 && at - start <= 20 && isLetter(text.charCodeAt(start - 1))) start--;
  if (at - start > 20 || (start > 0 && gluesBefore(text.charCodeAt(start - 1)))) return at + 1;
  // The name is looked up in the line itself, before the surname is read or anything is copied.
  if (at - start > 1 && !isGivenNameAt(text, start, at)) return at + 1;
  let end = at + 2;
  while (end < text.length && end - at <= 31 && isLetter(text.charCodeAt(end))) end++;
  const surnameEnd = end;
  while (end < text.length && end - surnameEnd < 3 && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
  glueAfter.lastIndex = end;
  if (!glueAfter.test(text) && isJoinedName(text.slice(start, at), text.charAt(at), text.slice(at + 1, surnameEnd)))
    out.push(candidate('user', start, end));
  return end;
}

// Three letters before 1-4 digits that end unglued, the last two letters in lower case: where a given name and a number
// may end (`zofia42`, `Quentin94`, `Ana7`; in both styles a name's last two letters are lower case). The pattern tests
// the end itself: a candidate handed back costs more than the scan.
const lettersThenDigit = /[A-Za-z][a-z]{2}\d{1,4}(?![\w@/\\%(+-]|\.\w|:\d)/g;

/** The login of a given name and the 1-4 digits that end at `end` (`zofia42`, `Quentin94`, `priya4141`): the name
 * alone, in lower case or capitalized, glued to nothing. (The name is looked up first, by character code: it rejects
 * nearly every candidate.) */
function numberedBefore(text: string, end: number, out: Candidate[]): void {
  let digitAt = end;
  while (isDigit(text.charCodeAt(digitAt - 1))) digitAt--;
  let start = digitAt - 1;
  while (start > 0 && digitAt - start <= 20 && isLetter(text.charCodeAt(start - 1))) start--;
  if (digitAt - start > 20 || !isGivenNameAt(text, start, digitAt)) return;
  if (start > 0 && gluesBefore(text.charCodeAt(start - 1))) return;
  glueAfter.lastIndex = end;
  if (glueAfter.test(text) || passwordSymbol.test(text.charAt(end))) return;
  if (/^[A-Za-z][a-z]+$/.test(text.slice(start, digitAt))) out.push(candidate('user', start, end));
}

// A symbol after the digits makes a password of a name (`diego15!`, `lars33#`), not a login.
const passwordSymbol = /^[!#$%&*?~^]$/;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function createUserGivenNameDetector(): Detector {
  return {
    type: 'user',
    // Not keyword-led: the given names as keywords would double the scanner's keyword automaton (its table then
    // leaves the CPU's caches: the pass took twice as long), and nearly every line has a `.` or `_`.
    mayMatch: () => true,
    find(text: string, out: Candidate[]): void {
      for (let at = text.indexOf('.'); at >= 0; at = text.indexOf('.', joinedAt(text, at, out)));
      for (let at = text.indexOf('_'); at >= 0; at = text.indexOf('_', joinedAt(text, at, out)));
      // (`test` and `lastIndex`: no match array is made for each candidate.)
      lettersThenDigit.lastIndex = 0;
      while (lettersThenDigit.test(text)) numberedBefore(text, lettersThenDigit.lastIndex, out);
    },
    normalize: keepAsIs,
  };
}

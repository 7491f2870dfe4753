import { isCommonWord } from './common-words';
import { anyOf, candidate, keepAsIs, type Candidate, type Detector } from './detector';
import { mailDomain } from './principal';
import { loginShaped, plainLogin } from './user-actor';
import { rowsOf, separators } from './user-table';

// A cell: blanks and one quote around its value.
const cellValue = /^([ \t]*["']?)([^]*?)["']?[ \t]*$/;
// A label before the first cell (`loyalty-export row: `), when a value without blanks follows it.
const labelBefore = /^[^:]*:\s+(?=[^\s:]+$)/;
const email = new RegExp(`^[\\w.+'-]{1,64}@${mailDomain}$`);
// (Rows end at real line breaks only: an escaped `\\n` in a JSON string is read by the table's detector.)
const realLineBreak = /\n/g;
const ipv4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;
// A person's display name as a cell: two or more capitalized words (`Oskar Nilsson`, `Chioma Vasquez-reyes`).
const displayName = /^[A-Z][a-z]+(?:[ '-][A-Za-z][a-z]+)*(?: (?:[a-z]{1,3} )?[A-Z][a-z'-]+){1,3}$/;
// A login as exports and access logs write it: lower case, letters first, at most three parts joined by `.` `_` `-`.
const loginCell = /^[a-z][a-z0-9._-]{2,31}$/;
const trailingDigits = /\d{1,4}$/;
// A word derived from a verb is prose or a status (`non_authenticated_user`, `fraud_suspected`), not a login's part.
const derivedPart = /^[a-z]{4,}(?:ed|ing)$/;

// An address as a whole cell, after a separator: the keyword pass sees an `@` or a separator before a digit first.
const anchorCell = new RegExp(
  `[,;|\t][ \t]*["']?(?:${email.source.slice(1, -1)}|${ipv4.source.slice(1, -1)}|${displayName.source.slice(1, -1)})["']?[ \t]*(?:[,;|\t]|$)`,
  'm',
);
const anchorWords = [
  '@',
  ...separators.flatMap((separator) =>
    ['', '"', "'"].flatMap((quote) => [...'123456789'].map((digit) => `${separator}${quote}${digit}`)),
  ),
  ...[...'123456789'].map((digit) => `| ${digit}`),
];
const anchorHint = anyOf(anchorWords);

/** A cell that holds a login: no word, status, interface, protocol or host of software (`vsys1`, `ens5`, `rtmp`,
 * `accept_all`, `inbound-dmz-web`), but login-shaped or a plain login (`abarap`, `qualys-sync`, `dchen4`). */
function loginValue(value: string): boolean {
  if (!loginCell.test(value)) return false;
  const parts = value.split(/[._-]/);
  if (parts.length > 3 || value.split('-').length > 2) return false;
  const letters = value.replace(trailingDigits, '');
  // An abbreviation has no vowel (`rtmp`, `smtp`); an interface or a zone is a short word and a digit (`eth0`, `vsys1`).
  if (!/[aeiouy]/.test(letters)) return false;
  if (letters !== value && letters.replace(/[^a-z]/g, '').length < 5) return false;
  if (parts.some((part) => derivedPart.test(part))) return false;
  if (parts.every((part) => /^\d*$/.test(part) || isCommonWord(part.replace(trailingDigits, '')))) return false;
  return loginShaped(value) || plainLogin(letters);
}

/** A display name, not a phrase of common words (`Network Login`, `In Progress`, `Authentication Authorization`). */
function personName(value: string): boolean {
  return displayName.test(value) && !value.split(/[ '-]/).every((word) => isCommonWord(word.toLowerCase()));
}

/** Where a row's cells start, and their values (blanks and a quote taken off). */
function cellsOf(row: string, rowStart: number, separator: string): Array<[number, string]> {
  const cells: Array<[number, string]> = [];
  let start = 0;
  for (const cell of row.split(separator)) {
    const m = cellValue.exec(cell) as RegExpExecArray;
    let at = rowStart + start + (m[1] as string).length;
    let value = m[2] as string;
    // The first cell may follow a label (`loyalty-export row: jonaso27,…`, `users.csv: vol_jchu,…`).
    const label = start === 0 ? labelBefore.exec(value) : null;
    if (label !== null) {
      at += label[0].length;
      value = value.slice(label[0].length);
    }
    cells.push([at, value]);
    start += cell.length + separator.length;
  }
  return cells;
}

/** True when `text` holds `separator` at least `count` times. */
function holds(text: string, separator: string, count: number): boolean {
  let at = -1;
  for (let n = 0; n < count; n++) {
    at = text.indexOf(separator, at + 1);
    if (at === -1) return false;
  }
  return true;
}

function accountsOfRow(row: string, rowStart: number, out: Candidate[]): void {
  for (const separator of separators) {
    if (!holds(row, separator, 3)) continue;
    const cells = cellsOf(row, rowStart, separator);
    // (A row of several addresses is a network's: a route, a NAT or a firewall session, whose names are zones.)
    const addresses = cells.filter(([, value]) => ipv4.test(value)).length;
    const taken = new Set<number>();
    cells.forEach(([, value], i) => {
      if (!email.test(value) && !(addresses === 1 && ipv4.test(value)) && !personName(value)) return;
      for (const beside of [cells[i - 1], cells[i + 1]]) {
        if (beside === undefined || taken.has(beside[0]) || !loginValue(beside[1])) continue;
        taken.add(beside[0]);
        out.push(candidate('user', beside[0], beside[0] + beside[1].length));
      }
    });
  }
}

/**
 * Accounts in a row of a CSV, `;`, `|` or tab export without its header (a header line earlier in a file is not
 * there when a line is read): a login beside an email address, the row's one IPv4 address or a person's display name, as user
 * exports (`login,email`, `login,First Last`) and access records (`user,client ip`) write them. The cell must hold a login by its shape or its
 * words (`abarap`, `ines_had`, `dmitri.vel`), not a word, a status, an interface or a name in capitals.
 */
export function createUserCsvRowDetector(): Detector {
  return {
    type: 'user',
    keywordGroups: [anchorWords],
    mayMatch: (text) => anchorHint.test(text),
    find(text: string, out: Candidate[]): void {
      // (A row takes three of one separator: a text with none of them three times has no row to read, a cheap test first.)
      if (!separators.some((separator) => holds(text, separator, 3)) || !anchorCell.test(text)) return;
      for (const [rowStart, row] of rowsOf(text, realLineBreak)) accountsOfRow(row, rowStart, out);
    },
    normalize: keepAsIs,
  };
}

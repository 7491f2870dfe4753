import { candidate, keepAsIs, type Candidate, type Detector } from './detector';
import { personRoles } from './person-roles';
import { isPlaceholderValue } from './secret-kv';
import { notAName } from './user';

/** A column whose name says it holds an account: a user or login word (`User`, `USERNAME`, `login_name`, `NETID`), a
 * person's role (`caseworker`, `trader`, `reviewer`), who wrote or owns a row (`author`, `owner`, `assignee`), or who
 * did it (`checked_by`, `started_by`). */
const accountColumn = new RegExp(
  `^(?:[a-z]+[_ .-]?)?(?:user(?:[_ .-]?name)?|usr|login(?:[_ .-]?name)?|logname|netid|samaccountname|principal|actor|author|owner|assignee|reporter|${personRoles.join('|')})$|^[a-z]+[_ .-]?by$`,
  'i',
);
// A header cell: a column's name (`trade_id`, `Client IP`, `#`), maybe quoted.
const headerCell = /^\s*"?[A-Za-z_][\w .#/-]{0,40}"?\s*$/;
// A value in a cell: a login, maybe quoted (a display name with a blank, an address or a number is none).
const loginCell = /^(\s*"?)([A-Za-z_][\w.-]{0,63}\$?)"?\s*$/;
/** What separates a table's cells: a comma, a semicolon, a bar or a tab. */
export const separators = [',', ';', '|', '\t'];
// A line break: real, or written as `\n` in one line of text (a JSON string, an escaped message).
const lineBreak = /\r?\n|\\n/g;
// The header may follow a label (`trade-capture.csv: trade_id,trader,…`): what comes after its last `: `.
const labelBefore = /^[^\n]*:\s(?=[^:]*$)/;

/** A text's rows, split at `breaks` (a global pattern; real and escaped line breaks unless told): where each starts in
 * the text and its text. */
export function rowsOf(text: string, breaks: RegExp = lineBreak): Array<[number, string]> {
  const rows: Array<[number, string]> = [];
  let last = 0;
  breaks.lastIndex = 0;
  for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) {
    rows.push([last, text.slice(last, m.index)]);
    last = m.index + m[0].length;
  }
  rows.push([last, text.slice(last)]);
  return rows;
}

/**
 * The accounts of the rows under `header` (at `headerAt`) that have as many cells, in each column named for one; the
 * last row read as the table's (`headerAt` when it heads none), so that no row is read again as a header.
 */
function accountsUnder(rows: Array<[number, string]>, headerAt: number, out: Candidate[]): number {
  const [, line] = rows[headerAt] as [number, string];
  // (Three cells and two separators are five characters at least: a run of empty rows, `\\n\\n…`, is no table.)
  if (line.length < 5) return headerAt;
  const label = labelBefore.exec(line);
  const header = label === null ? line : line.slice(label[0].length);
  for (const separator of separators) {
    const names = header.split(separator);
    if (names.length < 3 || !names.every((cell) => headerCell.test(cell))) continue;
    const columns = names.flatMap((cell, i) => (accountColumn.test(cell.trim().replace(/^"|"$/g, '')) ? [i] : []));
    if (columns.length === 0) continue;
    let r = headerAt + 1;
    for (; r < rows.length; r++) {
      const [rowStart, row] = rows[r] as [number, string];
      const cells = row.split(separator);
      if (cells.length !== names.length) break;
      for (const column of columns) {
        let start = rowStart;
        for (let i = 0; i < column; i++) start += (cells[i] as string).length + separator.length;
        const cell = loginCell.exec(cells[column] as string);
        if (cell === null) continue;
        const value = cell[2] as string;
        if (notAName.has(value.toLowerCase()) || isPlaceholderValue(value)) continue;
        start += (cell[1] as string).length;
        out.push(candidate('user', start, start + value.length));
      }
    }
    return r - 1;
  }
  return headerAt;
}

/**
 * Accounts in a table a log carries with its header (a CSV or `|` export, a report, a query's output): the cells under
 * a column whose name says it holds an account, in the rows below the header that have as many cells. Only a text of
 * more than one line can hold one.
 */
export function createUserTableDetector(): Detector {
  return {
    type: 'user',
    // (No keyword: a line break, real or escaped, is the cheap test, and most log lines have none.)
    mayMatch: (text) => text.includes('\n') || text.includes('\\n'),
    find(text: string, out: Candidate[]): void {
      const rows = rowsOf(text);
      // (A table's rows are not headers: trying each as one found a table's accounts again under every row.)
      let r = 0;
      while (r < rows.length - 1) r = accountsUnder(rows, r, out) + 1;
    },
    normalize: keepAsIs,
  };
}

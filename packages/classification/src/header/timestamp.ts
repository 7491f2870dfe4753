// Leading timestamps in the shapes logs use, as sticky regexes tried at a position. Each ends at a word boundary.
const fraction = String.raw`(?:[.,:]\d{1,9})?`;
// minutes and seconds may lack their leading zero (`22:16:0:119`)
const time = String.raw`\d{1,2}[:.]\d{1,2}[:.]\d{1,2}${fraction}`;
const zone = String.raw`(?:Z|\s?(?:[+-]\d{2}:?\d{2}|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[ECMPA][SD]T|CES?T|EES?T|WES?T|BST|IST|JST|KST|MSK|HKT|SGT|AEDT))?`;
const month = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?`;
const weekday = String.raw`(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6},?`;
const end = '(?![0-9A-Za-z])';

const startingWithDigit = new RegExp(
  [
    // ISO 8601 / RFC 3339 and relatives: 2024-01-02T03:04:05.678Z, 2024/01/02 03:04:05,678, 2005-06-03-15.42.50.675872, dates alone
    String.raw`\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[T _:-]${time}${zone})?`,
    // compact: 20240102T030405Z, 20171223-22:15:29:606
    String.raw`\d{8}[-T _]?(?:\d{6}${fraction}|${time})${zone}`,
    // day-first or month-first, with or without a year, then a time: 17/06/09 20:10:40, 03-17 16:13:38.811, 10.30 16:49:06
    String.raw`\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?[ T:]\s?${time}${zone}`,
    // a month name: 01-Jan-2024 12:00:00.123, 10/Oct/2000:13:55:36 -0700, 2 Jan 2006 15:04:05
    String.raw`\d{1,2}[-/ ]${month}[-/ ]\d{2,4}(?:[: ]${time}${zone})?`,
    // Unix epoch seconds (2001 to 2033, with a fraction) or milliseconds
    String.raw`1\d{9}(?:\.\d{1,9})?(?!\d)|1\d{12}(?!\d)`,
    // a time of day alone: 12:00:00.123
    String.raw`\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,9})?${zone}`,
  ]
    .map((alternative) => `(?:${alternative})`)
    .join('|') + end,
  'y',
);

const startingWithLetter = new RegExp(
  [
    // ctime and RFC 1123: Sun Dec 04 04:47:44 2005, Mon, 02 Jan 2006 15:04:05 MST
    String.raw`${weekday}\s+(?:${month}\s+\d{1,2}\s+${time}${zone}\s+\d{4}|\d{1,2}\s+${month}\s+\d{4}\s+${time}${zone})`,
    // java.util.logging: Mar 05, 2024 10:15:30 AM (tried before syslog, which would stop before AM)
    String.raw`${month}\s+\d{1,2},\s+\d{4}\s+${time}\s?[AP]M`,
    // syslog (RFC 3164): Jun  4 15:16:01, optionally with a year
    String.raw`${month}\s+\d{1,2}(?:,?\s+\d{4})?\s+${time}(?:\s+\d{4}(?=\s))?`,
  ]
    .map((alternative) => `(?:${alternative})`)
    .join('|') + end,
  'y',
);

/** Where a timestamp starting at `pos` ends, or -1 when none starts there. */
export function timestampEnd(line: string, pos: number): number {
  const c = line.charCodeAt(pos);
  const pattern = c >= 48 && c <= 57 ? startingWithDigit : c >= 65 && c <= 90 ? startingWithLetter : undefined;
  if (pattern === undefined) return -1;
  pattern.lastIndex = pos;
  return pattern.test(line) ? pattern.lastIndex : -1;
}

/** Whether a month name starts at `pos` (the RFC 3164 syslog shape, whose next fields are host and program). */
export function isMonthName(line: string, pos: number): boolean {
  return monthNames.has(line.slice(pos, pos + 3));
}
const monthNames: ReadonlySet<string> = new Set([
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
]);

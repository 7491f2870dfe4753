import { daysFromCivil, daysInMonth, isLeapYear } from './civil-date';
import { type Zone, wallToUtcSeconds } from './zone';

/** A Go reference layout (`2006-01-02T15:04:05Z07:00`) compiled once into a parser. */
export interface LayoutParser {
  readonly layout: string;
  /** Nanoseconds since the epoch, or undefined when the value does not fit the layout. */
  parse(value: string, nowMs?: number): bigint | undefined;
}

// Layout element codes, named after Go's time package so the parser reads against its documentation.
const LONG_MONTH = 1;
const MONTH = 2;
const NUM_MONTH = 3;
const ZERO_MONTH = 4;
const LONG_WEEKDAY = 5;
const WEEKDAY = 6;
const DAY = 7;
const UNDER_DAY = 8;
const ZERO_DAY = 9;
const UNDER_YEAR_DAY = 10;
const ZERO_YEAR_DAY = 11;
const HOUR = 12;
const HOUR12 = 13;
const ZERO_HOUR12 = 14;
const MINUTE = 15;
const ZERO_MINUTE = 16;
const SECOND = 17;
const ZERO_SECOND = 18;
const LONG_YEAR = 19;
const YEAR = 20;
const PM_UPPER = 21;
const PM_LOWER = 22;
const TZ_NAME = 23;
// Numeric zones; the ISO8601 variants also accept `Z`.
const TZ_HHMM = 24;
const TZ_HH_MM = 25;
const TZ_HH = 26;
const TZ_HHMMSS = 27;
const TZ_HH_MM_SS = 28;
const FRAC_ZERO = 29;
const FRAC_NINE = 30;
const NONE = 0;

interface Chunk {
  /** Text to match before the element; a run of spaces matches any run of spaces. */
  literal: string;
  code: number;
  /** Accept `Z` for UTC (Z07:00 family). */
  iso: boolean;
  /** Digits of a fixed fractional second (`.000` = 3). */
  digits: number;
}

const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const SHORT_MONTHS = LONG_MONTHS.map((m) => m.slice(0, 3));
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SHORT_DAYS = LONG_DAYS.map((d) => d.slice(0, 3));

const ZONE_LAYOUTS: ReadonlyArray<[string, number]> = [
  ['070000', TZ_HHMMSS],
  ['07:00:00', TZ_HH_MM_SS],
  ['0700', TZ_HHMM],
  ['07:00', TZ_HH_MM],
  ['07', TZ_HH],
];

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** Splits a layout into literal + element chunks, recognising elements exactly where Go's nextStdChunk does. */
function tokenize(layout: string): Chunk[] {
  const chunks: Chunk[] = [];
  let literal = '';
  let i = 0;
  const emit = (code: number, length: number, iso = false, digits = 0): void => {
    chunks.push({ literal, code, iso, digits });
    literal = '';
    i += length;
  };
  while (i < layout.length) {
    const rest = layout.slice(i);
    const c = layout[i];
    const zoneLayout = c === '-' || c === 'Z' ? ZONE_LAYOUTS.find(([z]) => rest.startsWith(z, 1)) : undefined;
    if (c === 'J' && rest.startsWith('Jan')) {
      if (rest.startsWith('January')) emit(LONG_MONTH, 7);
      else emit(MONTH, 3);
    } else if (c === 'M' && rest.startsWith('Mon')) {
      if (rest.startsWith('Monday')) emit(LONG_WEEKDAY, 6);
      else emit(WEEKDAY, 3);
    } else if (c === 'M' && rest.startsWith('MST')) emit(TZ_NAME, 3);
    else if (c === '0' && rest.length >= 2 && rest[1] >= '1' && rest[1] <= '6') {
      emit([ZERO_MONTH, ZERO_DAY, ZERO_HOUR12, ZERO_MINUTE, ZERO_SECOND, YEAR][Number(rest[1]) - 1], 2);
    } else if (c === '0' && rest.startsWith('002')) emit(ZERO_YEAR_DAY, 3);
    else if (c === '1') {
      if (rest.startsWith('15')) emit(HOUR, 2);
      else emit(NUM_MONTH, 1);
    } else if (c === '2') {
      if (rest.startsWith('2006')) emit(LONG_YEAR, 4);
      else emit(DAY, 1);
    } else if (c === '_' && rest.startsWith('_2')) {
      // `_2006` is a literal underscore followed by the year, as in Go.
      if (rest.startsWith('_2006')) {
        literal += '_';
        i += 1;
        emit(LONG_YEAR, 4);
      } else emit(UNDER_DAY, 2);
    } else if (c === '_' && rest.startsWith('__2')) emit(UNDER_YEAR_DAY, 3);
    else if (c === '3') emit(HOUR12, 1);
    else if (c === '4') emit(MINUTE, 1);
    else if (c === '5') emit(SECOND, 1);
    else if (c === 'P' && rest.startsWith('PM')) emit(PM_UPPER, 2);
    else if (c === 'p' && rest.startsWith('pm')) emit(PM_LOWER, 2);
    else if (zoneLayout) {
      const [zone, code] = zoneLayout;
      emit(code, 1 + zone.length, c === 'Z');
    } else if ((c === '.' || c === ',') && (rest[1] === '0' || rest[1] === '9')) {
      let j = 1;
      while (j < rest.length && rest[j] === rest[1]) j++;
      // A run of 0s or 9s followed by another digit is not a fractional second: the separator is literal text
      // and the digits are read again as elements (`2006.002` is year, '.', day of year), as in Go.
      if (isDigitAt(rest, j)) {
        literal += c;
        i += 1;
      } else emit(rest[1] === '0' ? FRAC_ZERO : FRAC_NINE, j, false, j - 1);
    } else {
      literal += c;
      i += 1;
    }
  }
  if (literal !== '') chunks.push({ literal, code: NONE, iso: false, digits: 0 });
  return chunks;
}

// Scratch output of the scanning helpers below; the parser is synchronous so one slot is enough.
let scanEnd = 0;

/** Go's skip(): literal text must match, and a run of spaces matches a run of spaces of any length. */
function skipLiteral(value: string, pos: number, literal: string): number {
  let i = 0;
  while (i < literal.length) {
    if (literal.charCodeAt(i) === 32) {
      if (pos < value.length && value.charCodeAt(pos) !== 32) return -1;
      while (i < literal.length && literal.charCodeAt(i) === 32) i++;
      while (pos < value.length && value.charCodeAt(pos) === 32) pos++;
      continue;
    }
    if (pos >= value.length || value.charCodeAt(pos) !== literal.charCodeAt(i)) return -1;
    i++;
    pos++;
  }
  return pos;
}

/** Go's getnum(): one or two digits, exactly two when `fixed`. Returns -1 on failure; end in scanEnd. */
function getNumber(value: string, pos: number, fixed: boolean): number {
  if (!isDigitAt(value, pos)) return -1;
  if (!isDigitAt(value, pos + 1)) {
    if (fixed) return -1;
    scanEnd = pos + 1;
    return value.charCodeAt(pos) - 48;
  }
  scanEnd = pos + 2;
  return (value.charCodeAt(pos) - 48) * 10 + value.charCodeAt(pos + 1) - 48;
}

function getDigits(value: string, pos: number, count: number): number {
  let n = 0;
  for (let k = 0; k < count; k++) {
    if (!isDigitAt(value, pos + k)) return -1;
    n = n * 10 + value.charCodeAt(pos + k) - 48;
  }
  scanEnd = pos + count;
  return n;
}

/** Case-insensitive ASCII name lookup (Go's lookup()), without allocating; returns the index or -1. */
function lookupName(table: readonly string[], value: string, pos: number): number {
  for (let k = 0; k < table.length; k++) {
    const name = table[k];
    if (value.length - pos < name.length) continue;
    let j = 0;
    // OR-ing 0x20 lower-cases ASCII letters; the names are letters only.
    while (j < name.length && (value.charCodeAt(pos + j) | 0x20) === (name.charCodeAt(j) | 0x20)) j++;
    if (j === name.length) {
      scanEnd = pos + name.length;
      return k;
    }
  }
  return -1;
}

/** Nanoseconds from `.ddd` at pos with `count` digits after the separator; -1 when malformed. */
function fraction(value: string, pos: number, count: number): number {
  const sep = value.charCodeAt(pos);
  if (sep !== 46 && sep !== 44) return -1;
  let ns = 0;
  const used = Math.min(count, 9);
  for (let k = 1; k <= count; k++) {
    if (!isDigitAt(value, pos + k)) return -1;
    if (k <= used) ns = ns * 10 + value.charCodeAt(pos + k) - 48;
  }
  for (let k = used; k < 9; k++) ns *= 10;
  scanEnd = pos + 1 + count;
  return ns;
}

/** Zone abbreviation at pos (Go's parseTimeZone); length or 0. */
function zoneNameLength(value: string, pos: number): number {
  const rest = value.length - pos;
  if (rest < 3) return 0;
  const four = value.substr(pos, 4);
  if (four === 'ChST' || four === 'MeST') return 4;
  if (value.startsWith('GMT', pos)) {
    let j = pos + 3;
    const sign = value[j];
    if (sign === '+' || sign === '-') {
      let k = j + 1;
      while (isDigitAt(value, k)) k++;
      if (k > j + 1 && k - j - 1 <= 2 && Number(value.slice(j + 1, k)) <= 23) j = k;
    }
    return j - pos;
  }
  // Unnamed zones written as a signed hour offset (`+03`, `-0530`): the name is kept, the offset is not (Go).
  if (value[pos] === '+' || value[pos] === '-') {
    let k = pos + 1;
    while (isDigitAt(value, k)) k++;
    if (k === pos + 1 || Number(value.slice(pos + 1, k)) > 23) return 0;
    return k - pos;
  }
  let upper = 0;
  while (upper < 6 && pos + upper < value.length) {
    const c = value.charCodeAt(pos + upper);
    if (c < 65 || c > 90) break;
    upper++;
  }
  if (upper === 3) return 3;
  if (upper === 4 && (value[pos + 3] === 'T' || four === 'WITA')) return 4;
  if (upper === 5 && value[pos + 4] === 'T') return 5;
  return 0;
}

/** Throws when the layout has no time element at all (a typo such as `YYYY-MM-DD`). */
export function compileLayout(layout: string, zone: Zone): LayoutParser {
  const chunks = tokenize(layout);
  if (!chunks.some((c) => c.code !== NONE)) {
    throw new Error(`layout "${layout}" has no Go reference-time element (use e.g. 2006-01-02T15:04:05Z07:00)`);
  }
  const hasYear = chunks.some((c) => c.code === LONG_YEAR || c.code === YEAR);
  const count = chunks.length;

  function parse(value: string, nowMs?: number): bigint | undefined {
    let pos = 0;
    let year = 0;
    let month = -1;
    let day = -1;
    let yday = -1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let nsec = 0;
    let pm = false;
    let am = false;
    let offset = NaN;
    let zoneName = '';
    for (let i = 0; i < count; i++) {
      const chunk = chunks[i];
      if (chunk.literal !== '') {
        pos = skipLiteral(value, pos, chunk.literal);
        if (pos < 0) return undefined;
      }
      switch (chunk.code) {
        case NONE:
          break;
        case LONG_YEAR:
          year = getDigits(value, pos, 4);
          if (year < 0) return undefined;
          pos = scanEnd;
          break;
        case YEAR:
          year = getDigits(value, pos, 2);
          if (year < 0) return undefined;
          year += year >= 69 ? 1900 : 2000;
          pos = scanEnd;
          break;
        case LONG_MONTH:
        case MONTH:
          month = lookupName(chunk.code === LONG_MONTH ? LONG_MONTHS : SHORT_MONTHS, value, pos) + 1;
          if (month <= 0) return undefined;
          pos = scanEnd;
          break;
        case NUM_MONTH:
        case ZERO_MONTH:
          month = getNumber(value, pos, chunk.code === ZERO_MONTH);
          if (month < 1 || month > 12) return undefined;
          pos = scanEnd;
          break;
        case LONG_WEEKDAY:
        case WEEKDAY:
          if (lookupName(chunk.code === LONG_WEEKDAY ? LONG_DAYS : SHORT_DAYS, value, pos) < 0) return undefined;
          pos = scanEnd;
          break;
        case DAY:
        case UNDER_DAY:
        case ZERO_DAY:
          if (chunk.code === UNDER_DAY && value.charCodeAt(pos) === 32) pos++;
          day = getNumber(value, pos, chunk.code === ZERO_DAY);
          if (day < 0) return undefined;
          pos = scanEnd;
          break;
        case UNDER_YEAR_DAY:
        case ZERO_YEAR_DAY:
          for (let k = 0; k < 2 && chunk.code === UNDER_YEAR_DAY && value.charCodeAt(pos) === 32; k++) pos++;
          yday = getDigits(value, pos, chunk.code === ZERO_YEAR_DAY ? 3 : Math.min(3, countDigits(value, pos)));
          if (yday < 1 || yday > 366) return undefined;
          pos = scanEnd;
          break;
        case HOUR:
          hour = getNumber(value, pos, false);
          if (hour < 0 || hour > 23) return undefined;
          pos = scanEnd;
          break;
        case HOUR12:
        case ZERO_HOUR12:
          hour = getNumber(value, pos, chunk.code === ZERO_HOUR12);
          if (hour < 0 || hour > 12) return undefined;
          pos = scanEnd;
          break;
        case MINUTE:
        case ZERO_MINUTE:
          minute = getNumber(value, pos, chunk.code === ZERO_MINUTE);
          if (minute < 0 || minute > 59) return undefined;
          pos = scanEnd;
          break;
        case SECOND:
        case ZERO_SECOND: {
          second = getNumber(value, pos, chunk.code === ZERO_SECOND);
          if (second < 0 || second > 59) return undefined;
          pos = scanEnd;
          // Go accepts a fractional second after the seconds even when the layout has none.
          const next = chunks[i + 1];
          const layoutHasFraction = next !== undefined && (next.code === FRAC_ZERO || next.code === FRAC_NINE);
          const sep = value.charCodeAt(pos);
          if (!layoutHasFraction && (sep === 46 || sep === 44) && isDigitAt(value, pos + 1)) {
            nsec = fraction(value, pos, countDigits(value, pos + 1));
            pos = scanEnd;
          }
          break;
        }
        case FRAC_ZERO:
          nsec = fraction(value, pos, chunk.digits);
          if (nsec < 0) return undefined;
          pos = scanEnd;
          break;
        case FRAC_NINE: {
          const sep = value.charCodeAt(pos);
          // An omitted fraction is fine for the 9 form.
          if ((sep === 46 || sep === 44) && isDigitAt(value, pos + 1)) {
            nsec = fraction(value, pos, countDigits(value, pos + 1));
            pos = scanEnd;
          }
          break;
        }
        case PM_UPPER:
        case PM_LOWER: {
          const text = value.substr(pos, 2);
          const [amText, pmText] = chunk.code === PM_UPPER ? ['AM', 'PM'] : ['am', 'pm'];
          if (text === amText) am = true;
          else if (text === pmText) pm = true;
          else return undefined;
          pos += 2;
          break;
        }
        case TZ_NAME: {
          if (value.startsWith('UTC', pos)) {
            offset = 0;
            pos += 3;
            break;
          }
          const length = zoneNameLength(value, pos);
          if (length === 0) return undefined;
          zoneName = value.substr(pos, length);
          pos += length;
          break;
        }
        default: {
          // Numeric zone offsets: TZ_HHMM, TZ_HH_MM, TZ_HH, TZ_HHMMSS, TZ_HH_MM_SS.
          if (chunk.iso && value.charCodeAt(pos) === 90) {
            offset = 0;
            pos += 1;
            break;
          }
          const seconds = zoneOffset(value, pos, chunk.code);
          if (Number.isNaN(seconds)) return undefined;
          offset = seconds;
          pos = scanEnd;
        }
      }
    }
    if (pos !== value.length) return undefined;
    if (pm && hour < 12) hour += 12;
    else if (am && hour === 12) hour = 0;
    if (!hasYear) year = currentYearFor(month < 0 ? 1 : month, nowMs ?? Date.now());
    if (yday >= 0) {
      if (yday > (isLeapYear(year) ? 366 : 365)) return undefined;
      const [m, d] = monthDayOf(year, yday);
      if ((month >= 0 && month !== m) || (day >= 0 && day !== d)) return undefined;
      month = m;
      day = d;
    }
    if (month < 0) month = 1;
    if (day < 0) day = 1;
    if (day < 1 || day > daysInMonth(hasYear ? year : 0, month)) return undefined;
    const wall = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
    let utc: number;
    if (!Number.isNaN(offset)) utc = wall - offset;
    else if (zoneName !== '') {
      // Go uses the location's offset when the abbreviation is the location's own; otherwise the wall clock as UTC.
      const local = wallToUtcSeconds(zone, wall);
      utc = zone.abbreviation(local) === zoneName ? local : wall;
    } else utc = wallToUtcSeconds(zone, wall);
    return BigInt(utc) * 1_000_000_000n + BigInt(nsec);
  }

  return { layout, parse };
}

function countDigits(value: string, pos: number): number {
  let n = 0;
  while (isDigitAt(value, pos + n)) n++;
  return n;
}

function monthDayOf(year: number, yday: number): [number, number] {
  let rest = yday;
  for (let m = 1; m <= 12; m++) {
    const days = daysInMonth(year, m);
    if (rest <= days) return [m, rest];
    rest -= days;
  }
  return [12, 31];
}

/** Seconds east of UTC from a numeric zone (`-0700`, `+07:00`, ...); NaN when malformed. End in scanEnd. */
function zoneOffset(value: string, pos: number, code: number): number {
  const sign = value[pos];
  if (sign !== '+' && sign !== '-') return NaN;
  let hh: number;
  let mm = 0;
  let ss = 0;
  let end: number;
  const colonAt = (k: number): boolean => value.charCodeAt(pos + k) === 58;
  if (code === TZ_HH_MM || code === TZ_HH_MM_SS) {
    if (!colonAt(3) || (code === TZ_HH_MM_SS && !colonAt(6))) return NaN;
    hh = getDigits(value, pos + 1, 2);
    mm = getDigits(value, pos + 4, 2);
    ss = code === TZ_HH_MM_SS ? getDigits(value, pos + 7, 2) : 0;
    end = pos + (code === TZ_HH_MM_SS ? 9 : 6);
  } else {
    hh = getDigits(value, pos + 1, 2);
    if (code !== TZ_HH) mm = getDigits(value, pos + 3, 2);
    if (code === TZ_HHMMSS) ss = getDigits(value, pos + 5, 2);
    end = pos + (code === TZ_HH ? 3 : code === TZ_HHMM ? 5 : 7);
  }
  // Go accepts up to 24h / 60m / 60s because people do write such offsets.
  if (hh < 0 || mm < 0 || ss < 0 || hh > 24 || mm > 60 || ss > 60) return NaN;
  scanEnd = end;
  const seconds = hh * 3600 + mm * 60 + ss;
  return sign === '-' ? -seconds : seconds;
}

/** Alloy's rule for layouts without a year: this year, except across New Year's Eve. */
function currentYearFor(month: number, nowMs: number): number {
  const now = new Date(nowMs);
  const year = now.getUTCFullYear();
  const nowMonth = now.getUTCMonth() + 1;
  if (month === 12 && nowMonth === 1) return year - 1;
  if (month === 1 && nowMonth === 12) return year + 1;
  return year;
}

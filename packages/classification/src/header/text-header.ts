import type { Severity } from '@obs/schema';
import {
  severityFromLevelText,
  severityFromSyslogPriority,
  severityOfHeaderWord,
  severityOfLetter,
} from './level-text';
import { timestampEnd, isMonthName } from './timestamp';
import { isDigit, isLetter, isSpace, skipSeparator, skipSpaces, tokenEnd } from './tokens';
import type { LineSource, StatedLevel } from './types';

/** What the fixed shapes read of a text line's header; `settled` when the header's end is known, not guessed. */
export interface TextHeader {
  messageStart: number;
  timestamp?: string;
  level?: StatedLevel;
  source?: LineSource;
  shape?: string;
  settled: boolean;
}

// A level is looked for among the first tokens of a line, after at most this many header-like tokens.
const maxLevelPosition = 10;
// Bracketed groups and source tokens longer than this are message, not header.
const maxGroupChars = 256;
const maxLoggerChars = 96;

const syslogPri = /<(\d{1,3})>/y;
const angleLevel = /<([A-Za-z]{3,13})>/y;
const levelLetters = 'VDIWEFA';
const fixedShapes: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  // klog/glog: `E0305 10:15:30.123456    4242 file.go:138] msg`
  {
    name: 'klog',
    pattern:
      /(?<level>[IWEF])(?<timestamp>\d{4} \d{2}:\d{2}:\d{2}\.\d{6})\s{1,16}(?<pid>\d{1,10}) (?<logger>[^\s\]]{1,128})\] ?/y,
  },
  // Ruby's Logger (Rails): `I, [2024-03-05T10:15:30.123456 #5123]  INFO -- prog: msg`
  {
    name: 'ruby',
    pattern:
      /[DIWEFA], \[(?<timestamp>[^\]#\s]{1,40})\s{0,8}#(?<pid>\d{1,10})\]\s{1,16}(?<level>[A-Z]{3,7}) -- (?<program>[^:]{0,64}?): ?/y,
  },
  // logcat brief: `E/PackageInstaller( 4411): msg`
  { name: 'logcat', pattern: /(?<level>[VDIWEFA])\/(?<logger>[^(:]{1,64}?)\s{0,8}\(\s{0,8}(?<pid>\d{1,10})\): ?/y },
];
const syslogProgram = /([^\s[\]:()]{1,64}(?:\([^\s)]{0,64}\))?)(?:\[(\d+)\])?(?: v?\d[\w.-]{0,16})?:(?=\s|$)/y;
const syslogWithPid = /(?:[\w.-]{1,64} )?[^\s[\]:()]{1,64}(?:\([^\s)]{0,64}\))?\[\d{1,10}\]:(?=\s|$)/y;
const upperLevel = /([A-Z]{3,9})(:?)(?=\s)/y;
const bracketedLevel = /^[:,]?\s*([A-Za-z]{3,13})(?:\/\S{0,64})?$/;
const programDash = /([^\s|]{1,64})(?: ([^\s|]{1,16}))? - /y;
const logrusLevel = /\[\d{1,6}\]/y;
const levelKeys: ReadonlySet<string> = new Set(['level', 'lvl', 'severity', 'loglevel']);
const levelValue = /[A-Za-z]{3,13}(?![\w])/y;

/** The index after the bracket group opening at `i` (nested brackets of the same kind count), or -1. */
function groupEnd(line: string, i: number): number {
  const open = line.charCodeAt(i);
  const close = open === 91 ? 93 : open === 40 ? 41 : 62;
  let depth = 0;
  const limit = Math.min(line.length, i + maxGroupChars);
  for (let j = i; j < limit; j++) {
    const c = line.charCodeAt(j);
    if (c === open) depth++;
    else if (c === close && --depth === 0) return j + 1;
  }
  return -1;
}
function sourceOf(header: TextHeader): LineSource {
  return (header.source ??= {});
}
function setLevel(header: TextHeader, raw: string, severity: Severity): void {
  header.level = { raw, severity, source: 'header' };
}

/** A token that may stand in a header before its level: numbers, ids, times, dotted names, TAGS, separators. */
function isHeaderLike(line: string, start: number, end: number): boolean {
  if (end - start === 1 && '-|:*,>'.includes(line[start])) return true;
  let upper = 0;
  for (let i = start; i < end; i++) {
    const c = line.charCodeAt(i);
    if (isDigit(c)) return true;
    if (c >= 65 && c <= 90) upper++;
    else if (!isLetter(c) && !(i === end - 1 && (c === 58 || c === 44))) return true;
  }
  const letters = end - start - (line.charCodeAt(end - 1) === 58 || line.charCodeAt(end - 1) === 44 ? 1 : 0);
  if (upper === letters && letters <= 16) return true;
  // a name set off by a separator: `2024-… - root - INFO - msg`
  const next = skipSpaces(line, end);
  return next > end && (line.startsWith('- ', next) || line.startsWith('| ', next));
}

/** After the level: a thread in brackets, a logger or tag ending in `:` or followed by ` - `, a padded column, a separator. */
function readAfterLevel(line: string, i: number, header: TextHeader): void {
  const n = line.length;
  let j = skipSpaces(line, i);
  // columns padded with spaces (Windows CBS) or separated by tabs (zap's console encoder)
  const padded = j - i >= 2 || line.charCodeAt(i) === 9;
  let pid = false;
  // a header never continues on the next line of a multi-line item
  if (line.lastIndexOf('\n', j) >= i) {
    header.messageStart = j;
    return;
  }
  for (let k = 0; k < 5 && j < n; k++) {
    const c = line.charCodeAt(j);
    // a level written before the time: `[ERROR] 2024-03-05 10:15:30 msg`
    const stamp = header.timestamp === undefined ? timestampEnd(line, j) : -1;
    if (stamp > 0) {
      header.timestamp = line.slice(j, stamp);
      j = skipSeparator(line, stamp);
      continue;
    }
    // JBoss/WildFly: `INFO  [org.hibernate.Version] (main) msg`
    if (c === 40 && header.source?.thread !== undefined && k > 0) {
      const close = groupEnd(line, j);
      const inner = close < 0 ? '' : line.slice(j + 1, close - 1);
      if (inner === '' || /\s/.test(inner)) break;
      header.source.logger ??= header.source.thread;
      header.source.thread = inner;
      j = skipSpaces(line, close);
      continue;
    }
    if (c === 91) {
      const close = groupEnd(line, j);
      if (close < 0) break;
      const inner = line.slice(j + 1, close - 1).trim();
      // `[main]`, `[pid 123:tid 4]`, `[a thread] - ` are header; `[client 1.2.3.4] File does not exist` is message.
      if (
        inner.includes(' ') &&
        !/^(?:pid|tid|thread)\b/.test(inner) &&
        skipSeparator(line, close) === skipSpaces(line, close)
      )
        break;
      sourceOf(header).thread ??= inner;
      j = skipSpaces(line, close);
      continue;
    }
    const separated = skipSeparator(line, j);
    if (separated !== j) {
      j = separated;
      if (pid) continue;
      break;
    }
    const e = tokenEnd(line, j);
    if (e - j > maxLoggerChars) break;
    const after = skipSpaces(line, e);
    // a pid before a separator or a thread (Spring Boot: `INFO 12345 --- [main] o.s.Logger : msg`)
    if (
      k === 0 &&
      /^\d{1,10}$/.test(line.slice(j, e)) &&
      (line.charCodeAt(after) === 91 || skipSeparator(line, after) !== after)
    ) {
      sourceOf(header).pid = line.slice(j, e);
      j = after;
      pid = true;
      continue;
    }
    if (line.charCodeAt(e - 1) === 58 && e - j >= 2) {
      const name = line.slice(j, e - 1);
      const nginx = /^(\d+)#(\d+)$/.exec(name);
      if (nginx !== null) Object.assign(sourceOf(header), { pid: nginx[1], thread: nginx[2] });
      // a logger or tag has a lowercase letter (`dfs.DataNode`, `WindowManager`); `AH00957:` is an error code
      else if (/[a-z]/.test(name)) sourceOf(header).logger = name;
      else break;
      j = skipSpaces(line, e);
      break;
    }
    // a tag padded before its colon (logcat `Tag   : msg`), or a logger before ` - `
    if (
      after > e &&
      ((line.charCodeAt(after) === 58 && (after + 1 >= n || isSpace(line.charCodeAt(after + 1)))) ||
        line.startsWith('- ', after))
    ) {
      sourceOf(header).logger = line.slice(j, e);
      j = skipSpaces(line, after + 1);
      break;
    }
    // fixed-width columns: a padded level followed by a padded component (Windows CBS: `Info      CBS    msg`)
    if (k === 0 && padded && (after - e >= 2 || line.charCodeAt(e) === 9) && e - j <= 24 && after < n) {
      sourceOf(header).component = line.slice(j, e);
      j = after;
    }
    break;
  }
  header.messageStart = j;
}

/** Looks for a level among the first header-like tokens from `i`; on success the header ends after the level. */
function scanForLevel(line: string, i: number, header: TextHeader): boolean {
  const n = line.length;
  let previousWasNumber = false;
  let timestamp: string | undefined;
  for (let t = 0; t < maxLevelPosition; t++) {
    i = skipSpaces(line, i);
    if (i >= n) return false;
    const c = line.charCodeAt(i);
    if (c === 91 || c === 60 || c === 40) {
      const close = groupEnd(line, i);
      if (close < 0) return false;
      const inner = line.slice(i + 1, close - 1).trim();
      const severity = inner.includes(' ')
        ? undefined
        : severityOfHeaderWord(inner.slice(inner.lastIndexOf(':') + 1), true);
      if (severity !== undefined) {
        setLevel(header, inner, severity);
        if (timestamp !== undefined) header.timestamp ??= timestamp;
        readAfterLevel(line, close, header);
        return true;
      }
      if (c === 60) return false;
      i = close;
      previousWasNumber = false;
      continue;
    }
    const end = tokenEnd(line, i);
    const stamp = timestampEnd(line, i);
    if (stamp > 0) {
      timestamp ??= line.slice(i, stamp);
      i = stamp;
      previousWasNumber = false;
      continue;
    }
    let w = i;
    while (w < end && isLetter(line.charCodeAt(w))) w++;
    if (w > i) {
      const word = line.slice(i, w);
      const next = line.charCodeAt(w);
      let severity: Severity | undefined;
      let levelEnd = w;
      if (w === end || next === 44) {
        // a bare level in lowercase or capitalised (`info`, `Info`) only after a timestamp: `node error 42` is a state
        const bare =
          w - i === 1 ? (previousWasNumber ? severityOfLetter(word) : undefined) : severityOfHeaderWord(word, false);
        if (
          bare !== undefined &&
          (timestamp !== undefined || header.timestamp !== undefined || word === word.toUpperCase())
        )
          severity = bare;
      } else if (next === 58) severity = severityOfHeaderWord(word, true);
      else if (next === 91) {
        logrusLevel.lastIndex = w;
        if (logrusLevel.test(line)) {
          severity = severityOfHeaderWord(word, true);
          levelEnd = logrusLevel.lastIndex;
        }
      }
      if (severity === undefined && next === 58 && levelKeys.has(word.toLowerCase())) {
        // `level: warn` inside a header (`level=warn` is logfmt, read whole by the parser)
        const valueStart = skipSpaces(line, w + 1);
        levelValue.lastIndex = valueStart;
        const value = levelValue.exec(line)?.[0];
        const named = value === undefined ? undefined : severityOfHeaderWord(value, true);
        if (value !== undefined && named !== undefined) {
          setLevel(header, value, named);
          if (timestamp !== undefined) header.timestamp ??= timestamp;
          readAfterLevel(line, levelValue.lastIndex, header);
          return true;
        }
      }
      if (severity !== undefined) {
        setLevel(header, word, severity);
        if (timestamp !== undefined) header.timestamp ??= timestamp;
        if (next === 58) {
          // `LEVEL: msg`, or python's `LEVEL:logger:msg`
          let j = w + 1;
          const loggerEnd = line.indexOf(':', j);
          if (
            j < n &&
            !isSpace(line.charCodeAt(j)) &&
            loggerEnd > j &&
            loggerEnd - j <= maxLoggerChars &&
            !/\s/.test(line.slice(j, loggerEnd))
          ) {
            sourceOf(header).logger = line.slice(j, loggerEnd);
            j = loggerEnd + 1;
          }
          header.messageStart = skipSpaces(line, j);
        } else readAfterLevel(line, next === 44 ? w + 1 : levelEnd, header);
        return true;
      }
    }
    if (!isHeaderLike(line, i, end)) return false;
    previousWasNumber = isDigit(c) && w === i && /^\d+$/.test(line.slice(i, end));
    i = end;
  }
  return false;
}

/** RFC 5424 after `<PRI>1 `: TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA MSG, `-` for a missing field. */
function readRfc5424(line: string, i: number, header: TextHeader): void {
  const fields: string[] = [];
  for (let f = 0; f < 5; f++) {
    i = skipSpaces(line, i);
    const e = tokenEnd(line, i);
    fields.push(line.slice(i, e));
    i = e;
  }
  const [timestamp, host, program, pid] = fields.map((value) => (value === '-' || value === '' ? undefined : value));
  if (timestamp !== undefined) header.timestamp = timestamp;
  const source: LineSource = {};
  if (host !== undefined) source.host = host;
  if (program !== undefined) source.program = program;
  if (pid !== undefined) source.pid = pid;
  header.source = source;
  i = skipSpaces(line, i);
  if (line.charCodeAt(i) === 45) i++;
  else
    while (line.charCodeAt(i) === 91) {
      const close = groupEnd(line, i);
      if (close < 0) break;
      i = close;
    }
  header.messageStart = skipSpaces(line, i);
  header.shape = 'rfc5424';
  header.settled = true;
}

/** RFC 3164 after its timestamp: `host program[pid]: msg` (host or pid may be missing). */
function readSyslogSource(line: string, i: number, header: TextHeader): void {
  i = skipSpaces(line, i);
  syslogProgram.lastIndex = i;
  let program = syslogProgram.exec(line);
  if (program === null) {
    const hostEnd = tokenEnd(line, i);
    if (hostEnd > i) sourceOf(header).host = line.slice(i, hostEnd);
    i = skipSpaces(line, hostEnd);
    syslogProgram.lastIndex = i;
    program = syslogProgram.exec(line);
  }
  if (program !== null) {
    sourceOf(header).program = program[1];
    if (program[2] !== undefined) sourceOf(header).pid = program[2];
    i = skipSpaces(line, syslogProgram.lastIndex);
  }
  header.messageStart = i;
  header.settled = true;
  // the program's own level after it: `app[1]: ERROR …`, `NetworkManager[1]: <info>  [1700000000.1] …`
  upperLevel.lastIndex = i;
  const upper = upperLevel.exec(line);
  const stated = upper === null ? undefined : severityOfHeaderWord(upper[1], false);
  if (upper !== null && stated !== undefined) {
    setLevel(header, upper[1], stated);
    if (upper[2] === ':') header.messageStart = skipSpaces(line, upperLevel.lastIndex);
    else readAfterLevel(line, upperLevel.lastIndex, header);
    return;
  }
  const c = line.charCodeAt(i);
  if (c !== 60 && c !== 91) return;
  const close = groupEnd(line, i);
  const inner = close < 0 ? '' : line.slice(i + 1, close - 1);
  const severity = severityOfHeaderWord(inner, true);
  if (severity === undefined) return;
  setLevel(header, inner, severity);
  readAfterLevel(line, close, header);
}

/** Shapes whose whole header one pattern reads; each starts with a level letter. */
function readFixedShape(line: string, i: number, header: TextHeader): boolean {
  if (!levelLetters.includes(line[i])) return false;
  for (const shape of fixedShapes) {
    shape.pattern.lastIndex = i;
    const groups = shape.pattern.exec(line)?.groups;
    const level = groups?.level;
    const severity = level === undefined ? undefined : severityFromLevelText(level);
    if (groups === undefined || level === undefined || severity === undefined) continue;
    setLevel(header, level, severity);
    if (groups.timestamp !== undefined) header.timestamp = groups.timestamp;
    const source: LineSource = {};
    for (const key of ['pid', 'logger', 'program'] as const) if (groups[key]) source[key] = groups[key];
    header.source = source;
    header.messageStart = shape.pattern.lastIndex;
    header.shape = shape.name;
    return (header.settled = true);
  }
  return false;
}

/** `ts|field|field|message` (NLog, HealthApp-style): fields without spaces before the last `|` are header. */
function readPipeFields(line: string, i: number, header: TextHeader): boolean {
  let j = i;
  let fields = 0;
  while (line.charCodeAt(j) === 124) {
    const k = line.indexOf('|', j + 1);
    if (k < 0 || k - j > 65) break;
    const field = line.slice(j + 1, k);
    if (/\s/.test(field)) break;
    const severity = header.level === undefined ? severityOfHeaderWord(field, true) : undefined;
    if (severity !== undefined) setLevel(header, field, severity);
    else if (/^\d+$/.test(field)) sourceOf(header).pid ??= field;
    else sourceOf(header).component ??= field;
    fields++;
    j = k;
  }
  if (fields === 0) return false;
  header.messageStart = skipSpaces(line, j + 1);
  return (header.settled = true);
}

/** Reads the header of a plain-text line from `start`. */
export function readTextHeader(line: string, start: number): TextHeader {
  let i = skipSpaces(line, start);
  const header: TextHeader = { messageStart: i, settled: false };
  if (line.charCodeAt(i) === 60) {
    syslogPri.lastIndex = i;
    const pri = syslogPri.exec(line);
    angleLevel.lastIndex = i;
    const word = pri === null ? angleLevel.exec(line) : null;
    const severity =
      pri !== null
        ? severityFromSyslogPriority(Number(pri[1]))
        : word !== null
          ? severityOfHeaderWord(word[1], true)
          : undefined;
    if (severity !== undefined) {
      setLevel(header, (pri ?? word)?.[0] as string, severity);
      i = pri !== null ? syslogPri.lastIndex : angleLevel.lastIndex;
      header.messageStart = i;
      header.shape = pri !== null ? 'syslog' : 'bracketed-level';
      if (pri !== null && line.startsWith('1 ', i)) {
        readRfc5424(line, i + 2, header);
        return header;
      }
      if (pri === null) {
        readAfterLevel(line, i, header);
        header.settled = true;
        return header;
      }
    }
  }
  if (readFixedShape(line, i, header)) return header;
  let stampEnd = timestampEnd(line, i);
  let stampStart = i;
  let next = stampEnd;
  if (stampEnd < 0 && line.charCodeAt(i) === 91) {
    // a bracketed timestamp, perhaps with a level or pid inside: `[10.30 16:49:06]`, `[12:00:00 INF]`, `[1700000000.12]`
    stampStart = skipSpaces(line, i + 1);
    stampEnd = timestampEnd(line, stampStart);
    const close = stampEnd < 0 ? -1 : line.indexOf(']', stampEnd);
    if (close < 0 || close - stampEnd > 40) stampEnd = -1;
    else {
      const extra = line.slice(stampEnd, close).trim();
      // `[12:00:00 INF]`, Celery's `[2024-… : INFO/MainProcess]`
      const word = bracketedLevel.exec(extra)?.[1];
      const severity = word === undefined ? undefined : severityOfHeaderWord(word, true);
      if (word !== undefined && severity !== undefined) setLevel(header, word, severity);
      else if (extra !== '' && !/^#\d+$/.test(extra)) stampEnd = -1;
      next = close + 1;
    }
  }
  if (stampEnd > 0) {
    header.timestamp = line.slice(stampStart, stampEnd);
    // RFC 3164 has neither a year after a comma nor AM/PM (java.util.logging's `Mar 05, 2024 10:15:30 AM`)
    const syslog = isMonthName(line, stampStart) && next === stampEnd && !/,|M$/.test(line.slice(stampStart, stampEnd));
    header.shape = syslog ? 'syslog' : 'timestamp';
    header.messageStart = skipSeparator(line, next);
    if (header.shape === 'syslog') {
      readSyslogSource(line, next, header);
      return header;
    }
    if (header.level !== undefined) {
      readAfterLevel(line, next, header);
      header.settled = true;
      return header;
    }
    i = next;
  }
  if (scanForLevel(line, i, header)) {
    header.shape ??= 'level';
    header.settled = true;
    return header;
  }
  if (stampEnd > 0) {
    const j = skipSpaces(line, i);
    if (readPipeFields(line, j, header)) return header;
    // journald's short-iso and other syslog relatives with a numeric timestamp: `host program[pid]: msg`
    syslogWithPid.lastIndex = j;
    if (syslogWithPid.test(line)) {
      header.shape = 'syslog';
      readSyslogSource(line, j, header);
      return header;
    }
    programDash.lastIndex = j;
    const dash = programDash.exec(line);
    if (dash !== null) {
      sourceOf(header).program = dash[1];
      header.messageStart = programDash.lastIndex;
      header.settled = true;
    }
  }
  return header;
}

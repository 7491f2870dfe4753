import { severityFromLevelText } from './level-text';
import type { LineSource, ParsedLine } from './types';

const logfmtStart = /[A-Za-z_][\w.-]*=/y;

/** Whether a logfmt pair (`key=value`) starts at `pos`. */
export function startsLogfmt(line: string, pos: number): boolean {
  logfmtStart.lastIndex = pos;
  return logfmtStart.test(line);
}

/** A logfmt line (`time=… level=warn msg="queue growing" component=x`): its msg, level, time and source. */
export function parseLogfmtLine(line: string, start: number): ParsedLine {
  const parsed: ParsedLine = { message: line.slice(start), messageStart: start, shape: 'logfmt' };
  const source: LineSource = {};
  let i = start;
  const n = line.length;
  while (i < n) {
    while (i < n && line.charCodeAt(i) === 32) i++;
    const keyStart = i;
    while (i < n && line[i] !== '=' && line.charCodeAt(i) !== 32) i++;
    const key = line.slice(keyStart, i);
    if (line[i] !== '=') continue;
    i++;
    let value: string;
    let valueStart = i;
    if (line[i] === '"') {
      valueStart = ++i;
      let text = '';
      let from = i;
      while (i < n && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < n) {
          text += line.slice(from, i) + (line[i + 1] === 'n' ? '\n' : line[i + 1]);
          i += 2;
          from = i;
        } else i++;
      }
      value = text + line.slice(from, i);
      i++;
    } else {
      while (i < n && line.charCodeAt(i) !== 32) i++;
      value = line.slice(valueStart, i);
    }
    switch (key) {
      case 'msg':
      case 'message':
        parsed.message = value;
        parsed.messageStart = valueStart;
        break;
      case 'level':
      case 'lvl':
      case 'severity': {
        const severity = severityFromLevelText(value);
        if (severity !== undefined) parsed.level = { raw: value, severity, source: 'body_field' };
        break;
      }
      case 'time':
      case 'ts':
      case 't':
      case 'timestamp':
        parsed.timestamp = value;
        break;
      case 'logger':
      case 'caller':
        source.logger = value;
        break;
      case 'component':
      case 'module':
        source.component = value;
        break;
      case 'host':
      case 'hostname':
        source.host = value;
        break;
      case 'app':
      case 'service':
      case 'program':
        source.program = value;
        break;
      case 'pid':
        source.pid = value;
        break;
      default:
    }
  }
  if (Object.keys(source).length > 0) parsed.source = source;
  return parsed;
}

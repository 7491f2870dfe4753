/** One RFC 5424 message, with NILVALUE (`-`) fields left out. */
export interface SyslogMessage {
  facility: number;
  severity: number;
  /** Nanoseconds since the epoch; absent when the message has NILVALUE. */
  timestampNs?: bigint;
  hostname?: string;
  appName?: string;
  procId?: string;
  msgId?: string;
  /** SD-ID -> param name -> value (escapes `\"`, `\\`, `\]` resolved). */
  structuredData: Map<string, Map<string, string>>;
  /** MSG without a leading UTF-8 BOM; absent when the message has none. */
  message?: string;
}

export class SyslogParseError extends Error {
  override name = 'SyslogParseError';
}

// <PRI>VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP
const HEADER = /^<(\d{1,3})>([1-9]\d?) (\S+) (\S{1,255}) (\S{1,48}) (\S{1,128}) (\S{1,32}) /;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;
const SD_NAME = /^[^= \]"]{1,32}/;

/** Parses an RFC 5424 message (the text of one frame); throws SyslogParseError naming what is wrong. */
export function parseRfc5424(text: string): SyslogMessage {
  const h = HEADER.exec(text);
  if (!h) throw new SyslogParseError('not an RFC 5424 header (<PRI>VERSION TIMESTAMP HOSTNAME APP-NAME PROCID MSGID)');
  const pri = Number(h[1]);
  if (pri > 191) throw new SyslogParseError(`PRI ${pri} is above 191`);
  const msg: SyslogMessage = { facility: pri >> 3, severity: pri & 7, structuredData: new Map() };
  if (h[3] !== '-') msg.timestampNs = parseTimestamp(h[3]);
  if (h[4] !== '-') msg.hostname = h[4];
  if (h[5] !== '-') msg.appName = h[5];
  if (h[6] !== '-') msg.procId = h[6];
  if (h[7] !== '-') msg.msgId = h[7];
  let pos = h[0].length;
  if (text[pos] === '-') {
    pos++;
  } else if (text[pos] === '[') {
    pos = parseStructuredData(text, pos, msg.structuredData);
  } else {
    throw new SyslogParseError('expected STRUCTURED-DATA (`-` or `[…]`) after MSGID');
  }
  if (pos < text.length) {
    if (text[pos] !== ' ') throw new SyslogParseError('expected a space before MSG');
    const body = text.slice(pos + 1);
    msg.message = body.startsWith('\uFEFF') ? body.slice(1) : body;
  }
  return msg;
}

/** An RFC 5424 TIMESTAMP (RFC 3339) as UTC nanoseconds; throws SyslogParseError when it is not one. */
export function parseTimestamp(text: string): bigint {
  const m = TIMESTAMP.exec(text);
  if (!m) throw new SyslogParseError(`invalid TIMESTAMP ${JSON.stringify(text.slice(0, 40))}`);
  const [, y, mo, d, hh, mm, ss, frac, zone] = m;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh), Number(mm), Number(ss));
  if (Number.isNaN(ms) || Number(mo) > 12 || Number(d) > 31 || Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 60) {
    throw new SyslogParseError(`invalid TIMESTAMP ${JSON.stringify(text)}`);
  }
  if (zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    ms -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  }
  return BigInt(ms) * 1_000_000n + BigInt((frac ?? '').padEnd(9, '0') || '0');
}

/** Reads `[id name="value" ...]...` from `pos`; returns the position after the last element. */
function parseStructuredData(text: string, pos: number, out: Map<string, Map<string, string>>): number {
  while (text[pos] === '[') {
    pos++;
    const id = SD_NAME.exec(text.slice(pos))?.[0];
    if (!id) throw new SyslogParseError('expected an SD-ID after `[`');
    pos += id.length;
    const params = out.get(id) ?? new Map<string, string>();
    out.set(id, params);
    while (text[pos] === ' ') {
      pos++;
      const name = SD_NAME.exec(text.slice(pos))?.[0];
      if (!name || text[pos + name.length] !== '=' || text[pos + name.length + 1] !== '"')
        throw new SyslogParseError(`expected PARAM-NAME="value" in [${id}]`);
      pos += name.length + 2;
      let value = '';
      for (;;) {
        const c = text[pos];
        if (c === undefined) throw new SyslogParseError(`unterminated value of ${name} in [${id}]`);
        if (c === '"') break;
        if (c === '\\' && (text[pos + 1] === '"' || text[pos + 1] === '\\' || text[pos + 1] === ']')) {
          value += text[pos + 1];
          pos += 2;
          continue;
        }
        value += c;
        pos++;
      }
      params.set(name, value);
      pos++;
    }
    if (text[pos] !== ']') throw new SyslogParseError(`expected \`]\` to close [${id}]`);
    pos++;
  }
  return pos;
}

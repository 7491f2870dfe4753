import { parseTimestamp, SyslogParseError } from '../syslog/rfc5424';

/** One logplex frame: RFC 5424 without STRUCTURED-DATA, as Heroku's Logplex sends it. */
export interface LogplexMessage {
  /** Nanoseconds since the epoch. */
  timestampNs: bigint;
  hostname: string;
  appName: string;
  procId: string;
  msgId: string;
  message: string;
}

export class LogplexError extends Error {
  override name = 'LogplexError';
}

// <PRI>VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID [SP MSG]
const HEADER = /^<(\d{1,3})>([1-9]\d?) (\S+) (\S+) (\S+) (\S+) (\S+)(?: |$)/;

/**
 * Splits an `application/logplex-1` body into its octet-counted frames (`<length> <frame>`) and parses each; throws
 * LogplexError naming the frame (1-based) and what is wrong, so a request is taken whole or not at all.
 */
export function parseLogplexBody(body: Buffer): LogplexMessage[] {
  const messages: LogplexMessage[] = [];
  let pos = 0;
  while (pos < body.length) {
    const n = messages.length + 1;
    // Logplex separates frames with nothing, but a sender may end lines with a newline: skip whitespace between frames.
    if (body[pos] === 0x0a || body[pos] === 0x0d || body[pos] === 0x20) {
      pos++;
      continue;
    }
    const space = body.indexOf(0x20, pos);
    const digits = body.toString(
      'latin1',
      pos,
      space === -1 ? Math.min(body.length, pos + 12) : Math.min(space, pos + 12),
    );
    if (space === -1 || !/^[1-9]\d{0,9}$/.test(digits) || space - pos !== digits.length)
      throw new LogplexError(
        `frame ${n} at byte ${pos}: expected an octet count and a space, got ${JSON.stringify(digits.slice(0, 12))}`,
      );
    const length = Number(digits);
    const start = space + 1;
    if (start + length > body.length)
      throw new LogplexError(
        `frame ${n} at byte ${pos}: its octet count ${length} runs past the end of the body (${body.length - start} bytes left)`,
      );
    messages.push(parseFrame(body.toString('utf8', start, start + length), n));
    pos = start + length;
  }
  return messages;
}

function parseFrame(text: string, n: number): LogplexMessage {
  const h = HEADER.exec(text);
  if (!h)
    throw new LogplexError(`frame ${n}: not a syslog header (<PRI>VERSION TIMESTAMP HOSTNAME APP-NAME PROCID MSGID)`);
  if (Number(h[1]) > 191) throw new LogplexError(`frame ${n}: PRI ${h[1]} is above 191`);
  let timestampNs: bigint;
  try {
    timestampNs = parseTimestamp(h[3]);
  } catch (err) {
    if (!(err instanceof SyslogParseError)) throw err;
    throw new LogplexError(`frame ${n}: ${err.message}`);
  }
  return { timestampNs, hostname: h[4], appName: h[5], procId: h[6], msgId: h[7], message: text.slice(h[0].length) };
}

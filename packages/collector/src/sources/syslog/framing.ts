export interface Frames {
  frames: string[];
  /** Frames cut to maxMessageBytes. */
  truncated: number;
  /** Bytes that were neither a length nor a message, skipped up to the next newline. */
  invalid: number;
}

const LENGTH = /^[1-9]\d{0,9}$/;

/**
 * Splits a TCP byte stream into syslog frames (RFC 6587): octet counting (`<length> <message>`) when a frame starts
 * with a digit, newline-terminated otherwise, decided frame by frame. An unfinished frame is kept, but never more than
 * maxMessageBytes of it: the rest of an oversized frame is skipped, so a sender cannot make the buffer grow.
 */
export class SyslogFramer {
  #pending: Buffer = Buffer.alloc(0);
  /** Bytes still to skip of an oversized octet-counted frame. */
  #skipBytes = 0;
  /** Skipping the rest of an oversized newline-terminated frame. */
  #skipLine = false;

  constructor(readonly maxMessageBytes: number) {}

  push(data: Buffer): Frames {
    const out: Frames = { frames: [], truncated: 0, invalid: 0 };
    let buf = this.#pending.length === 0 ? data : Buffer.concat([this.#pending, data]);
    let pos = 0;
    while (pos < buf.length) {
      if (this.#skipBytes > 0) {
        const n = Math.min(this.#skipBytes, buf.length - pos);
        this.#skipBytes -= n;
        pos += n;
        continue;
      }
      if (this.#skipLine) {
        const nl = buf.indexOf(0x0a, pos);
        if (nl === -1) {
          pos = buf.length;
          break;
        }
        this.#skipLine = false;
        pos = nl + 1;
        continue;
      }
      const first = buf[pos];
      if (first >= 0x30 && first <= 0x39) {
        const space = buf.indexOf(0x20, pos);
        const digits = buf.toString('latin1', pos, space === -1 ? Math.min(buf.length, pos + 11) : space);
        if (space === -1 && LENGTH.test(digits) && digits.length <= 10) break;
        if (!LENGTH.test(digits)) {
          out.invalid++;
          this.#skipLine = true;
          continue;
        }
        const length = Number(digits);
        const start = space + 1;
        if (length > this.maxMessageBytes) {
          if (buf.length < start + this.maxMessageBytes) break;
          out.frames.push(buf.toString('utf8', start, start + this.maxMessageBytes));
          out.truncated++;
          this.#skipBytes = length - this.maxMessageBytes;
          pos = start + this.maxMessageBytes;
          continue;
        }
        if (buf.length < start + length) break;
        out.frames.push(buf.toString('utf8', start, start + length));
        pos = start + length;
      } else {
        const nl = buf.indexOf(0x0a, pos);
        const end = nl === -1 ? buf.length : nl;
        if (end - pos > this.maxMessageBytes) {
          out.frames.push(buf.toString('utf8', pos, pos + this.maxMessageBytes));
          out.truncated++;
          this.#skipLine = true;
          pos += this.maxMessageBytes;
          continue;
        }
        if (nl === -1) break;
        if (nl > pos) out.frames.push(buf.toString('utf8', pos, nl));
        pos = nl + 1;
      }
    }
    buf = buf.subarray(pos);
    this.#pending = buf.length === 0 ? Buffer.alloc(0) : Buffer.from(buf);
    return out;
  }
}

export interface NullFrames {
  /** Whole messages, without their null byte; empty ones (a stray null byte, whitespace) are left out. */
  frames: Buffer[];
  /** Messages over maxMessageBytes, skipped up to their null byte. */
  tooLarge: number;
}

/**
 * Splits a GELF TCP byte stream at null bytes (Graylog's framing; go-gelf and Docker's gelf driver end each message
 * with one). An unfinished message is kept, but never more than maxMessageBytes of it: past that it is counted and the
 * rest up to its null byte skipped, so a sender cannot make the buffer grow.
 */
export class NullFramer {
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  #skipping = false;

  constructor(readonly maxMessageBytes: number) {}

  /** Whether a message was begun and not yet ended by its null byte. */
  get unfinished(): boolean {
    return this.#pendingBytes > 0 || this.#skipping;
  }

  push(data: Buffer): NullFrames {
    const out: NullFrames = { frames: [], tooLarge: 0 };
    let pos = 0;
    while (pos < data.length) {
      const nul = data.indexOf(0, pos);
      const end = nul === -1 ? data.length : nul;
      if (this.#skipping) {
        this.#skipping = nul === -1;
      } else if (this.#pendingBytes + (end - pos) > this.maxMessageBytes) {
        out.tooLarge++;
        this.#skipping = nul === -1;
        this.#reset();
      } else if (nul === -1) {
        // The socket hands over a fresh buffer per read, so a view of it can be kept.
        this.#pending.push(data.subarray(pos));
        this.#pendingBytes += end - pos;
      } else {
        this.#pending.push(data.subarray(pos, end));
        const frame = Buffer.concat(this.#pending, this.#pendingBytes + (end - pos));
        this.#reset();
        if (!isBlank(frame)) out.frames.push(frame);
      }
      pos = end + 1;
    }
    return out;
  }

  /** The unfinished message at the end of the stream, if any: a sender may close the connection instead of a null byte. */
  end(): Buffer | undefined {
    const rest = this.#skipping ? undefined : Buffer.concat(this.#pending, this.#pendingBytes);
    this.#reset();
    this.#skipping = false;
    return rest === undefined || isBlank(rest) ? undefined : rest;
  }

  #reset(): void {
    this.#pending = [];
    this.#pendingBytes = 0;
  }
}

/** Only spaces, tabs, CR and LF (a sender's newline after the null byte). */
function isBlank(frame: Buffer): boolean {
  for (const byte of frame) if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return false;
  return true;
}

/**
 * A buffer reused for the request body of one push in flight. A body that lives through an HTTP round trip
 * outlives two scavenges and is promoted, and V8 frees promoted buffers only at a full GC: a fresh body per push
 * would pile up tens of MiB of dead bodies between full GCs. One per request in flight serves.
 */
export class SendBuffer {
  #buffer = Buffer.allocUnsafeSlow(0);

  /** `bytes` copied into the reused buffer; valid until the next call. */
  hold(bytes: Uint8Array): Buffer {
    if (bytes.length > this.#buffer.length)
      this.#buffer = Buffer.allocUnsafeSlow(Math.max(bytes.length, this.#buffer.length * 2));
    this.#buffer.set(bytes);
    return this.#buffer.subarray(0, bytes.length);
  }
}

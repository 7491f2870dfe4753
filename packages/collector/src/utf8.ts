const encoder = new TextEncoder();
// Reused across calls (all synchronous): cutting a line allocates nothing but the cut string.
let scratch = new Uint8Array(0);

/** `text` cut to at most `maxBytes` UTF-8 bytes, never inside a character; the very same string when it fits. */
export function cutUtf8(text: string, maxBytes: number): string {
  // n UTF-16 units never take more than 3n UTF-8 bytes: most lines need no encoding at all.
  if (text.length * 3 <= maxBytes) return text;
  if (scratch.length < maxBytes) scratch = new Uint8Array(maxBytes);
  const { read } = encoder.encodeInto(text, scratch.subarray(0, maxBytes));
  return read >= text.length ? text : text.slice(0, read);
}

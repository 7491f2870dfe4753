// Reused across calls: entropy is measured on many short candidates per line, and a Map per call costs more than
// the counting. Characters above 127 share one bucket, which only lowers the estimate for non-ASCII text.
const counts = new Int32Array(128);

/** Shannon entropy in bits per character: random base62 is near 5, English words near 3, placeholders near 0. */
export function entropyPerChar(text: string): number {
  const n = text.length;
  if (n === 0) return 0;
  for (let i = 0; i < n; i++) counts[Math.min(text.charCodeAt(i), 127)]++;
  let bits = 0;
  for (let i = 0; i < n; i++) {
    const c = Math.min(text.charCodeAt(i), 127);
    const k = counts[c] as number;
    if (k === 0) continue;
    const p = k / n;
    bits -= p * Math.log2(p);
    counts[c] = 0;
  }
  return bits;
}

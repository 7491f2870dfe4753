/** What a candidate looks like, without what it says: case and class pattern, length, randomness, known id shapes. */
export function shapeFeatures(
  text: string,
  start: number,
  end: number,
  counts: Int32Array,
  out: (f: string) => void,
): void {
  let shape = '';
  let lastClass = '';
  let upper = 0;
  let lower = 0;
  let digits = 0;
  let other = 0;
  let hex = 0;
  let distinct = 0;
  const length = end - start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    let cls: string;
    if (c >= 65 && c <= 90) {
      cls = 'A';
      upper++;
      if (c <= 70) hex++;
    } else if (c >= 97 && c <= 122) {
      cls = 'a';
      lower++;
      if (c <= 102) hex++;
    } else if (c >= 48 && c <= 57) {
      cls = '0';
      digits++;
      hex++;
    } else {
      cls = c < 128 ? (text[i] ?? '?') : 'u';
      other++;
    }
    if (cls !== lastClass && shape.length < 8) shape += cls;
    lastClass = cls;
    const slot = c & 127;
    if (counts[slot] === 0) distinct++;
    counts[slot] = (counts[slot] ?? 0) + 1;
  }
  let entropy = 0;
  for (let i = start; i < end; i++) {
    const slot = text.charCodeAt(i) & 127;
    const k = counts[slot] ?? 0;
    if (k > 0) {
      const p = k / length;
      entropy -= k * p * Math.log2(p);
      counts[slot] = 0;
    }
  }
  entropy /= length;
  out(`sh:${shape}`);
  out(
    `len:${length <= 2 ? 2 : length <= 4 ? 4 : length <= 8 ? 8 : length <= 12 ? 12 : length <= 20 ? 20 : length <= 32 ? 32 : 99}`,
  );
  out(`ent:${Math.min(10, Math.floor(entropy * 2))}`);
  out(`distinct:${Math.min(8, Math.floor(distinct / 4))}`);
  const letters = upper + lower;
  const kind =
    letters === 0
      ? 'noletter'
      : upper === 0
        ? 'lower'
        : lower === 0
          ? 'upper'
          : upper === 1 && isUpper(text.charCodeAt(start))
            ? 'title'
            : 'mixed';
  out(`case:${kind}${digits > 0 ? '+d' : ''}${other > 0 ? '+p' : ''}`);
  if (hex === length && length >= 8 && digits > 0)
    out(`hex:${length === 32 || length === 40 || length === 64 ? length : 'n'}`);
  if (digits === length) out('digits');
  if (length === 36 && isUuid(text, start)) out('uuid');
  if (digits > 0 && isVersion(text, start, end)) out('version');
  const first = text.charCodeAt(start);
  if (first === 36 || first === 37 || first === 123 || first === 42) out(`ref:${text[start] ?? ''}`);
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isUuid(text: string, start: number): boolean {
  for (let i = 0; i < 36; i++) {
    const c = text.charCodeAt(start + i);
    const dash = i === 8 || i === 13 || i === 18 || i === 23;
    if (dash ? c !== 45 : !((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) return false;
  }
  return true;
}

/** `1.2`, `v10.4.1`, `2.4.57-1`: digits joined by dots, an optional `v` first. */
function isVersion(text: string, start: number, end: number): boolean {
  let i = start;
  if (text.charCodeAt(i) === 118 || text.charCodeAt(i) === 86) i++;
  let dots = 0;
  let sawDigit = false;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) sawDigit = true;
    else if (c === 46 && sawDigit) {
      dots++;
      sawDigit = false;
    } else break;
  }
  return dots > 0 && sawDigit;
}

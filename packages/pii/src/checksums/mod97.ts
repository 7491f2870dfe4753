/**
 * True when a compact, upper-case IBAN passes ISO 13616 mod-97: move the first four characters to the end,
 * turn letters into 10..35, and the number modulo 97 must be 1.
 */
export function passesIbanMod97(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      remainder = (remainder * 10 + (c - 48)) % 97;
    } else if (c >= 65 && c <= 90) {
      remainder = (remainder * 100 + (c - 55)) % 97;
    } else {
      return false;
    }
  }
  return iban.length >= 5 && remainder === 1;
}

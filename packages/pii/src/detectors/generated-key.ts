import { entropyPerChar } from '../checksums/entropy';
import { fileName } from './file-extension';
import { isPlaceholderValue } from './secret-kv';

/** How sure a detector must be that a generator made a value: its position says more or less that a key stands there. */
export interface GeneratedKeyOptions {
  /** Bits a character a value mixing small letters, capitals and digits needs. */
  minEntropy: number;
  /** Read the value after a vendor's prefix (`pc_live_…`, `fmk_…`). */
  afterVendorPrefix?: boolean;
  /** A shape no generator makes, beyond a `..` or `./` (a URL's `://`, a camelCase name). */
  notGenerated?: RegExp;
}

/** Hex of 20+ with a letter and a digit, or a mix of small letters, capitals and digits at `minEntropy`+ bits a
 * character: not a UUID, a word, a name, a path, a file's name, a number or a placeholder. */
export function generatedKey(
  value: string,
  { minEntropy, afterVendorPrefix = false, notGenerated }: GeneratedKeyOptions,
): boolean {
  if (fileName.test(value)) return false;
  const body = afterVendorPrefix ? value.replace(/^(?:[a-z]{2,8}_){1,2}(?=\w{16})/, '') : value;
  if (/^[0-9a-f]{20,}$|^[0-9A-F]{20,}$/.test(body)) return /[a-f]/i.test(body) && /\d/.test(body);
  return (
    /[a-z]/.test(body) &&
    /[A-Z]/.test(body) &&
    /\d/.test(body) &&
    entropyPerChar(body) >= minEntropy &&
    !/[./]{2}/.test(body) &&
    notGenerated?.test(body) !== true &&
    !isPlaceholderValue(value)
  );
}

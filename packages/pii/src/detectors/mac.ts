import { candidate, type Candidate, type Detector } from './detector';

function isHex(text: string, at: number): boolean {
  const c = text.charCodeAt(at) | 32;
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102);
}

function hexRun(text: string, from: number, length: number): boolean {
  for (let i = from; i < from + length; i++) if (!isHex(text, i)) return false;
  return true;
}

/** Six hex pairs joined by sep, the first separator at i. */
function sixPairs(text: string, i: number, sep: string): boolean {
  for (let at = i; at <= i + 12; at += 3) if (text[at] !== sep) return false;
  for (let at = i - 2; at <= i + 13; at += 3) if (!hexRun(text, at, 2)) return false;
  return true;
}

/**
 * The cheap hint: six hex pairs joined by one separator (`aa:bb:cc:dd:ee:ff`, also the start of iptables' `MAC=`) or
 * Cisco's `aaaa.bbbb.`, checked only where a separator is (indexOf jumps there), which costs far less than a regex
 * trying every position. Times (`22:15:29:606`) fail on the fourth separator.
 */
function hasMacShape(text: string): boolean {
  for (const sep of [':', '-']) {
    for (let i = text.indexOf(sep, 2); i !== -1; i = text.indexOf(sep, i + 1)) {
      if (text[i + 3] === sep && sixPairs(text, i, sep)) return true;
    }
  }
  for (let i = text.indexOf('.', 4); i !== -1; i = text.indexOf('.', i + 1)) {
    if (text[i + 5] === '.' && hexRun(text, i - 4, 4) && hexRun(text, i + 1, 4)) return true;
  }
  return false;
}

/**
 * MAC addresses: six hex pairs joined by one consistent `:` or `-`, or Cisco's `xxxx.xxxx.xxxx` (which must
 * contain a hex letter, so an all-digit dotted number is not one).
 */
export function createMacDetector(): Detector {
  const pattern =
    /(?<![\w:.-])(?:[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![\w:-]|\.\w)/g;
  // iptables LOG prints MAC=<destination>:<source>:<ethertype> as one run of 14 pairs.
  const iptables = /\bMAC=((?:[0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}):((?:[0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}):[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}(?![\w:])/g;

  return {
    type: 'mac',
    mayMatch: hasMacShape,
    find(text: string, out: Candidate[]): void {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        if (m[1] === undefined && !/[A-Fa-f]/.test(m[0])) continue;
        // Broadcast and all-zero addresses name no device.
        if (/^(?:[fF]{2}[:-]){5}[fF]{2}$|^(?:00[:-]){5}00$/.test(m[0])) continue;
        out.push(candidate('mac', m.index, m.index + m[0].length));
      }
      iptables.lastIndex = 0;
      for (let m = iptables.exec(text); m !== null; m = iptables.exec(text)) {
        const destination = m.index + 4;
        const source = destination + (m[1] as string).length + 1;
        out.push(candidate('mac', destination, destination + 17), candidate('mac', source, source + 17));
      }
    },
    normalize: (value) => value.replace(/[:.-]/g, '').toLowerCase(),
  };
}

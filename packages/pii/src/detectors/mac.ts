import { candidate, type Candidate, type Detector } from './detector';

/**
 * MAC addresses: six hex pairs joined by one consistent `:` or `-`, or Cisco's `xxxx.xxxx.xxxx` (which must
 * contain a hex letter, so an all-digit dotted number is not one).
 */
export function createMacDetector(): Detector {
  const pattern =
    /(?<![\w:.-])(?:[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![\w:-]|\.\w)/g;
  // iptables LOG prints MAC=<destination>:<source>:<ethertype> as one run of 14 pairs.
  const iptables = /\bMAC=((?:[0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}):((?:[0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}):[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}(?![\w:])/g;
  const hint = /[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}\1[0-9A-Fa-f]{2}\1|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\./;
  return {
    type: 'mac',
    mayMatch: (text) => hint.test(text),
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

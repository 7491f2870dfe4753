import { versionedFileExtension } from './file-extension';
import { createHint } from './hint';
import { boundaryPatterns, candidate, keepAsIs, type Candidate, type Detector } from './detector';

// Loopback, "any", broadcast and netmasks name no machine and no person.
const notAnIdentity = /^(?:127\.|0\.0\.0\.0$|255\.)/;

/**
 * A quad that the text around it says is a version or a number of another kind: a network number of a `/8` with no
 * prefix length after it (`130.0.0.0` names no host; Chrome's reduced User-Agent writes its version so:
 * `Chrome/130.0.0.0`), a package name joined to it by `-` (`TrueNAS-SCALE-24.10.2.1`, `maint-bios-2.14.1.0`), a
 * version constraint's `>=`, `<=` or `~>` (`>= 4.2.0.0`) and a section sign (`RFC 7644 §3.4.2.2`).
 */
function versionLike(text: string, start: number, end: number): boolean {
  if (versionMovedTo.test(text.slice(Math.max(0, start - 48), start))) return true;
  if (text.endsWith('.0.0.0', end) && text.charCodeAt(end) !== 47) return true;
  if (text.charCodeAt(end - 1) === 48 && text.charCodeAt(end - 2) === 46 && !namedNetwork(text, start, end))
    return true;
  const before = text.slice(Math.max(0, start - 3), start);
  return /[A-Za-z]-$|§ ?$|(?:[<>]=|~>) ?$/.test(before);
}

// A key or element whose name ends in `version` (`agent_version=`, `<FirmwareVersion>`, `ManagementSoftwareVersion="`):
// the line names the quad a version, so it is one wherever it stands in that line.
const versionKey = /version["']?(?:\s*[:=>]|":)\s*["']?$/i;
// A version moved to it (`from version A to`, `version set to`): words like `from`, `update` or `current` also stand
// before addresses (`version identification … from 203.0.113.50`, `rolling update 10.0.3.17`, `current=198.51.100.9`).
// Release notes, a firmware's update, the latest and a Windows library before it name a version of that quad only.
const versionMovedTo =
  /(?:\bversion\s+(?:\S+\s+){0,2}to\s+|\b(?:firmware|software)\s+update\s+|\blatest\s*[:=]?\s*|\brelease notes\s*|\.(?:dll|sys|jar|msi)\s+)$/i;

// What makes `a.b.c.0` a network: a prefix length, a netmask, a range, or a network word before it
// (`10.20.0.0/16`, `10.60.0.0 255.255.0.0`, `10.1.0.0 netmask …`, `10.1.0.0-10.1.3.255`, `on network 10.128.0.0`). A
// host numbered `.0` is rare; a version ending in `.0` is common (`Kong Gateway 3.8.0.0`, `agent 1.4.2.0`).
const prefixOrMask = /^(?:\/\d|\s+255\.|\s+(?:net)?mask\b|\s*-\s*\d)/i;
const networkWordBefore = /\b(?:network|net|subnet|route|cidr|range|prefix)\s*[:=]?\s*$/i;

function namedNetwork(text: string, start: number, end: number): boolean {
  return (
    prefixOrMask.test(text.slice(end, end + 9)) || networkWordBefore.test(text.slice(Math.max(0, start - 12), start))
  );
}

/**
 * Dotted-quad IPv4 with octets 0..255 and no leading zeros. Not preceded by a letter, digit or dot (so `v1.2.3.4`
 * and the tail of `1.2.3.4.5` are not addresses; an ellipsis is not a dot: `…1.2.3.4` and `...1.2.3.4` are), by `~` (Windows package ids: `~amd64~~6.1.1.0`), or by a
 * version word, also as a quoted key (`version 1.2.3.4`, `build=1.2.3.4`, `"version":"1.2.3.4"`); not
 * followed by `-` and a letter (`10.2.0.1-SNAPSHOT`).
 * A bare `1.2.3.4` is redacted: an address leaking costs more than a version number hidden.
 */
export function createIpv4Detector(): Detector {
  // The hint starts at the first octet's last digit: at most two characters into an address.
  const dottedQuad = createHint(/\d\.\d{1,3}\.\d{1,3}\.\d/, 2);
  const octet = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
  // A `_` joins an address into a name only before a word with a letter (`worker-3_10.0.8.73_5a1b`, qmail's
  // `198.51.100.201_accepted_message`); before digits it joins a version's build (`8.10.0.9_88114`).
  const address = `${octet}(?:\\.${octet}){3}(?![A-Za-z0-9]|_(?![0-9]*[A-Za-z])|\\.\\d|-[A-Za-z])`;
  const patternsFor = boundaryPatterns(
    '(?<![A-Za-z0-9~])(?<!(?<!\\.)\\.)(?<!\\b(?:v|ver|version|release|build|firmware|fw|hw|sw|rev|revision|kernel|driver|bios|patch|sdk|level)\\\\?["\']?[\\s:=]{0,3}\\\\?["\']?)',
    address,
    'gi',
  );
  return {
    type: 'ipv4',
    // Every address has a digit, a dot, digits, a dot, digits, a dot and a digit: most lines with a dot have none.
    mayMatch: dottedQuad.test,
    find(text: string, out: Candidate[]): void {
      const from = dottedQuad.searchFrom(text);
      const found: Candidate[] = [];
      // A quad a key or element of the line names a version is that version wherever it stands in the line
      // (`"version":"12.1.2.172" … Core 12.1.2.172`): one value, one kind.
      let versions: Set<string> | undefined;
      for (const p of patternsFor(text)) {
        p.lastIndex = from;
        for (let m = p.exec(text); m !== null; m = p.exec(text)) {
          const end = m.index + m[0].length;
          if (text.charCodeAt(end) === 46) {
            const extension = /^\.([A-Za-z0-9]+)/.exec(text.slice(end, end + 12));
            if (extension !== null && versionedFileExtension.test(extension[1] as string)) continue;
          }
          // After a `_` only between two: a name's part (`default_192.0.2.77_passwords.xlsx`), not `ATMAPP_7.2.0.14`.
          if (notAnIdentity.test(m[0]) || (text.charCodeAt(m.index - 1) === 95 && text.charCodeAt(end) !== 95))
            continue;
          if (versionKey.test(text.slice(Math.max(0, m.index - 48), m.index))) (versions ??= new Set()).add(m[0]);
          else if (!versionLike(text, m.index, end)) found.push(candidate('ipv4', m.index, end));
        }
      }
      for (const c of found) if (versions === undefined || !versions.has(text.slice(c.start, c.end))) out.push(c);
    },
    normalize: keepAsIs,
  };
}

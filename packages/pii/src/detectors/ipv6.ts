import { candidate, type Candidate, type Detector } from './detector';

const hexGroup = /^[0-9A-Fa-f]{1,4}$/;
const dottedQuad = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** Counts the 16-bit groups of one side of `::`, or -1 when a group is malformed. */
function countGroups(part: string, allowTrailingIpv4: boolean): number {
  if (part === '') return 0;
  const groups = part.split(':');
  let count = 0;
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i] as string;
    if (hexGroup.test(group)) count += 1;
    else if (allowTrailingIpv4 && i === groups.length - 1 && dottedQuad.test(group)) count += 2;
    else return -1;
  }
  return count;
}

/** RFC 4291 text form: eight groups, or fewer around one `::`, optionally ending in an embedded IPv4. */
export function isIpv6(text: string): boolean {
  // Times and other colon runs (`10:20:30`) have neither `::` nor seven colons: no need to split them.
  if (!text.includes('::') && !hasSevenColons(text)) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  if (halves.length === 1) return countGroups(text, true) === 8;
  const left = countGroups(halves[0] as string, false);
  const right = countGroups(halves[1] as string, true);
  return left >= 0 && right >= 0 && left + right <= 7;
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

/** Without `::` an address has seven colons; counting them is far cheaper than running the pattern. */
function hasSevenColons(text: string): boolean {
  let count = 0;
  for (let at = text.indexOf(':'); at >= 0 && count < 7; at = text.indexOf(':', at + 1)) count++;
  return count >= 7;
}

/** What is not part of an unbracketed address: a colon that ends it (`from fe80::1:` before prose) and a port of five
 * digits (`2a02:8108::3f1:51820`: no group has five). A port of 1-4 digits is a valid last group and stays. */
function withoutPort(value: string): string {
  const bare = value.endsWith(':') && !value.endsWith('::') ? value.slice(0, -1) : value;
  const port = /:\d{5}$/.exec(bare);
  return port !== null && isIpv6(bare.slice(0, port.index)) ? bare.slice(0, port.index) : bare;
}

// Addresses that name no machine and no person, like 127.0.0.1 and 0.0.0.0: loopback (`::1`, `0:0:0:0:0:0:0:1`),
// unspecified (`0:0:0:0:0:0:0:0`), the link-local prefix alone (`[FE80::]/10`) and `::` with one or two groups, in
// the deprecated IPv4-compatible block `::/96` (RFC 4291 2.5.5.1), which is how loopback and a port read unbracketed
// (`listening on ::1:53`).
const namesNoMachine = /^(?:0{0,4}:){2,7}0{0,3}[01]$|^fe80::$|^::(?:[0-9a-f]{1,4}:)?[0-9a-f]{1,4}$/i;
// An IPv4-mapped address (`::ffff:203.0.113.9`) is the IPv4 client of a dual-stack socket: its address is an `ipv4`
// (found by that detector), so one host has one type and one hash tag whichever socket logged it.
const ipv4Mapped = /^(?:0{0,4}:){2,5}ffff:(?:\d{1,3}\.){3}\d{1,3}$/i;
// Eight bytes of two hex digits each (`4A:1F:9C:22:0B:7E:61:D3`) are a certificate serial or a fingerprint: an address
// whose eight groups all stay under 0x100 would lie in the reserved 0000::/8.
const eightBytes = /^(?:[0-9a-f]{2}:){7}[0-9a-f]{2}$/i;

function isHexDigit(code: number): boolean {
  const lower = code | 32;
  return (code >= 48 && code <= 57) || (lower >= 97 && lower <= 102);
}

/** `[\w:.]`: a character an address cannot follow. */
function joinsAddress(code: number): boolean {
  const lower = code | 32;
  return (code >= 48 && code <= 58) || (lower >= 97 && lower <= 122) || code === 95 || code === 46;
}

/** An interface name and its colon just before an address (`en0:2a02:…`, `eth0:fe80::…`). */
const interfaceLead = /(?:^|[^\w.-])[A-Za-z][A-Za-z0-9]{0,14}:$/;

/**
 * Where an address can start that reaches the colon at `colon`: the one to four hex digits before it (or the colon
 * itself), not after a word character, `:` or `.` (except the colon after an interface name); -1 when there is none.
 * Every match of the pattern starts so (its lookahead wants a colon within five characters), so the pattern is tried
 * there only, not at every position of a line.
 */
function startBefore(text: string, colon: number): number {
  let start = colon;
  while (start > 0 && colon - start < 4 && isHexDigit(text.charCodeAt(start - 1))) start--;
  if (start === 0 || !joinsAddress(text.charCodeAt(start - 1))) return start;
  return text.charCodeAt(start - 1) === 58 && interfaceLead.test(text.slice(Math.max(0, start - 17), start))
    ? start
    : -1;
}

/**
 * IPv6 addresses. A compressed form must contain a digit, so identifiers like `dead::beef` or `Foo::Bar`
 * are not addresses; times such as `10:20:30` fail the group count. An interface name may lead it (`en0:2a02:…`,
 * `eth0:fe80::…`); a `-` and a digit right after it make it part of a longer name (borg's `repo::archive-2026-12-06`).
 * Unbracketed text is taken whole: in
 * `2a04:4e42:200::347:443` a port cannot be told from a group (`[addr]:port` is how an address takes a port).
 */
export function createIpv6Detector(): Detector {
  // A colon followed by what can be no group (`:X0`, `:gone`) ends the address, as SonicWall's `addr:port:interface`.
  const pattern =
    /(?:(?<![\w:.])|(?<=(?<![\w.-])[A-Za-z][A-Za-z0-9]{0,14}:))(?=[0-9A-Fa-f]{0,4}:)[0-9A-Fa-f:]{2,45}(?:(?<=:)(?:\d{1,3}\.){3}\d{1,3})?(?![\w]|\.\d|:[0-9A-Fa-f:])/y;
  return {
    type: 'ipv6',
    mayMatch: (text) => text.includes('::') || hasSevenColons(text),
    find(text: string, out: Candidate[]): void {
      let from = 0;
      for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
        const start = startBefore(text, colon);
        if (start < from) continue;
        pattern.lastIndex = start;
        const m = pattern.exec(text);
        if (m === null) continue;
        from = start + m[0].length;
        // Times and other colon runs without `::` or seven colons are no address, port or not (isIpv6's own first test).
        if (!m[0].includes('::') && !hasSevenColons(m[0])) continue;
        const value = withoutPort(m[0]);
        // A `-` and a digit right after the address (not after its port: `::5:22000-2001:db8::1f` is a pair) join it
        // to a longer name.
        if (
          !isIpv6(value) ||
          (value === m[0] && text[m.index + value.length] === '-' && isDigit(text[m.index + value.length + 1]))
        )
          continue;
        if (
          (value.includes('::') && !/\d/.test(value)) ||
          namesNoMachine.test(value) ||
          ipv4Mapped.test(value) ||
          eightBytes.test(value)
        )
          continue;
        out.push(candidate('ipv6', m.index, m.index + value.length));
      }
    },
    normalize: (value) => value.toLowerCase(),
  };
}

import { candidate, type Candidate, type Detector } from './detector';
import { fileExtension } from './file-extension';
import { createHint } from './hint';

// Zero-padded octets too: ISPs name hosts `dsl-082-083-227-067`.
const octet = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|0\\d\\d|[1-9]?\\d)';

function isDotOrDash(code: number): boolean {
  return code === 46 || code === 45;
}

/** `[A-Za-z0-9.-]`, by character code: the host name is grown one character at a time around each address. */
function isHostChar(code: number): boolean {
  const lower = code | 32;
  return (lower >= 97 && lower <= 122) || (code >= 48 && code <= 57) || isDotOrDash(code);
}

/**
 * Host names that embed an IPv4 address, which names the machine as much as the address does:
 * `ip-10-0-1-23.ec2.internal`, `220-135-151-1.hinet-ip.hinet.net`, `calvisitor-10-105-160-95`,
 * `62.99.164.82.sh.interxion.inode.at`. The whole host name is replaced. A dashed address must sit in a name with
 * a letter; a dotted one must be followed by domain labels (not a file extension).
 */
export function createHostnameDetector(): Detector {
  // Four number groups; starting on a digit keeps the test cheap (find() checks for the letters). It starts at the first
  // octet's last digit: at most two characters into an address.
  const numberGroups = createHint(/\d[-.]\d{1,3}[-.]\d{1,3}[-.]\d/, 2);
  const embedded = new RegExp(`(?<!\\d)${octet}([-.])${octet}\\1${octet}\\1${octet}(?!\\d)`, 'g');
  return {
    type: 'hostname',
    mayMatch: numberGroups.test,
    find(text: string, out: Candidate[]): void {
      embedded.lastIndex = numberGroups.searchFrom(text);
      for (let m = embedded.exec(text); m !== null; m = embedded.exec(text)) {
        let start = m.index;
        let end = m.index + m[0].length;
        // A dotted address that no host character follows has no domain labels after it: a bare IPv4 (ipv4's).
        if (m[1] === '.' && !isHostChar(text.charCodeAt(end))) continue;
        while (start > 0 && isHostChar(text.charCodeAt(start - 1))) start--;
        while (end < text.length && isHostChar(text.charCodeAt(end))) end++;
        while (end > start && isDotOrDash(text.charCodeAt(end - 1))) end--;
        while (start < end && isDotOrDash(text.charCodeAt(start))) start++;
        embedded.lastIndex = Math.max(embedded.lastIndex, end);
        const host = text.slice(start, end);
        const before = host.slice(0, m.index - start);
        const after = host.slice(m.index + m[0].length - start);
        // After `@` too (`deploy@host-203-0-113-75.isp.example`, Erlang's `emqx@ip-10-2-3-4.compute.internal`): a host
        // named by its address is no mail domain (email.ts leaves such an address alone).
        if (!/[A-Za-z]/.test(host) || text[end] === '@') continue;
        if (m[1] === '.') {
          // A dotted address counts as part of a host name only when a domain follows it, two labels or more
          // (`….static.example-isp.com`): one label is a file's extension after a version (`infotainment-24.3.1.7.swu`,
          // `ecu_v3.7.7.1.hex`).
          const labels = after.split('.').filter(Boolean);
          if (!after.startsWith('.') || labels.length < 2 || /^\d/.test(labels[0] as string)) continue;
          if (fileExtension.test(labels[labels.length - 1] as string)) continue;
        } else if (
          (before !== '' && !/-$/.test(before) && after === '') ||
          fileExtension.test(host.slice(host.lastIndexOf('.') + 1))
        )
          continue;
        if (/^[vV]?\d*[-.]?$/.test(before) && after === '') continue;
        out.push(candidate('hostname', start, end));
      }
    },
    normalize: (value) => value.toLowerCase(),
  };
}

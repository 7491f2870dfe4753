import { candidate, combineDetectors, type Candidate, type Detector } from './detector';

const pair = '[0-9A-Fa-f]{2}';

/**
 * The cheap hint: the five separators of a MAC with the pairs between them (`:bb:cc:dd:ee:ff`, also inside iptables'
 * `MAC=`; `_bb_cc_dd_ee_ff`), Cisco's `.bbbb.`, or a CSV field of twelve upper-case hex digits. Starting on the literal separator lets the regex engine skip to the next one; times
 * (`22:15:29:606`) fail on the fourth separator.
 */
const macShape = new RegExp(
  `:${pair}:${pair}:${pair}:${pair}:${pair}|-${pair}-${pair}-${pair}-${pair}-${pair}|_${pair}_${pair}_${pair}_${pair}_${pair}|\\.[0-9A-Fa-f]{4}\\.|,[0-9A-F]{12},`,
);

/**
 * MAC addresses: six hex pairs joined by one consistent `:` or `-`, or Cisco's `xxxx.xxxx.xxxx` (which must
 * contain a hex letter, so an all-digit dotted number is not one).
 */
export function createMacDetector(): Detector {
  // A `:` after the sixth pair ends the address when prose follows (bluetoothd's `F4:4E:FD:9A:08:12: error …`).
  const pattern =
    /(?<![\w:.-])(?:[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![\w-]|:(?![ \t]|$)|\.\w)/g;
  // Six pairs joined by `_`, where an identifier cannot hold `:`: BlueZ's D-Bus object path `/org/bluez/hci0/dev_F4_4E_…`.
  const underscored = /(?:(?<=\bdev_)|(?<![\w:.-]))[0-9A-Fa-f]{2}(?:_[0-9A-Fa-f]{2}){5}(?![\w:-])/g;
  // A MAC led by its hardware type `01` (Ethernet), as PXELINUX names a host's config file (`pxelinux.cfg/01-52-54-…`)
  // and DHCP writes a client identifier (`client-id 01:52:54:…`): the six pairs after it are the MAC.
  const typed = /(?<![\w:.-])01([:-])((?:[0-9A-Fa-f]{2}\1){5}[0-9A-Fa-f]{2})(?![\w:-]|\.\w)/g;
  // A whole CSV field of twelve upper-case hex digits with letters and digits: how DHCP servers and inventories
  // export a MAC (`10,12/06/26,…,10.60.4.77,LAPTOP-RK22.acme.local,3C5282A1B0F4,,…`). Lower case is left: Docker's
  // container ids and abbreviated git hashes have that shape.
  const csvField = /(?<=,)(?=[0-9A-F]{0,11}[A-F])(?=[0-9A-F]{0,11}\d)[0-9A-F]{12}(?=,)/g;
  // iptables LOG prints MAC=<destination>:<source>:<ethertype> as one run of 14 pairs.
  const iptables =
    /\bMAC=((?:[0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}):((?:[0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}):[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}(?![\w:])/g;

  // Twelve hex digits with no separator under a key that names a MAC (`StaticMacAddress "07D2F9813B90"`, `mac=…`,
  // `hwaddr:`); not `hmac`/`cmac` (message authentication codes).
  const compact =
    /(?<!(?:^|[^A-Za-z])[hc])(?:mac(?:[ _-]?addr(?:ess)?)?|hw[_-]?addr(?:ess)?)\\?["']?(?:\s*[:=]\s*|\s+)\\?["']?([0-9A-F]{12}|[0-9a-f]{12})(?![\w:.-])/gi;
  const macWord = /mac|hw[_-]?addr/i;
  // A phone's provisioning file, named by its MAC as the vendors document: Polycom and Yealink `<MAC>.cfg` (Polycom's
  // `<MAC>-phone.cfg`, Yealink's `<mac>.boot`), Cisco `SEP<MAC>.cnf.xml`, Grandstream `cfg<mac>` / `cfg<mac>.xml`, Snom
  // `<model>-<MAC>.htm`. One case throughout; Polycom's per-phone suffixes only (`-phone`, `-web`, `-license`); Polycom's master file `000000000000.cfg` names no phone.
  const provisioning =
    /(?<![\w.-])(?:SEP([0-9A-F]{12})\.cnf\.xml|cfg([0-9A-F]{12}|[0-9a-f]{12})(?:\.xml)?|snom\w*-([0-9A-F]{12}|[0-9a-f]{12})\.htm|([0-9A-F]{12}|[0-9a-f]{12})(?:(?:-(?:phone|web|license))?\.cfg|\.boot))(?![\w-])/g;
  const provisioningHint = /cfg|\.boot|\.cnf\.xml|\.htm/i;
  // A bare `<12 hex>.cfg` or `.boot` is also an app's or a container's file (Docker's short ids are 12 hex): it names a
  // phone only beside a provisioning path (`/prov…`, `provision`, TFTP) or a Polycom/Yealink phone on the line.
  const provisioningContext = /\/prov|provision|tftp|yealink|polycom|\bpoly ?studio|\bvvx|soundpoint|\bsip-t\d/i;
  const normalize = (value: string) => value.replace(/[:._-]/g, '').toLowerCase();
  // Three parts: the separated shapes' own test, then the compact form under its key and the provisioning file name,
  // whose words come from the scanner's keyword pass (a case-insensitive scan of every line for them cost as much as
  // the shape's).
  return combineDetectors(
    'mac',
    [
      {
        type: 'mac',
        mayMatch: (text) => macShape.test(text),
        find(text: string, out: Candidate[]): void {
          pattern.lastIndex = 0;
          for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
            if (m[1] === undefined && !/[A-Fa-f]/.test(m[0])) continue;
            // Broadcast and all-zero addresses name no device.
            if (/^(?:[fF]{2}[:-]){5}[fF]{2}$|^(?:00[:-]){5}00$/.test(m[0])) continue;
            out.push(candidate('mac', m.index, m.index + m[0].length));
          }
          underscored.lastIndex = 0;
          for (let m = underscored.exec(text); m !== null; m = underscored.exec(text)) {
            if (/\d/.test(m[0]) && /[A-Fa-f]/.test(m[0])) out.push(candidate('mac', m.index, m.index + 17));
          }
          typed.lastIndex = 0;
          for (let m = typed.exec(text); m !== null; m = typed.exec(text)) {
            out.push(candidate('mac', m.index + 3, m.index + m[0].length));
          }
          csvField.lastIndex = 0;
          for (let m = csvField.exec(text); m !== null; m = csvField.exec(text)) {
            out.push(candidate('mac', m.index, m.index + 12));
          }
          iptables.lastIndex = 0;
          for (let m = iptables.exec(text); m !== null; m = iptables.exec(text)) {
            const destination = m.index + 4;
            const source = destination + (m[1] as string).length + 1;
            out.push(candidate('mac', destination, destination + 17), candidate('mac', source, source + 17));
          }
        },
        normalize,
      },
      {
        type: 'mac',
        keywordGroups: [['mac', 'hwaddr', 'hw_addr', 'hw-addr']],
        mayMatch: (text) => macWord.test(text),
        find(text: string, out: Candidate[]): void {
          compact.lastIndex = 0;
          for (let m = compact.exec(text); m !== null; m = compact.exec(text)) {
            const value = m[1] as string;
            if (!/\d/.test(value) || /^(?:0{12}|f{12})$/i.test(value)) continue;
            const end = m.index + m[0].length;
            out.push(candidate('mac', end - 12, end, m.index, end));
          }
        },
        normalize,
      },
      {
        type: 'mac',
        keywordGroups: [['cfg', '.boot', '.cnf.xml', '.htm']],
        mayMatch: (text) => provisioningHint.test(text),
        find(text: string, out: Candidate[]): void {
          provisioning.lastIndex = 0;
          for (let m = provisioning.exec(text); m !== null; m = provisioning.exec(text)) {
            const value = (m[1] ?? m[2] ?? m[3] ?? m[4]) as string;
            if (!/\d/.test(value) || value === '000000000000') continue;
            if (m[4] !== undefined && !provisioningContext.test(text)) continue;
            const start = m.index + m[0].indexOf(value);
            out.push(candidate('mac', start, start + 12, m.index, m.index + m[0].length));
          }
        },
        normalize,
      },
    ],
    normalize,
  );
}

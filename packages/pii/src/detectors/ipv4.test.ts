import { findValues } from '../testing';
import { createIpv4Detector } from './ipv4';

describe('ipv4 detector', () => {
  const detector = createIpv4Detector();

  test.each([
    ['finds an address when it has a port', 'connect 10.0.0.12:5432 failed', ['10.0.0.12']],
    ['finds an address when it is bracketed', 'from [173.234.31.186] port 22', ['173.234.31.186']],
    [
      'finds an address when a screenshot file is named for it',
      'gowitness: saved screenshot screenshots/203.0.113.9.png',
      ['203.0.113.9'],
    ],
    [
      'finds an address when a public key file is named for it',
      'ssh-keyscan -t ed25519 198.51.100.23 > known/198.51.100.23.pub',
      ['198.51.100.23', '198.51.100.23'],
    ],
    [
      'finds an address when an image or a document is named for it',
      'aquatone: captures/192.0.2.55.jpg and reports/203.0.113.77.pdf',
      ['192.0.2.55', '203.0.113.77'],
    ],
    ['finds an address when it ends a sentence', 'blocked 192.168.1.255.', ['192.168.1.255']],
    ['finds a bare four-part number when it has no version context', 'peer 1.2.3.4 joined', ['1.2.3.4']],
    [
      'finds a network address when a prefix length follows it or a dash only joins digits',
      'route 10.0.0.0/8 via 10.0.0.1-10.0.0.9 and 52.0.0.0/8',
      ['10.0.0.0', '10.0.0.1', '10.0.0.9', '52.0.0.0'],
    ],
    [
      'finds a network ending in .0 when a mask, a range or a network word says it is one',
      'acl 172.16.4.0 255.255.252.0, ifconfig 192.168.7.0 netmask 0xffffff00, pool 10.9.8.0 - 10.9.8.99, subnet: 10.44.1.0',
      ['172.16.4.0', '192.168.7.0', '10.9.8.0', '10.9.8.99', '10.44.1.0'],
    ],
    [
      'finds the address of an IPv4-mapped IPv6 address when a dual-stack socket logs one',
      'from ::ffff:203.0.113.88: invalid and [0:0:0:0:0:FFFF:198.51.100.7]:443',
      ['203.0.113.88', '198.51.100.7'],
    ],
    [
      'finds an address when a version word stands before it but names no version of it',
      "sshd[812]: Bad protocol version identification '\\026' from 203.0.113.50 port 41234; client version 2.0 from 203.0.113.51",
      ['203.0.113.50', '203.0.113.51'],
    ],
    [
      'finds an address when an update, current or a file name stands before it',
      'ip changed previous=198.51.100.4 current=198.51.100.9 by powershell.exe 198.51.100.23:4444; rolling update 10.0.3.17 (2/5) done, then health check on 10.0.3.17 passed',
      ['198.51.100.4', '198.51.100.9', '198.51.100.23', '10.0.3.17', '10.0.3.17'],
    ],
    [
      'finds an address when only another quad of the line is a version',
      'agent_version=4.18.2.1 from 10.20.30.40 (previous 198.51.100.7)',
      ['10.20.30.40', '198.51.100.7'],
    ],
    [
      'finds an address when _ joins it into a name before a word',
      'worker-3_10.0.8.73_5a1b2c3d ready; 198.51.100.201_accepted_message; loot/20261207_default_192.0.2.77_passwords.xlsx',
      ['10.0.8.73', '198.51.100.201', '192.0.2.77'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['ignores version strings when prefixed with v', 'running v1.2.3.4 now'],
    ['ignores four-part versions when a version word precedes them', 'version 1.2.3.4, build=10.0.19041.1'],
    ['ignores three-part versions when there are only three parts', 'upgraded to 2.14.1'],
    ['ignores five-part numbers when the dotted run is longer', 'oid 1.3.6.1.4.1 set'],
    ['ignores octets over 255 when out of range', 'value 256.1.1.1 and 1.8.0.292'],
    ['ignores octets with leading zeros when zero-padded', 'seq 01.02.03.04'],
    [
      'ignores a quad joined by _ when only on one side or before digits',
      'package ATMAPP_7.2.0.14 verified, upgraded from 8.10.0.7_86340',
    ],
    [
      'ignores Windows package versions when joined by ~',
      'Package_for_KB2928120~31bf3856ad364e35~amd64~~6.1.1.0, Applicable',
    ],
    [
      'ignores loopback, any and netmasks when they name no machine',
      'on 127.0.0.1:8080 and 0.0.0.0:80 netmask 255.255.255.0',
    ],
    ['ignores a version when a revision word precedes it', 'usb 1-1: hw rev 2.1.0.6, fw 1.0.3.9'],
    ['ignores a version when a file extension follows it', 'installed app-1.4.1.9.jar'],
    [
      "ignores a /8 network number when no prefix length follows it (Chrome's reduced User-Agent)",
      'ua="Mozilla/5.0 (X11; Linux x86_64) Chrome/128.0.0.0 Safari/537.36 Edg/128.0.0.0" seen 17.0.0.0',
    ],
    [
      'ignores a version when a package name is joined to it by a dash',
      'upgraded opnsense-firmware-23.7.12.1 and jdk-11.0.2.1',
    ],
    [
      'ignores a version when a constraint operator precedes it',
      'requires agent >= 7.2.0.1 and <=8.0.1.2, gem ~> 1.4.2.0',
    ],
    ['ignores a section number when a section sign precedes it', 'as RFC 4511 §4.1.10.2 and § 5.2.1.3 say'],
    ['ignores a version when a quoted version key holds it', '{"app":"web","version":"27.1.0.4","build": "3.2.0.1"}'],
    [
      'ignores a four-part version ending in .0 when nothing says it is a network',
      'Acme Relay 4.12.3.0 started (plugin 7.1.0.0); client 11.2.5.0 below minimum 11.3.0.0',
    ],
    [
      'ignores a version when a key or element named for a version holds it',
      'agent_version=4.18.2.1 <FirmwareVersion>6.2.0.14</FirmwareVersion> SoftwareVersion="7.2.1.4"',
    ],
    [
      'ignores a version when a version is moved to it',
      'upgrade from version 11.124.0.15 to 11.126.0.3; target version set to 11.126.0.3; version raised to 7.38.0.1',
    ],
    [
      'ignores a quad everywhere in a line when a key calls it a version once',
      'Acme 12.1.2.172 ("product_version":"12.1.2.172")',
    ],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});

import { findValues } from '../testing';
import { createIpv6Detector, isIpv6 } from './ipv6';

describe('ipv6 detector', () => {
  const detector = createIpv6Detector();

  test.each([
    [
      'finds a full address when all eight groups are present',
      'src=2001:0db8:85a3:0000:0000:8a2e:0370:7334 ok',
      ['2001:0db8:85a3:0000:0000:8a2e:0370:7334'],
    ],
    ['finds a compressed address when it uses ::', 'from fe80::1ff:fe23:4567:890a%eth0', ['fe80::1ff:fe23:4567:890a']],
    ['finds an address when bracketed with a port', 'listen [2001:db8::7]:8080', ['2001:db8::7']],
    [
      'finds an address when an interface name leads it',
      'v6(en0:2001:db8:b6c0:1f00:4d1e:91ff:fe02:3a77) and Using [1]ib0:fe80::a00:27ff:fe4e:66a1%ib0',
      ['2001:db8:b6c0:1f00:4d1e:91ff:fe02:3a77', 'fe80::a00:27ff:fe4e:66a1'],
    ],
    [
      'finds an address when it ends in an embedded dotted quad',
      'nat64 64:ff9b::c000:221 and 2001:db8::192.0.2.33',
      ['64:ff9b::c000:221', '2001:db8::192.0.2.33'],
    ],
    [
      'finds both addresses when a pair of address:port is joined by a dash',
      'at 2001:db8:1e:7700::5:22000-2001:db8:3c4d:15::1f:22000/quic',
      ['2001:db8:1e:7700::5', '2001:db8:3c4d:15::1f'],
    ],
    [
      'finds addresses when times, scoped names and longer hex runs come before them',
      'at 10:20:30 std::map deadbeef:1 from 2001:db8::1, then :: and [fe80::2]',
      ['2001:db8::1', 'fe80::2'],
    ],
    [
      'finds addresses when a colon and a field that is no hex group follow them (addr:port:interface)',
      'src=2001:db8:7::4c:51234:LAN0 dst=2001:db8:9::a:8443:WAN2 peer fe80::3:gone',
      ['2001:db8:7::4c', '2001:db8:9::a:8443', 'fe80::3'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['ignores times when they are colon separated', 'at 10:20:30 and 2024-01-15T10:20:30.123Z'],
    [
      'ignores eight two-digit bytes when they are a serial or a fingerprint',
      'tls cert serial=0C:9E:41:7A:B2:05:D8:33 and "fingerprint": "a1:00:3f:e7:12:9b:c4:5d"',
    ],
    ['ignores scope operators when the parts are identifiers', 'std::vector Foo::Bar dead::beef'],
    ['ignores MAC addresses when they have six groups', 'hw 00:1a:2b:3c:4d:5e'],
    ['ignores groups longer than four hex digits when malformed', 'x 12345::1 y'],
    ['ignores two double colons when the address is ambiguous', 'x 1::2::3 y'],
    ['ignores a colon run when a hex group goes on past eight groups', 'id 2001:db8:1:2:3:4:5:6:7:zone'],
    ['ignores the loopback address when written short or long', 'bind [::1]:9090, peer ::1 and 0:0:0:0:0:0:0:1'],
    [
      'ignores the loopback address when an unbracketed port follows it (the IPv4-compatible block ::/96)',
      'named listening on ::1:953 and ::1:53, dnsmasq on ::2:5353',
    ],
    [
      "ignores an IPv4-mapped address when written in any case or length (its IPv4 is the ipv4 detector's)",
      'peer [::FFFF:192.0.2.7]:8443 from 0:0:0:0:0:ffff:198.51.100.30 via ::ffff:127.0.0.53',
    ],
    [
      'ignores the unspecified address and the link-local prefix',
      'Listening on /[0:0:0:0:0:0:0:0]:9000, nets [FE80::]/10',
    ],
    [
      'ignores a repository and archive name when a dash and digit follow',
      'borg create ssh://h/./db01::db01-2026-12-06',
    ],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });

  test('isIpv6 rejects too many groups when compression leaves no room', () => {
    expect(isIpv6('1:2:3:4:5:6:7::8')).toBe(false);
    expect(isIpv6('1:2:3:4:5:6::8')).toBe(true);
  });
});

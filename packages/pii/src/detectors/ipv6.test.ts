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
      'finds an IPv4-mapped address when it ends in a dotted quad',
      'client ::ffff:192.168.1.10 closed',
      ['::ffff:192.168.1.10'],
    ],
    [
      'finds addresses when times, scoped names and longer hex runs come before them',
      'at 10:20:30 std::map deadbeef:1 from 2001:db8::1, then :: and [fe80::2]',
      ['2001:db8::1', 'fe80::2'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['ignores times when they are colon separated', 'at 10:20:30 and 2024-01-15T10:20:30.123Z'],
    ['ignores scope operators when the parts are identifiers', 'std::vector Foo::Bar dead::beef'],
    ['ignores MAC addresses when they have six groups', 'hw 00:1a:2b:3c:4d:5e'],
    ['ignores groups longer than four hex digits when malformed', 'x 12345::1 y'],
    ['ignores two double colons when the address is ambiguous', 'x 1::2::3 y'],
    ['ignores the loopback address when written short or long', 'bind [::1]:9090, peer ::1 and 0:0:0:0:0:0:0:1'],
    [
      'ignores IPv4-mapped loopback when written in any case or length',
      'peer [::FFFF:127.0.0.1]:8443 from 0:0:0:0:0:ffff:127.10.20.30 via ::ffff:127.0.0.53',
    ],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });

  test('isIpv6 rejects too many groups when compression leaves no room', () => {
    expect(isIpv6('1:2:3:4:5:6:7::8')).toBe(false);
    expect(isIpv6('1:2:3:4:5:6::8')).toBe(true);
  });
});

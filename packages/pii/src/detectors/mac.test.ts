import { findValues } from '../testing';
import { createMacDetector } from './mac';

describe('mac detector', () => {
  const detector = createMacDetector();

  test.each([
    [
      'finds colon-separated addresses when in a DHCP line',
      'DHCPACK to 00:1a:2b:3c:4d:5e via eth0',
      ['00:1a:2b:3c:4d:5e'],
    ],
    ['finds dash-separated addresses when upper case', 'mac=00-1A-2B-3C-4D-5E', ['00-1A-2B-3C-4D-5E']],
    ['finds Cisco dotted addresses when they contain hex letters', 'port learned 001a.2b3c.4d5e', ['001a.2b3c.4d5e']],
    [
      'finds an address when a colon after it ends it before prose',
      'bluetoothd[88]: 5C:F3:70:A1:0B:2E: connect error: Host is down; hci0: 5c:f3:70:a1:0b:2f:',
      ['5C:F3:70:A1:0B:2E', '5c:f3:70:a1:0b:2f'],
    ],
    [
      'finds an address when BlueZ joins its pairs with _ in an object path',
      'Device /org/bluez/hci1/dev_5C_F3_70_A1_0B_2E/sep3 connected; dev_a4_c1_38_0e_77_d9 lost',
      ['5C_F3_70_A1_0B_2E', 'a4_c1_38_0e_77_d9'],
    ],
    [
      'finds the MAC when its Ethernet hardware type 01 leads it (PXELINUX file, DHCP client id)',
      'RRQ pxelinux.cfg/01-52-54-00-3a-7c-e1 and client-id 01:a4:bb:6d:10:2f:9c',
      ['52-54-00-3a-7c-e1', 'a4:bb:6d:10:2f:9c'],
    ],
    [
      'finds a compact upper-case MAC when it is a whole CSV field',
      '11,12/06/26,09:15:02,Renew,192.0.2.61,pc-17.corp.example,9C2A70B1E4F3,,0',
      ['9C2A70B1E4F3'],
    ],
    [
      'finds the MAC that names a phone provisioning file (Polycom, Yealink, Cisco, Grandstream, Snom)',
      'GET /prov/0004F2A1B7C3.cfg, 0004f2a1b7c4-phone.cfg, y/805ec0d1e2f3.boot, SEP00255E1A2B3C.cnf.xml, cfg000b82c4d5e6.xml, snom760-000413B2C3D4.htm',
      ['0004F2A1B7C3', '0004f2a1b7c4', '805ec0d1e2f3', '00255E1A2B3C', '000b82c4d5e6', '000413B2C3D4'],
    ],
    [
      'finds the MAC of a bare .cfg or .boot name when a phone or a TFTP server is on the line',
      'tftpd: RRQ from 10.0.0.9 filename 805ec0d1e2f3.boot; Polycom VVX 450 GET 0004F2A1B7C9.cfg',
      ['805ec0d1e2f3', '0004F2A1B7C9'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['ignores mixed separators when the groups disagree', 'x 00:1a-2b:3c-4d:5e'],
    ['ignores times when there are fewer than six groups', 'at 10:20:30:40'],
    ['ignores seven groups when the run is longer than a MAC', 'x 00:11:22:33:44:55:66'],
    ['ignores all-digit dotted numbers when no hex letter is present', 'build 2024.0115.1030'],
    ['ignores UUIDs when the groups are longer', '550e8400-e29b-41d4-a716-446655440000'],
    [
      'ignores twelve hex digits in a CSV field when lower case, all digits or all letters (ids, hashes, numbers)',
      'id,4a9c1e7f02b3,ok and 2024,202406011230,x and a,ABCDEFABCDEF,b and sn=0040103C2A1B time=1',
    ],
    [
      'ignores the broadcast and zero addresses when they name no device',
      'to ff:ff:ff:ff:ff:ff from 00:00:00:00:00:00',
    ],
    ['ignores seven pairs when a colon goes on into another pair', 'serial 5C:F3:70:A1:0B:2E:91 key'],
    [
      'ignores twelve hex digits named like a file when no vendor names a provisioning file so (hashes, ids, the master file)',
      'GET /blobs/4a9c1e7f02b3.json, v-4a9c1e7f02b3.cfg, 4a9c1e7f02b3.cnf.xml, 4A9c1e7f02b3.cfg, 000000000000.cfg, /tmp/9a8b7c6d5e4f3.cfg',
    ],
    [
      "ignores an app's 12-hex .cfg or .boot file when no provisioning path or phone is on the line (review10)",
      '{"file":"/etc/app/3f9a1c2b7d4e.cfg","boot":"/var/lib/app/0a1b2c3d4e5f.boot"}',
    ],
    [
      "ignores a Docker short id's hook file when no provisioning path or phone is on the line",
      'docker: container 4e5f6a7b8c9d started with /etc/hooks/4e5f6a7b8c9d-prestart.cfg',
    ],
    [
      'ignores a 12-hex .cfg when its suffix is no Polycom one, even under /prov',
      'GET /prov/0004f2a1b7c4-prestart.cfg 404',
    ],
    ['ignores pairs joined by _ when they go on or hold no hex letter', 'ab_cd_ef_01_23_45_67 v_12_34_56_78_90_12'],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});

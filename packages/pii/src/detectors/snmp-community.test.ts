import { createPiiScanner } from '../scanner';
import { findValues } from '../testing';
import { createSnmpCommunityDetector } from './snmp-community';

describe('an SNMP community in prose', () => {
  const detector = createSnmpCommunityDetector();
  const scanner = createPiiScanner();

  test.each([
    ['after the word, at the end', 'trap received from 10.1.2.3: SNMPv2c, community M0nitor-RO', ['M0nitor-RO']],
    ['in brackets', 'poller: added switch-4 (snmp v1 community Wh3at44)', ['Wh3at44']],
    ['set to a quoted value', 'ups-7: read community changed to "gr33n$Field" by admin', ['gr33n$Field']],
    ['as a community string with a colon', 'scanner: agent answered to community string: Br1dge7Ro</p>', ['Br1dge7Ro']],
    ['a read-write one', 'device cfg: snmp community rw=Pl4nt-RW! port=161', ['Pl4nt-RW!']],
  ])('finds it %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
    const scanned = scanner.scan(text).map((m) => m.value);
    for (const value of expected) expect(scanned).toContain(value);
  });

  test.each([
    ['the defaults', 'SNMP community "public" accepted; community private rejected'],
    ['words', 'community post 99812 flagged; Flyway Community Edition 10.17; community strings'],
    ['a version or an address', 'snmp community v2c; community 10.0.0.1'],
    ['a key or a glued word', 'community_id=1:LQU9qZlK snmpCommunity x9Lm2Qp'],
  ])('leaves %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});

import { createPiiScanner } from '../scanner';
import type { Candidate } from './detector';
import { givenNames, isGivenName, isGivenNameAt } from './given-names';
import { createUserGivenNameDetector, isJoinedName } from './user-given-name';

describe('given names', () => {
  test('hold hundreds of lower-case names and no common word', () => {
    expect(givenNames.size).toBeGreaterThan(700);
    for (const name of givenNames) expect(name).toMatch(/^[a-z]+$/);
    for (const word of ['will', 'mark', 'max', 'grace', 'may', 'august', 'amber', 'summer'])
      expect(givenNames.has(word)).toBe(false);
  });

  test.each(['Obinna', 'SIOBHAN', 'thanh', 'ifeoma', 'mthunzi', 'ryota'])('knows %s in any case', (name) => {
    expect(isGivenName(name)).toBe(true);
  });

  test('are looked up inside a text, in any case, only whole', () => {
    const text = 'by Obinna, SIOBHAN and thanh: obinnax xobinna obin';
    const at = (word: string): boolean => isGivenNameAt(text, text.indexOf(word), text.indexOf(word) + word.length);
    for (const word of ['Obinna', 'SIOBHAN', 'thanh']) expect(at(word)).toBe(true);
    for (const word of ['obinnax', 'xobinna', 'obin', 'by', 'Obinna,']) expect(at(word)).toBe(false);
    for (const name of givenNames) expect(isGivenNameAt(`x ${name.toUpperCase()} y`, 2, 2 + name.length)).toBe(true);
  });
});

describe('user given-name detector', () => {
  const detector = createUserGivenNameDetector();
  const found = (text: string): string[] => {
    const out: Candidate[] = [];
    detector.find(text, out);
    return out.sort((a, b) => a.start - b.start).map((c) => text.slice(c.start, c.end));
  };

  test.each([
    ['a key with any name', 'shift handover nurse_on_duty=obinna.eze ward=4B', ['obinna.eze']],
    ['a quoted CSV field', '"2027-01-09 08:12","siobhan_keane","Viewed chart 88"', ['siobhan_keane']],
    ['capitalized parts', 'approver: Thanh.Nguyen (finance)', ['Thanh.Nguyen']],
    ['capitals joined by a dot', '412,IFEOMA.OKONKWO,DBA,"SELECT 1"', ['IFEOMA.OKONKWO']],
    ['a surname initial', 'grant read to [mthunzi.k] on vault/ops', ['mthunzi.k']],
    ['after a colon', 'LdapBind: ryota.sato: bind rejected', ['ryota.sato']],
    ['an initial and a surname', 'lockout cleared for [r.bergstrand] by helpdesk', ['r.bergstrand']],
    ['with a number', 'ticket 4471 owner wojciech.nowak2 queue=ops', ['wojciech.nowak2']],
    ['after a number and a colon', 'turn alloc user=1893344000:ingrid_solberg ok', ['ingrid_solberg']],
    ['bare in prose', 'rotated keys of dilnoza.rashidova yesterday', ['dilnoza.rashidova']],
    ['at a sentence end', 'Badge reissued for amara.osei.', ['amara.osei']],
    ['alone on a line', 'tamsin_eze', ['tamsin_eze']],
    ['a given name and digits, quoted', "bind rejected for 'dagny27' (LDAP 49)", ['dagny27']],
    ['a given name and digits after a key', 'party invite from=Mehmet9 to=gudrun4410 ok', ['Mehmet9', 'gudrun4410']],
    ['a given name and digits in a list', 'squad=[ingrid77,tamsin3,x9k2]', ['ingrid77', 'tamsin3']],
  ])('%s', (_, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  test.each([
    ['an email local part', 'notify obinna.eze@clinic.example'],
    ['an email with a tag', 'send to ifeoma.okonkwo+alerts@mail.example'],
    ['a host or a file name', 'GET https://thanh.nguyen.example.org/x and obinna.eze.pdf'],
    ['a path', 'cp /srv/share/siobhan.keane/notes.txt /tmp'],
    ['a Java package and a class', 'at org.apache.kafka.Consumer(spring.datasource)'],
    ['dotted config keys', 'max.poll.records=500 spring.datasource.url=jdbc:x'],
    ['a two-label config key with a value', 'lena.enabled = true; ingrid.timeout=30'],
    ['an assignment and a call', 'v.password = "x"; e.printStackTrace(); anna.run()'],
    ['one-letter fields in parentheses', '2 (n.leader), 0x100 (n.epoch), LOOKING (n.state)'],
    ['a source file and line', '[NOTICE] sofia.c:1234 Hangup sofia/external/00'],
    ['a constant in capitals', 'status:ESME_RTHROTTLED [prio:0] SOFIA_SIP'],
    ['a variable of a given name and a word', 'ingrid_count=3 emma_config loaded'],
    ['software named like a person, and a word', 'felix.cache cleared; sofia.gateway up; hugo.toml read'],
    ['a password made of a name', "IDENTIFIED BY 'diego15!' and password=lars33#"],
    ['a host with a number and a port', 'connect hana01:30015 and nina2.internal'],
    ['a word that is a name', 'grace.period=30s will.retry max_conns'],
    ['an initial before a word or a short field', 'see e.g. the docs; (n.epoch) and s.length'],
    ['a long run of letters before the separator', 'x abcdefghijklmnopqrstuvwxyzines.delgado'],
    ['separators at both ends of a line', '.ines_delgado.'],
    ['a given name and five digits or more', 'order gudrun44102 shipped; batch dagny123456'],
    ['a given name and digits in capitals or mixed case', 'GUDRUN44 and tamSIN3 and IngRid7'],
    ['a given name and digits inside a word, a path or an address', 'xgudrun44 /srv/dagny27/ tamsin3@mail.example'],
    ['a given name and digits before a port, a version or a letter', 'hana01:30015 ingrid2.4 tamsin3a gudrun4_x'],
    ['digits after a word that is no name', 'python3 build42 node18 ipv6'],
  ])('leaves %s', (_, text) => {
    expect(found(text)).toEqual([]);
  });

  test('tells a login from a word joined by a dot', () => {
    expect(isJoinedName('wojciech', '.', 'nowak')).toBe(true);
    expect(isJoinedName('s', '.', 'length')).toBe(false);
    expect(isJoinedName('r', '.', 'bergstrand')).toBe(true);
    expect(isJoinedName('n', '.', 'zxid')).toBe(false);
    expect(isJoinedName('spring', '.', 'datasource')).toBe(false);
    expect(isJoinedName('sofia', '.', 'json')).toBe(false);
    expect(isJoinedName('ines', '.', 'Delgado')).toBe(false);
  });

  test('the scanner reports it as a user beside an email of the same person', () => {
    const text = 'kiosk badge=ingrid_solberg mail=ingrid.solberg@hospital.example';
    expect(
      createPiiScanner()
        .scan(text)
        .map((m) => [m.type, m.value]),
    ).toEqual([
      ['user', 'ingrid_solberg'],
      ['email', 'ingrid.solberg@hospital.example'],
    ]);
  });
});

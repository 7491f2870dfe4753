import { createPiiScanner } from '../scanner';
import { findValues } from '../testing';
import { createUserCsvRowDetector } from './user-csv-row';

describe('user csv row detector', () => {
  const detector = createUserCsvRowDetector();

  test.each([
    ['a login before an email', 'members.csv: 4410,kvarga,kata.varga@mail.example,HU,active', ['kvarga']],
    ['a login after an email', '"2026-03-02","noor.haddad@shop.example","nhaddad77","ok","gold"', ['nhaddad77']],
    ["a login before the row's one address", '1733512000,db-prod-2,rtorvald,192.0.2.44,QUERY,0', ['rtorvald']],
    [
      'a login after it, in a | row',
      '2026-01-04T10:00:00Z|9f2c|198.51.100.8|ops-lhansen|GET|/api/x|200',
      ['ops-lhansen'],
    ],
    ['a login shape', "VALUES (7,'greta.lund','203.0.113.90','2026-01-01')", ['greta.lund']],
    ['a tab row', '2026-02-02\tlogin\tmpetrova\t203.0.113.5\tok', ['mpetrova']],
    ['a ; row', '2026-02-02;REGISTERED;tkowal;t.kowal@example.org;PL', ['tkowal']],
    ['a first cell after a label', 'members export: kvarga2,kata.varga@mail.example,+36 1 555 0100,Gold', ['kvarga2']],
    ['both sides of an address', 'x,nadia_k,nadia.k@mail.example,osei_b,y', ['nadia_k', 'osei_b']],
    ["a login beside a person's display name", 'staff.csv: tvoss,Tamsin Voss,Payroll,+1 555 0101', ['tvoss']],
    ['a login after a display name', 'd_0912,Ines van Dijk,idijk4,NL,2026-01-02', ['idijk4']],
  ])('finds %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['a word beside an address', 'T1,accept_all,ana@mail.example,banner,fr-FR'],
    ['a status', '9,fraud_suspected,203.0.113.4,USD,ok'],
    ['an interface or a zone', 'vsys1,10.0.0.9,trust,ens5'],
    ['a protocol without a vowel', '[any]\t1935\t198.51.100.3\trtmp\t-'],
    ['names in capitals', 'x,EXCH04,10.1.2.3,OUTBOUND,y'],
    ['a row of several addresses', 'fw,10.0.0.1,inbound-web,10.0.0.2,outside'],
    ['three cells only', 'mlopez,203.0.113.7,ok'],
    ['an address inside a cell', 'a,kvarga,from 203.0.113.7 today,b'],
    ['a display name', 'x,Kata Varga,kata.varga@mail.example,y'],
    ['a word beside a phrase of common words', '2026-01-02,Network Login,mwoods,Success,5'],
    ['a word beside a display name', 'x,Tamsin Voss,payroll,1'],
  ])('ignores %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });

  test('reads each line of a text as its own row', () => {
    expect(findValues(detector, 'header\n1,lmarsh,lmarsh@mail.example,2\nfoo,bar')).toEqual(['lmarsh']);
  });

  test('the scanner finds it as a user', () => {
    const found = createPiiScanner({ types: ['user', 'email'] }).scan('5,kvarga,kata.varga@mail.example,HU');
    expect(found.map((m) => [m.type, m.value])).toEqual([
      ['user', 'kvarga'],
      ['email', 'kata.varga@mail.example'],
    ]);
  });
});

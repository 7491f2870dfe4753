import { candidate, type Candidate } from './detectors/detector';
import type { PiiType } from './pii-type';
import { addRepeats } from './repeat-values';
import { createPiiScanner } from './scanner';

/** The text with each found value (the first occurrence of `value`) as a candidate, then the repeats added. */
function repeatsIn(text: string, found: ReadonlyArray<[PiiType, string]>): string[] {
  const resolved: Candidate[] = found
    .map(([type, value]) => candidate(type, text.indexOf(value), text.indexOf(value) + value.length))
    .sort((a, b) => a.start - b.start);
  return addRepeats(text, resolved)
    .filter((c) => !resolved.includes(c))
    .map((c) => `${c.type} ${c.start} ${text.slice(c.start, c.end)}`);
}

describe('addRepeats', () => {
  test('marks a found user name again where it stands in prose, a JSON string and brackets', () => {
    const text = 'actor=qbertram {"owner":"qbertram"} job done by qbertram. [qbertram]';
    expect(repeatsIn(text, [['user', 'qbertram']])).toEqual([
      'user 25 qbertram',
      'user 48 qbertram',
      'user 59 qbertram',
    ]);
  });

  test('marks a found secret again, and a name before `@host` or `(group)`', () => {
    const text = 'pw=Lk9!vRt2 retry Lk9!vRt2; ssh nfarouk@10.1.1.1 as nfarouk(Staff)';
    expect(
      repeatsIn(text, [
        ['secret_kv', 'Lk9!vRt2'],
        ['user', 'nfarouk'],
      ]),
    ).toEqual([`secret_kv ${text.lastIndexOf('Lk9!vRt2')} Lk9!vRt2`, `user ${text.lastIndexOf('nfarouk')} nfarouk`]);
  });

  test('returns the matches sorted by start with the repeats between them', () => {
    const text = 'uid=wmoreau then 10.0.0.5 said wmoreau';
    const resolved = [candidate('user', 4, 11), candidate('ipv4', 17, 25)];
    expect(addRepeats(text, resolved).map((c) => [c.type, c.start])).toEqual([
      ['user', 4],
      ['ipv4', 17],
      ['user', 31],
    ]);
  });

  test('leaves a value inside a longer word, a dotted or dashed name, a host, a path or a ~home alone', () => {
    const text =
      'user=orbit orbital orbit-7 orbit.example.org svc.orbit box@orbit /srv/orbit/x C:\\Users\\orbit ~orbit orbit/img';
    expect(repeatsIn(text, [['user', 'orbit']])).toEqual([]);
  });

  test('leaves a key, a program tag and a name:secret pair alone, but a full stop ends the value', () => {
    const text = 'login=relay relay: started relay[412] (relay:auth) relay:pw1 relay.';
    expect(repeatsIn(text, [['user', 'relay']])).toEqual([`user ${text.lastIndexOf('relay')} relay`]);
  });

  test('takes a value between escaped quotes or after an escaped line break, as in JSON-escaped text', () => {
    const text = '{"login":"ekrall","msg":"denied for \\"ekrall\\"\\nekrall retried"}';
    expect(repeatsIn(text, [['user', 'ekrall']])).toEqual([
      `user ${text.indexOf('ekrall\\"')} ekrall`,
      `user ${text.lastIndexOf('ekrall')} ekrall`,
    ]);
  });

  test('does not spread a value shorter than four characters, a number or a word naming the field', () => {
    const text = 'user=ops ops team; uid=1042 port 1042; invalid user user; name=guest guest';
    expect(
      repeatsIn(text, [
        ['user', 'ops'],
        ['user', '1042'],
        ['user', 'user'],
      ]),
    ).toEqual([]);
    expect(repeatsIn(text, [['user', 'guest']])).toEqual([`user ${text.lastIndexOf('guest')} guest`]);
  });

  test('spreads a secret only when it has a digit or both cases, as generated secrets do', () => {
    const text = 'secret=placeholder placeholder token=Mixedcase Mixedcase';
    expect(
      repeatsIn(text, [
        ['secret_kv', 'placeholder'],
        ['secret_kv', 'Mixedcase'],
      ]),
    ).toEqual([`secret_kv ${text.lastIndexOf('Mixedcase')} Mixedcase`]);
  });

  test('is case-sensitive and never marks over another match', () => {
    const text = 'user=Halvard HALVARD halvard mail Halvard@corp.example';
    const resolved = [candidate('user', 5, 12), candidate('email', 34, 54)];
    expect(addRepeats(text, resolved)).toBe(resolved);
  });

  test('looks for the first 64 distinct values of a text only, so a text of thousands of names costs 64 scans', () => {
    const names = Array.from({ length: 70 }, (_, i) => `name${100 + i}x`);
    const text = names.map((n) => `user=${n} `).join('') + names.join(' ');
    const resolved = names.map((n) => candidate('user', text.indexOf(n), text.indexOf(n) + n.length));
    const added = addRepeats(text, resolved).filter((c) => !resolved.includes(c));
    expect(added.map((c) => text.slice(c.start, c.end))).toEqual(names.slice(0, 64));
  });

  test('spreads only types that name a person or hold a secret', () => {
    expect(repeatsIn('host=db-primary7 db-primary7', [['hostname', 'db-primary7']])).toEqual([]);
  });
});

describe('the scanner with repeats', () => {
  test('finds a user name a rule found once where no rule looks', () => {
    const text = 'Failed password for tvoss from 10.2.3.4 port 5522 ssh2; quota report: tvoss 81% of 20G';
    expect(
      createPiiScanner()
        .scan(text)
        .filter((m) => m.type === 'user')
        .map((m) => m.start),
    ).toEqual([text.indexOf('tvoss'), text.lastIndexOf('tvoss')]);
  });
});

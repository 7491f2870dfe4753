import { createPiiScanner } from '../scanner';
import { findValues } from '../testing';
import type { Candidate } from './detector';
import { createUserTableDetector } from './user-table';

describe('user table detector', () => {
  const detector = createUserTableDetector();

  test.each([
    [
      'finds the login column of a CSV export under its header',
      'member_no,login,email,joined\nM-4410,tgrieve,t.grieve@example.net,2027-01-02\nM-4411,b_okoye,bo@example.net,2027-01-03',
      ['tgrieve', 'b_okoye'],
    ],
    [
      'finds who did it when a column is named for it, quoted and after a label',
      'audit.csv: "at","action","approved_by"\n"2027-01-02 08:00","refund","kwame.d"',
      ['kwame.d'],
    ],
    [
      'finds a role column when a report separates its cells with bars',
      'Ticket|Dispatcher|Priority\\nT-88|ojensen|high\\nT-89|mbakker2|low',
      ['ojensen', 'mbakker2'],
    ],
    [
      'finds the author when a table is separated by semicolons',
      'post_id;author;words\n4411;lenaf_writes;812',
      ['lenaf_writes'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['ignores a one-line text', 'user,email,phone'],
    [
      'ignores cells that are no login',
      'owner,email,size\nPriya Raman,priya@example.org,12\n-,x@example.org,3\nnone,y@example.org,4',
    ],
    ['ignores columns named for nothing personal', 'host,port,state\nweb01,443,up'],
    ['ignores rows with another number of cells', 'user,action,at\nsome words here, more\njdoe7,login'],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });

  test('the scanner redacts the column as a user', () => {
    const text = 'id,username,plan\n9001,ravi_k42,pro';
    expect(
      createPiiScanner({ types: ['user'] })
        .scan(text)
        .map((m) => m.value),
    ).toEqual(['ravi_k42']);
  });

  test.each([
    ['rows that could head a table', 'name,title,dept\n', 'a,analyst,ops\n'],
    ['a header repeated', '', 'user,b,c\n'],
  ])('reads each row once on a hostile text (%s): one candidate per cell at most', (_name, header, row) => {
    // Each row was tried as a header again, and read the rows below it: 8M candidates for 4,000 rows.
    const copies = 4000;
    const out: Candidate[] = [];
    detector.find(header + row.repeat(copies), out);
    expect(out.length).toBeLessThanOrEqual(copies);
    expect(new Set(out.map((c) => c.start)).size).toBe(out.length);
  });
});

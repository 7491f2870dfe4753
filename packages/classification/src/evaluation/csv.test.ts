import { parseCsv, parseCsvRecords } from './csv';

describe('parseCsv', () => {
  test.each([
    [
      'splits plain fields when no field is quoted',
      'a,b,c\n1,2,3\n',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    ['keeps commas inside a quoted field', 'x,"a, b"\n', [['x', 'a, b']]],
    ['unescapes doubled quotes inside a quoted field', '"say ""hi"""\n', [['say "hi"']]],
    ['keeps a line break inside a quoted field', '"two\nlines",z\n', [['two\nlines', 'z']]],
    [
      'reads CRLF line ends and a last row without a line end',
      'a,b\r\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['keeps empty fields when separators are adjacent', 'a,,c\n', [['a', '', 'c']]],
  ])('%s', (_behaviour, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  test('throws when the text ends inside a quoted field', () => {
    expect(() => parseCsv('a,"open\n')).toThrow('CSV ends inside a quoted field');
  });
});

describe('parseCsvRecords', () => {
  test('keys each row by the header when widths agree', () => {
    expect(parseCsvRecords('Level,Content\nINFO,"a, b"\n')).toEqual([{ Level: 'INFO', Content: 'a, b' }]);
  });

  test('names the row when its width differs from the header', () => {
    expect(() => parseCsvRecords('a,b\n1,2\n3\n')).toThrow('CSV row 3 has 1 fields, the header has 2');
  });
});

import { compileLayout } from './layout';
import { createTimestampParser } from './parser';
import { createZone, utcZone } from './zone';

/** Nanoseconds of an ISO instant plus sub-millisecond nanoseconds. */
function ns(iso: string, extraNanos = 0): bigint {
  return BigInt(Date.parse(iso)) * 1_000_000n + BigInt(extraNanos);
}

const NOW = Date.parse('2026-06-15T12:00:00Z');

describe('compileLayout', () => {
  test.each<[string, string, string, bigint]>([
    [
      'parses RFC3339 with a Z zone when the value is UTC',
      '2006-01-02T15:04:05Z07:00',
      '2024-03-10T08:30:15Z',
      ns('2024-03-10T08:30:15Z'),
    ],
    [
      'applies a numeric offset when the value has +hh:mm',
      '2006-01-02T15:04:05Z07:00',
      '2024-03-10T08:30:15+02:00',
      ns('2024-03-10T06:30:15Z'),
    ],
    [
      'accepts a fraction the layout lacks when it follows the seconds',
      '2006-01-02T15:04:05Z07:00',
      '2024-03-10T08:30:15.123456789Z',
      ns('2024-03-10T08:30:15.123Z', 456789),
    ],
    [
      'reads exactly three digits when the layout has .000',
      '2006-01-02 15:04:05.000',
      '2024-03-10 08:30:15.042',
      ns('2024-03-10T08:30:15.042Z'),
    ],
    [
      'accepts a comma separator when the layout has ,000',
      '2006-01-02 15:04:05,000',
      '2024-03-10 08:30:15,042',
      ns('2024-03-10T08:30:15.042Z'),
    ],
    [
      'allows the fraction to be omitted when the layout has .999',
      '2006-01-02 15:04:05.999',
      '2024-03-10 08:30:15',
      ns('2024-03-10T08:30:15Z'),
    ],
    [
      'reads space-padded days when the layout has _2',
      'Jan _2 15:04:05 2006',
      'Feb  3 01:02:03 2021',
      ns('2021-02-03T01:02:03Z'),
    ],
    [
      'matches month names case-insensitively when the layout has Jan',
      '02 Jan 2006',
      '05 mAr 2020',
      ns('2020-03-05T00:00:00Z'),
    ],
    [
      'reads full month and weekday names when the layout has January and Monday',
      'Monday, January 2 2006',
      'Sunday, September 6 2020',
      ns('2020-09-06T00:00:00Z'),
    ],
    [
      'converts 12-hour clocks when the value says PM',
      '3:04PM 2006-01-02',
      '7:15PM 2020-01-01',
      ns('2020-01-01T19:15:00Z'),
    ],
    [
      'maps 12 AM to midnight when the value says AM',
      '03:04pm 2006-01-02',
      '12:05am 2020-01-01',
      ns('2020-01-01T00:05:00Z'),
    ],
    ['reads two-digit years in Go pivot when the layout has 06', '02/01/06', '31/12/68', ns('2068-12-31T00:00:00Z')],
    [
      'reads two-digit years before the pivot as 19xx when the value is 69',
      '02/01/06',
      '01/01/69',
      ns('1969-01-01T00:00:00Z'),
    ],
    [
      'applies -0700 offsets when the layout has a numeric zone',
      '2006-01-02 15:04:05 -0700',
      '2020-01-01 00:00:00 -0130',
      ns('2020-01-01T01:30:00Z'),
    ],
    [
      'treats UTC as zero offset when the layout has MST',
      '2006-01-02 15:04:05 MST',
      '2020-01-01 10:00:00 UTC',
      ns('2020-01-01T10:00:00Z'),
    ],
    [
      'keeps the wall clock as UTC when the abbreviation is unknown',
      '2006-01-02 15:04:05 MST',
      '2020-01-01 10:00:00 XYZ',
      ns('2020-01-01T10:00:00Z'),
    ],
    ['reads day of year when the layout has 002', '2006 002', '2020 060', ns('2020-02-29T00:00:00Z')],
    [
      'ignores digits past nanoseconds when the fraction is longer',
      '2006-01-02T15:04:05.999999999Z07:00',
      '2020-01-01T00:00:00.1234567891Z',
      ns('2020-01-01T00:00:00.123Z', 456789),
    ],
    [
      'reads the separator literally when .00 is followed by another digit (2006.002 = year, day of year)',
      '2006.002 15:04',
      '2073.153 21:32',
      ns('2073-06-02T21:32:00Z'),
    ],
    [
      'keeps the wall clock as UTC when the zone name is a signed hour offset',
      '02 Jan 06 15:04 MST',
      '03 Feb 10 09:09 -000',
      ns('2010-02-03T09:09:00Z'),
    ],
    [
      'reads digits back to back when the layout has no separators',
      '20060102150405',
      '20240310083015',
      ns('2024-03-10T08:30:15Z'),
    ],
    [
      'matches runs of spaces loosely when the layout has a space',
      '2006-01-02 15:04',
      '2020-01-01    10:00',
      ns('2020-01-01T10:00:00Z'),
    ],
  ])('%s', (_name, layout, value, expected) => {
    expect(compileLayout(layout, utcZone).parse(value, NOW)).toBe(expected);
  });

  test.each<[string, string, string]>([
    ['rejects trailing text when the value is longer than the layout', '2006-01-02', '2020-01-01 extra'],
    ['rejects month 13 when the layout has 01', '2006-01-02', '2020-13-01'],
    ['rejects day 30 of February when the year is given', '2006-01-02', '2021-02-30'],
    ['rejects hour 24 when the layout has 15', '15:04 2006', '24:00 2020'],
    ['rejects a short fraction when the layout has .000', '2006-01-02 15:04:05.000', '2020-01-01 00:00:00.12'],
    ['rejects a colon-less offset when the layout has Z07:00', '2006-01-02T15:04:05Z07:00', '2020-01-01T00:00:00+0200'],
    ['rejects an unknown month name when the layout has Jan', 'Jan 2 2006', 'Foo 2 2020'],
    ['rejects one-digit months when the layout has 01', '2006-01-02', '2020-1-02'],
    ['rejects lower-case pm when the layout has PM', '3PM 2006', '3pm 2020'],
  ])('%s', (_name, layout, value) => {
    expect(compileLayout(layout, utcZone).parse(value, NOW)).toBeUndefined();
  });

  test('throws when the layout has no reference-time element', () => {
    expect(() => compileLayout('YYYY-MM-DD', utcZone)).toThrow(/no Go reference-time element/);
  });

  test('uses the current year when the layout has no year', () => {
    expect(compileLayout('Jan _2 15:04:05', utcZone).parse('Mar  4 05:06:07', NOW)).toBe(ns('2026-03-04T05:06:07Z'));
  });

  test('uses last year when the month is December and now is January', () => {
    const january = Date.parse('2027-01-01T00:10:00Z');
    expect(compileLayout('Jan _2 15:04:05', utcZone).parse('Dec 31 23:59:59', january)).toBe(
      ns('2026-12-31T23:59:59Z'),
    );
  });

  test('uses next year when the month is January and now is December', () => {
    const december = Date.parse('2026-12-31T23:59:00Z');
    expect(compileLayout('Jan _2 15:04:05', utcZone).parse('Jan  1 00:00:01', december)).toBe(
      ns('2027-01-01T00:00:01Z'),
    );
  });

  test('interprets the wall clock in the location when the layout has no zone', () => {
    const berlin = createZone('Europe/Berlin');
    const layout = compileLayout('2006-01-02 15:04:05', berlin);
    expect(layout.parse('2024-01-15 12:00:00', NOW)).toBe(ns('2024-01-15T11:00:00Z'));
    expect(layout.parse('2024-07-15 12:00:00', NOW)).toBe(ns('2024-07-15T10:00:00Z'));
  });

  test("uses the location offset when the abbreviation is the location's own", () => {
    const newYork = createZone('America/New_York');
    expect(compileLayout('2006-01-02 15:04:05 MST', newYork).parse('2024-01-15 12:00:00 EST', NOW)).toBe(
      ns('2024-01-15T17:00:00Z'),
    );
  });
});

describe('createTimestampParser', () => {
  test.each<[string, string, string, bigint | undefined]>([
    ['reads seconds when the format is Unix', 'Unix', '1700000000', ns('2023-11-14T22:13:20Z')],
    [
      'reads a fraction when the format is Unix and the value has one dot',
      'Unix',
      '1700000000.5',
      ns('2023-11-14T22:13:20.500Z'),
    ],
    ['reads milliseconds when the format is UnixMs', 'UnixMs', '1700000000123', ns('2023-11-14T22:13:20.123Z')],
    [
      'reads microseconds when the format is UnixUs',
      'UnixUs',
      '1700000000123456',
      ns('2023-11-14T22:13:20.123Z', 456000),
    ],
    [
      'keeps full nanosecond precision when the format is UnixNs',
      'UnixNs',
      '1700000000123456789',
      1700000000123456789n,
    ],
    ['rejects a fraction when the format is UnixMs', 'UnixMs', '1700000000123.5', undefined],
    ['rejects two dots when the format is Unix', 'Unix', '1.2.3', undefined],
    ['parses RFC1123 when the format is named', 'RFC1123', 'Mon, 02 Jan 2006 15:04:05 UTC', ns('2006-01-02T15:04:05Z')],
    [
      'parses RFC3339Nano when the format is named',
      'RFC3339Nano',
      '2006-01-02T15:04:05.000000001+00:00',
      ns('2006-01-02T15:04:05Z', 1),
    ],
    ["parses Kitchen as today's year when the format is Kitchen", 'Kitchen', '3:04PM', ns('2026-01-01T15:04:00Z')],
    ['parses StampMilli when the format is named', 'StampMilli', 'Jun 15 10:00:00.250', ns('2026-06-15T10:00:00.250Z')],
  ])('%s', (_name, format, value, expected) => {
    expect(createTimestampParser(format, utcZone).parse(value, NOW)).toBe(expected);
  });

  test('ignores the location when the named format is ANSIC (as Alloy does)', () => {
    const parser = createTimestampParser('ANSIC', createZone('Asia/Tokyo'));
    expect(parser.parse('Mon Jan  2 15:04:05 2006', NOW)).toBe(ns('2006-01-02T15:04:05Z'));
  });
});

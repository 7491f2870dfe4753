import { OptionError, parseOptions } from './options';

describe('parseOptions', () => {
  test('applies defaults when no option is given', () => {
    expect(parseOptions([], 1000)).toEqual({
      rate: 10,
      methods: expect.objectContaining({ CashIn: 30 }),
      failureShare: 0.1,
      malformedShare: 0.02,
      incidentShare: 0.005,
      count: undefined,
      output: undefined,
      seed: 1,
      startMs: 1000,
    });
  });

  test('reads every option when all are given', () => {
    expect(
      parseOptions(
        [
          '--rate',
          '0',
          '--method-mix',
          'CashIn=2,STP-OUT=1',
          '--failure-share',
          '0.5',
          '--malformed-share',
          '0',
          '--incident-share',
          '0.01',
          '--count',
          '10',
          '--output',
          'x.log',
          '--seed',
          '9',
          '--start',
          '2025-12-26T00:00:00Z',
        ],
        0,
      ),
    ).toEqual({
      rate: 0,
      methods: { CashIn: 2, 'STP-OUT': 1 },
      failureShare: 0.5,
      malformedShare: 0,
      incidentShare: 0.01,
      count: 10,
      output: 'x.log',
      seed: 9,
      startMs: Date.parse('2025-12-26T00:00:00Z'),
    });
  });

  test.each([
    [['--rate', 'fast'], '--rate must be a number from 0 to Infinity, got "fast"'],
    [['--failure-share', '1.5'], '--failure-share must be a number from 0 to 1, got "1.5"'],
    [
      ['--method-mix', 'CashIn:3'],
      '--method-mix takes NAME=WEIGHT pairs separated by commas (NAME letters and -), got "CashIn:3"',
    ],
    [['--method-mix', 'CashIn=0'], '--method-mix needs at least one weight above 0'],
    [
      ['--malformed-share', '0.6', '--incident-share', '0.5'],
      '--malformed-share and --incident-share add up to more than 1 (0.6 + 0.5)',
    ],
    [['--count', '1.5'], '--count must be a whole number, got "1.5"'],
    [['--start', 'yesterday'], '--start must be an ISO time like 2025-12-26T21:45:00Z, got "yesterday"'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('names the bad option when given %j', (argv, message) => {
    expect(() => parseOptions(argv, 0)).toThrow(new OptionError(message));
  });
});

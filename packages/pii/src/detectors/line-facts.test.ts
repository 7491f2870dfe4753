import { createSecretKvDetector } from './secret-kv';
import type { Candidate } from './detector';
import { lineFacts, stringPositions } from './line-facts';
import { createNameValuePairDetector } from './name-value-pair';
import { createSecretShapeDetector } from './secret-shape';
import { createSecretPositionDetector } from './secret-position';

/**
 * Hostile lines: no timing, a count of the characters the checks read. A check that re-reads the line from each match
 * (`/secret/i.test(text.slice(end))`, a pattern over `text.slice(0, at)`, `lastIndexOf` back to the start) reads about
 * n²/2 characters of an n-character line; reading it a fixed number of times is linear.
 */
describe('line facts', () => {
  test('reads the line once for any number of questions', () => {
    const text = 'v = 1; password=v '.repeat(2000);
    const facts = lineFacts(text);
    for (let at = 0; at < text.length; at += 18) {
      facts.assignedBefore('v', at);
      facts.insideAngleBrackets(at);
      facts.wordFrom('secret', at);
    }
    expect(facts.charactersRead).toBeLessThanOrEqual(3 * text.length);
  });

  test.each([
    ['an assignment before', 'pw = 1; x', 'pw', 9, true],
    ['an assignment after', 'x; pw = 1', 'pw', 2, false],
    ['an assignment with :=', 'pw := f(); password=pw', 'pw', 12, true],
    ['a comparison, which assigns nothing', 'if pw == 1 then password=pw', 'pw', 16, false],
    ['a longer name', 'xpw = 1; password=pw', 'pw', 9, false],
    ['a field, after a dot', 'a.pw = 1; password=pw', 'pw', 10, false],
  ])('assignedBefore: %s', (_, text, name, at, expected) => {
    expect(lineFacts(text).assignedBefore(name, at)).toBe(expected);
  });

  test('insideAngleBrackets and wordFrom answer as a search from the position would', () => {
    const text = '<GET /x?api_key=a> then <b> SECRET_KEY=c';
    const facts = lineFacts(text);
    expect(facts.insideAngleBrackets(8)).toBe(true);
    expect(facts.insideAngleBrackets(19)).toBe(false);
    expect(facts.insideAngleBrackets(26)).toBe(true);
    expect(facts.wordFrom('secret', 20)).toBe(true);
    expect(facts.wordFrom('secret', 29)).toBe(false);
  });

  test('stringPositions answers as lastIndexOf and indexOf would, in any order of positions', () => {
    const text = '{a}{b{c}} }{';
    const positions = stringPositions(text, ['{', '}']);
    for (const at of [0, 1, 4, 4, 7, 12, 3, 9, 12]) {
      expect(positions.lastBefore('{', at)).toBe(at === 0 ? -1 : text.lastIndexOf('{', at - 1));
      expect(positions.lastBefore('}', at)).toBe(at === 0 ? -1 : text.lastIndexOf('}', at - 1));
      expect(positions.nextFrom('}', at)).toBe(text.indexOf('}', at));
    }
  });
});

/** Characters a scan reads: non-global patterns over their whole input, and `lastIndexOf` back to where it stopped. */
function charactersRead(run: () => void): number {
  const exec = RegExp.prototype.exec;
  const lastIndexOf = String.prototype.lastIndexOf;
  let read = 0;
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    if (!this.global && !this.sticky) read += String(input).length;
    return exec.call(this, input);
  };
  String.prototype.lastIndexOf = function (this: string, search: string, position?: number) {
    const found = lastIndexOf.call(this, search, position);
    read += (position ?? this.length) - Math.max(found, 0);
    return found;
  };
  try {
    run();
  } finally {
    RegExp.prototype.exec = exec;
    String.prototype.lastIndexOf = lastIndexOf;
  }
  return read;
}

describe('secret_kv on hostile lines', () => {
  // Each shape made one check per match read the rest or the start of the line: minutes for 1 MB.
  test.each([
    ['password=v (assigned before?)', 'password=v '],
    ['password=v; (assigned before?)', 'password=v;'],
    ['token=x> (an open < before?)', 'token=x> '],
    ['accesskey=;AccessKey= (secret after?)', 'accesskey=;AccessKey='],
    ['access_key=v (secret after?)', 'access_key=v1 '],
    ['token=tok_… (a line about cards?)', 'token=tok_a8Kd02mZq '],
  ])('%s: the checks read the line a bounded number of times', (_, unit) => {
    const detector = createSecretKvDetector();
    const readFor = (copies: number): number => {
      const text = unit.repeat(copies);
      return charactersRead(() => detector.find(text, [] as Candidate[])) / text.length;
    };
    // Per character of the line: the same for 4,000 copies as for 500 (it grows 8x when quadratic).
    expect(readFor(4000)).toBeLessThan(2 * readFor(500) + 4);
  });
});

/** Characters read per character of a line of `copies` units, by `find`. */
function readPerCharacter(find: (text: string) => void, unit: string, copies: number, prefix = ''): number {
  const text = prefix + unit.repeat(copies);
  return charactersRead(() => find(text)) / text.length;
}

describe('other rules on hostile lines', () => {
  test('a JSON object with many values is read once (name-value-pair)', () => {
    const detector = createNameValuePairDetector();
    const find = (text: string): void => detector.find(text + '"name":"password"}', [] as Candidate[]);
    // Each value looked back to its object's `{`: 8x more per character for 8x the copies.
    expect(readPerCharacter(find, '"value":"x",', 4000, '{')).toBeLessThan(
      2 * readPerCharacter(find, '"value":"x",', 500, '{') + 4,
    );
  });

  test.each([
    ['password-shaped tokens (inside sops ENC[…]?)', '', 'Ab1!cdefg '],
    ['password-shaped tokens after an open ENC[', 'ENC[x ', 'Ab1!cdefg '],
  ])('%s: the checks read the line a bounded number of times (secret-shape)', (_, lead, unit) => {
    const detector = createSecretShapeDetector();
    const find = (text: string): void => detector.find(text, [] as Candidate[]);
    const prefix = lead + 'password ';
    expect(readPerCharacter(find, unit, 4000, prefix)).toBeLessThan(2 * readPerCharacter(find, unit, 500, prefix) + 4);
  });
});

describe('secret-position on hostile lines', () => {
  test('token tok_… (a line about cards?): the checks read the line a bounded number of times', () => {
    const detector = createSecretPositionDetector();
    const find = (text: string): void => detector.find(text, [] as Candidate[]);
    const unit = 'token tok_a8Kd02mZq7Lp ';
    expect(readPerCharacter(find, unit, 4000)).toBeLessThan(2 * readPerCharacter(find, unit, 500) + 4);
  });
});

describe('an account command on hostile lines', () => {
  // `--ftpasswd ` repeated: every flag is also a command word, so an unbounded run of flags read the rest of the line
  // from each one (and `-{1,2}[\w-]+` read each flag two ways: 2^n). The bound is what keeps each start's work fixed.
  const detector = createSecretShapeDetector();
  const found = (flags: number): string[] => {
    const text = `useradd${' -x'.repeat(flags)} alice Xk9#mP2qLw`;
    const out: Candidate[] = [];
    detector.find(text, out);
    return out.map((c) => text.slice(c.start, c.end));
  };

  test('reads a run of up to 16 flags before the user', () => {
    expect(found(16)).toEqual(['Xk9#mP2qLw']);
  });

  test('reads no further: a run of 17 is no command line', () => {
    expect(found(17)).toEqual([]);
  });
});

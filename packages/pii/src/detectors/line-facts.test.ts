import { createSecretKvDetector } from './secret-kv';
import type { Candidate } from './detector';
import { lineFacts, stringPositions } from './line-facts';
import { createNameValuePairDetector } from './name-value-pair';
import { createSecretShapeDetector } from './secret-shape';
import { createSecretPositionDetector } from './secret-position';
import { createSecretFormatsDetector } from './secret-formats';
import { createUserActorDetector } from './user-actor';
import { createUserFormatsDetector } from './user-formats';
import type { Detector } from './detector';

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

describe('command rules on hostile lines', () => {
  // A line repeating a command's name (`--impdp `, `--user-edit `, 1 MB): a rule reading from each name to the end of
  // the line read n²/2 characters. Each reads a bounded stretch after its name (the longest on the corpora and loghub
  // is under 200 characters): the value is found at the bound and not one step past it, so the work per name is fixed.
  const secrets = createSecretFormatsDetector();
  const users = createUserFormatsDetector();
  const actors = createUserActorDetector();
  const found = (detector: Detector, text: string): string[] => {
    const out: Candidate[] = [];
    detector.find(text, out);
    return out.map((c) => text.slice(c.start, c.end));
  };

  // Arguments between a command and its flag: up to 256 characters (`' -x'` is 3).
  test.each([
    ['sqlplus user/password', secrets, 'sqlplus', ' scott/t1ger@db', 't1ger'],
    ['sqlplus user/password (the user)', users, 'sqlplus', ' scott/t1ger@db', 'scott'],
    ['lftp -u user,password', secrets, 'lftp', ' -u alice,S3cret host', 'S3cret'],
    ['mysql -p', secrets, 'mysql', ' -pS3cret!x', 'S3cret!x'],
    ['rabbitmqctl add_user', secrets, 'rabbitmqctl', " add_user ana 'c7Vb!r9Q2'", 'c7Vb!r9Q2'],
    ['mysqladmin password', secrets, 'mysqladmin', ' password S3cret!x', 'S3cret!x'],
    ['check_http -a user:password', secrets, 'check_http', ' -a probe:pr0be!x', 'pr0be!x'],
    ['check_http -a user:password (the user)', users, 'check_http', ' -a probe:pr0be!x', 'probe'],
    ['nmcli wifi-sec.psk', secrets, 'nmcli', " wifi-sec.psk 'Q7x!rT9v'", 'Q7x!rT9v'],
    ['ldapsearch -D', actors, 'ldapsearch', ' -D cn=reader,dc=x', 'reader'],
  ])('%s: read up to 256 characters of arguments before the flag', (_, detector, command, rest, value) => {
    expect(found(detector, `${command}${' -x'.repeat(85)}${rest}`)).toContain(value);
    expect(found(detector, `${command}${' -x'.repeat(86)}${rest}`)).not.toContain(value);
  });

  test('ConvertTo-SecureString: -AsPlainText within 256 characters', () => {
    const line = (k: number): string => `ConvertTo-SecureString "S3cret!x"${' -x'.repeat(k)} -AsPlainText`;
    expect(found(secrets, line(85))).toEqual(['S3cret!x']);
    expect(found(secrets, line(86))).toEqual([]);
  });

  test('radius-server … key: the key within 256 characters of the server word', () => {
    const line = (k: number): string => `radius-server host 10.1.1.9${' -x'.repeat(k)} key 7 S3cret!x`;
    // Cisco's `key 7 x` rule finds the value too: the server rule adds one finding within the bound, none past it.
    expect(found(secrets, line(80)).length).toBe(found(secrets, line(81)).length + 1);
  });

  test('AUTH PLAIN: resp= within 512 characters', () => {
    const line = (k: number): string => `AUTH\t1\tPLAIN${'\tx=y'.repeat(k)}\tresp=AGFsaWNlAFMzY3JldCE=`;
    expect(found(secrets, line(128))).toEqual(['AGFsaWNlAFMzY3JldCE=']);
    expect(found(secrets, line(129))).toEqual([]);
  });

  // Options between a command and the account it acts on: up to 16.
  test.each([
    ['user edit NAME', users, 'wp user edit', ' --x'],
    ['saslpasswd2 NAME', actors, 'saslpasswd2', ' -c'],
  ])('%s: read up to 16 options before the name', (_, detector, command, option) => {
    expect(found(detector, `${command}${option.repeat(16)} alice`)).toContain('alice');
    expect(found(detector, `${command}${option.repeat(17)} alice`)).not.toContain('alice');
  });
});

import type { Candidate, Detector } from './detector';
import { createEmailDetector } from './email';
import { createSecretFormatsDetector } from './secret-formats';
import { createUserEmailLoginDetector } from './user-email-login';
import { createUserTableDetector } from './user-table';
import { createUserDetector } from './user';
import { createUserFormatsDetector } from './user-formats';

/**
 * Shapes bench/pii/hostile.js flagged or that read to a line's end (round 7). No timing: each test pins the bound that
 * keeps the work per match fixed, so a line repeating the rule's word stays linear.
 */
const found = (detector: Detector, text: string): string[] => {
  const out: Candidate[] = [];
  detector.find(text, out);
  return out.map((c) => text.slice(c.start, c.end));
};

describe('rules that read to the line end, bounded', () => {
  const users = createUserFormatsDetector();

  // Unbounded, a line repeating `<= ` read the rest of the line from each one.
  test("Exim's U= within 256 characters of <=", () => {
    const line = (k: number): string => `1rXyZ-000 <= ${'x'.repeat(k)} U=www-data P=local S=812`;
    expect(found(users, line(256))).toContain('www-data');
    expect(found(users, line(257))).not.toContain('www-data');
  });

  // Unbounded, a line of `--radtest ` read the rest of the line from each one (64 KB: 1.2 s).
  test.each([
    ['the user', users, 'ana'],
    ['the shared secret', createSecretFormatsDetector(), 'S3cr3t'],
  ])('radtest: %s after up to 16 options', (_, detector, value) => {
    const line = (k: number): string => `radtest${' -x'.repeat(k)} ana pw 10.0.0.1 0 S3cr3t`;
    expect(found(detector, line(16))).toContain(value);
    expect(found(detector, line(17))).not.toContain(value);
  });

  // Unbounded, a line repeating `SCHEDULE_HOST_DOWNTIME;` read the rest of the line from each one.
  test("Nagios's author within 256 characters of the command", () => {
    const line = (k: number): string => `[1700000000] SCHEDULE_HOST_DOWNTIME;${'x'.repeat(k)};jdoyle;patching`;
    expect(found(users, line(256))).toContain('jdoyle');
    expect(found(users, line(257))).not.toContain('jdoyle');
  });
});

describe('a realm in capitals on hostile lines', () => {
  // The realm's capital was looked for up to the next lower case letter or blank: a line of `@@@…` (or `.@.@…`) was read
  // to its end from each `@` (64 KB: 2.3 s). It is looked for in the realm's own characters.
  const users = createUserDetector();

  test('the capital is in the realm, not after it', () => {
    expect(found(users, 'user=ana@10.20;X')).toEqual([]);
    expect(found(users, 'user=ana@CORP.EXAMPLE;x')).toEqual(['ana@CORP.EXAMPLE']);
    expect(found(users, 'user=ana@10.20.CORP;x')).toEqual(['ana@10.20.CORP']);
  });
});

describe('email on runs of signs', () => {
  // Each `@`/`%40` tried the pattern from every place an address could start in the 64 characters before it, again for
  // the next sign: `%40%40…` ran ~20 patterns per sign (1 MB: 375 ms). A start is tried once.
  const execs = (text: string): number => {
    const exec = RegExp.prototype.exec;
    let calls = 0;
    RegExp.prototype.exec = function (this: RegExp, input: string) {
      if (this.sticky) calls++;
      return exec.call(this, input);
    };
    try {
      createEmailDetector().find(text, []);
    } finally {
      RegExp.prototype.exec = exec;
    }
    return calls;
  };

  test.each(['%40', 'a%40', '.@', 'a.%40b.'])('%s repeated: at most two patterns per character', (unit) => {
    const text = unit.repeat(4000);
    expect(execs(text)).toBeLessThanOrEqual(2 * text.length);
  });

  test('still finds every address of a run of addresses', () => {
    const out: Candidate[] = [];
    const text = 'a%40b.co a@b.co '.repeat(3);
    createEmailDetector().find(text, out);
    expect(out).toHaveLength(6);
  });
});

/** Characters `indexOf` and `lastIndexOf` read while `run` runs (to what they found, or to the end or the start). */
function charactersSearched(run: () => void): number {
  const indexOf = String.prototype.indexOf;
  const lastIndexOf = String.prototype.lastIndexOf;
  let read = 0;
  String.prototype.indexOf = function (this: string, search: string, position?: number) {
    const found = indexOf.call(this, search, position);
    read += (found === -1 ? this.length : found) - (position ?? 0);
    return found;
  };
  String.prototype.lastIndexOf = function (this: string, search: string, position?: number) {
    const found = lastIndexOf.call(this, search, position);
    read += (position ?? this.length) - Math.max(found, 0);
    return found;
  };
  try {
    run();
  } finally {
    String.prototype.indexOf = indexOf;
    String.prototype.lastIndexOf = lastIndexOf;
  }
  return read;
}

describe('a login that is also the local part of an address, on lines of many addresses', () => {
  const detector = createUserEmailLoginDetector();
  const perCharacter = (text: string): number => charactersSearched(() => detector.find(text, [])) / text.length;

  // A `+tag` was looked for back to the line's start from each `@` (512 KB of `a@b.co `: 5 s).
  test('the same address repeated: what is read per character does not grow with the line', () => {
    const line = (n: number): string => 'a@b.co '.repeat(n);
    expect(perCharacter(line(4000))).toBeLessThanOrEqual(1.2 * perCharacter(line(500)));
  });

  // Each local part was looked for over the whole line: the first 64 different ones are.
  test('different addresses: what is read per character does not grow with the line', () => {
    const line = (n: number): string => Array.from({ length: n }, (_, i) => `ana${i} ana${i}@example.com`).join(' ');
    expect(perCharacter(line(4000))).toBeLessThanOrEqual(1.2 * perCharacter(line(500)));
  });

  test('still finds a login standing beside its address', () => {
    expect(found(detector, '"dmorales","Diana","dmorales@example.org"')).toEqual(['dmorales']);
  });
});

describe('a table on a run of empty rows', () => {
  // Each empty row of `\\n\\n…` was tried as a header (four splits and a pattern each: 1 MB 243 ms, 50 ms now).
  test('a row too short for three cells is not split', () => {
    const split = String.prototype.split;
    let splits = 0;
    String.prototype.split = function (this: string, ...args: Parameters<typeof split>) {
      splits++;
      return split.apply(this, args);
    } as typeof split;
    try {
      createUserTableDetector().find('\\n'.repeat(4000), []);
    } finally {
      String.prototype.split = split;
    }
    expect(splits).toBe(0);
    expect(found(createUserTableDetector(), 'user,role,team\\nana_k,admin,ops')).toEqual(['ana_k']);
  });
});

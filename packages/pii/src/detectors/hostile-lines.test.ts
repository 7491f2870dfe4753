import type { Candidate, Detector } from './detector';
import { createEmailDetector } from './email';
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

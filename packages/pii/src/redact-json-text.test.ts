import type { Candidate } from './detectors/detector';
import { jsonRecordOf, writeBack } from './redact-json-text';
import { redactRecordsWalked, type WalkedRecordRedactionResult } from './redact-record';
import { redactedOffset } from './redacted-offset';
import { createRedactor } from './redactor';
import { plantedSecrets } from './testing';

const redactor = createRedactor();
const token = plantedSecrets().find((p) => p.kind.startsWith('github token'))?.value ?? '';
const lines = (texts: string[]) => redactor.redactLines(texts).map((r) => r.text);
/** A scan that takes each run of 9 digits as an SSN. */
const nineDigits = {
  resolveBatch: (texts: readonly string[]): Candidate[][] =>
    texts.map((t) =>
      [...t.matchAll(/(?<!\d)\d{9}(?!\d)/g)].map((m): Candidate => ({
        type: 'us_ssn',
        start: m.index,
        end: m.index + 9,
        claimStart: m.index,
        claimEnd: m.index + 9,
        priority: 1,
      })),
    ),
  tag: () => '<SSN>',
  secretKeys: true,
};

describe('redactLines', () => {
  test('When a JSON line holds values with their own quotes and line breaks, then each reads as alone and the line stays JSON', () => {
    const values = {
      cmd: `release upload v3.1 --token "${token}" --clobber`,
      denial: "Access denied for user 'tquill'@'10.20.30.40' (using password: YES)\n",
      ini: '[db]\nuser=tquill\npassword=Vx82kLq0Zr\n',
    };
    const [out] = lines([JSON.stringify({ level: 'error', ...values })]);
    expect(JSON.parse(out ?? '')).toEqual({
      level: 'error',
      ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, redactor.redact(v).text])),
    });
    expect(JSON.parse(out ?? '').cmd).toBe('release upload v3.1 --token "<TOKEN>" --clobber');
  });

  test("When a JSON line is redacted, then only the redacted values are spelled anew: spaces, escapes and numbers' digits stay", () => {
    const line =
      '{ "msg" : "caf\\u00e9 for jo@example.net",\t"ratio": 1.50, "id": 12345678901234567890, "tag": "\\u00e9" }';
    expect(lines([line])).toEqual([
      '{ "msg" : "café for <EMAIL>",\t"ratio": 1.50, "id": 12345678901234567890, "tag": "\\u00e9" }',
    ]);
    expect(lines(['[ "10.0.0.1" , 4111111111111111 ]'])).toEqual(['[ "<IPV4>" , "<CREDIT_CARD>" ]']);
  });

  test('When a JSON line has no PII, then it is returned as it was', () => {
    const line = '{"a": 1.0,  "b": "x\\/y"}';
    expect(redactor.redactLines([line])).toEqual([{ text: line, counts: {} }]);
  });

  // Each input redacted in place: only the redacted string (or number) is spelled anew, every other byte stays.
  test.each([
    [
      'an integer-like key, a number past 2^53 and a number spelled 1.50',
      '{"user":"a@b.com","2":1,"id":12345678901234567890,"n":1.50}',
      '{"user":"<EMAIL>","2":1,"id":12345678901234567890,"n":1.50}',
    ],
    [
      'integer-like keys after a redacted one, nested in arrays and objects',
      '{"b":[["jo@example.net", 1.0], {"10":"10.0.0.1","a":"x"}], "3": [ 1e2 ], "1": {"7": "10.0.0.2"}}',
      '{"b":[["<EMAIL>", 1.0], {"10":"<IPV4>","a":"x"}], "3": [ 1e2 ], "1": {"7": "<IPV4>"}}',
    ],
    [
      'escaped quotes and \\u escapes in keys and values, an escaped integer-like key',
      '{"k\\"ey":"say \\"hi\\" to jo@example.net","\\u0031":"10.0.0.9","caf\\u00e9":"\\u0041 10.0.0.8","e":"\\u00e9"}',
      '{"k\\"ey":"say \\"hi\\" to <EMAIL>","\\u0031":"<IPV4>","caf\\u00e9":"A <IPV4>","e":"\\u00e9"}',
    ],
    [
      'line breaks, tabs and spaces around every token',
      '{\n  "ip" :\t"10.0.0.1" ,\n  "0": "x" ,\n  "n": -0.10E+2\n}\n',
      '{\n  "ip" :\t"<IPV4>" ,\n  "0": "x" ,\n  "n": -0.10E+2\n}\n',
    ],
    [
      'keys that redact alike (each keeps its #n) beside an integer-like key',
      '{"jo@example.net":1,"ko@example.net":2,"5":"10.0.0.1"}',
      '{"<EMAIL>":1,"<EMAIL>#2":2,"5":"<IPV4>"}',
    ],
    [
      'a top-level array',
      '[ "10.0.0.1" , 4111111111111111 , [ 1.50, null, true ] ]',
      '[ "<IPV4>" , "<CREDIT_CARD>" , [ 1.50, null, true ] ]',
    ],
  ])('When a redacted JSON line has %s, then only the redacted values are spelled anew', (_, line, expected) => {
    const [result] = redactor.redactLinesWithReplacements([line]);
    expect(result?.text).toBe(expected);
    expect(result?.asRecord).toBe(true);
  });

  // A key that redacts from integer-like to a placeholder moves in the copy (JavaScript lists integer-like keys first):
  // each redacted value is paired with the token the walk read it from, never by the copy's own order.
  test.each([
    [
      'a redacted integer-like key after another, its value a list',
      '{"ssn":{"987654320":"b","123456789":[7,8]}}',
      '{"ssn":{"987654320":"b","<US_SSN>":[7,8]}}',
    ],
    [
      'a redacted integer-like key after another, its value an object',
      '{"msg":"payroll","by_ssn":{"987654320":"ok","123456789":{"net":1200,"gross":1500}}}',
      '{"msg":"payroll","by_ssn":{"987654320":"ok","<US_SSN>":{"net":1200,"gross":1500}}}',
    ],
  ])('When a JSON line has %s, then it stays JSON with each value under its own key', (_, line, expected) => {
    const [result] = redactor.redactLinesWithReplacements([line]);
    expect(result?.text).toBe(expected);
    expect(result?.asRecord).toBe(true);
  });

  // The same with a scan that takes every 9-digit run (the SSN detector needs its context): keys at any depth.
  test.each([
    [
      'integer-like keys in ascending order, the first redacted',
      '{"123456789":"a","98765432":"b","x":"c"}',
      '{"<SSN>":"a","98765432":"b","x":"c"}',
    ],
    [
      'a redacted integer-like key after another, then a plain key',
      '{"7":"a","123456789":[1,2],"k":"v"}',
      '{"7":"a","<SSN>":[1,2],"k":"v"}',
    ],
    [
      'redacted integer-like keys at several depths',
      '{"7":{"5":"x","123456789":{"3":"y","234567890":{"1":"z","345678901":"q"}}},"a":"b"}',
      '{"7":{"5":"x","<SSN>":{"3":"y","<SSN>":{"1":"z","<SSN>":"q"}}},"a":"b"}',
    ],
    [
      'redacted integer-like keys in objects inside arrays',
      '[{"9":"a","123456789":"b"},[{"2":[1,2],"234567890":[3,{"1":"c"}]}]]',
      '[{"9":"a","<SSN>":"b"},[{"2":[1,2],"<SSN>":[3,{"1":"c"}]}]]',
    ],
    [
      'two integer-like keys that redact alike after an integer-like key',
      '{"4":"d","123456789":"e","234567890":"f"}',
      '{"4":"d","<SSN>":"e","<SSN>#2":"f"}',
    ],
    ['a redacted integer-like value under an integer-like key', '{"b":1,"3":123456789}', '{"b":1,"3":"<SSN>"}'],
  ])(
    'When a JSON text has %s, then its write-back stays JSON with each value under its own key',
    (_, line, expected) => {
      const record = jsonRecordOf(line) as object;
      const [redacted] = redactRecordsWalked([record], nineDigits);
      const out = writeBack(line, record, redacted as WalkedRecordRedactionResult);
      expect(out).toBe(expected);
      expect(() => JSON.parse(out) as unknown).not.toThrow();
    },
  );

  test('When a JSON line has a duplicate key, then it is read as a line: the value the later key hides is redacted too', () => {
    // JSON.parse keeps the last value only: the record walk would never see the email.
    expect(redactor.redactLines(['{"a":"jo@example.net","a":1}', '{"a":1, "a":"10.0.0.2"}'])).toEqual([
      { text: '{"a":"<EMAIL>","a":1}', counts: { email: 1 } },
      { text: '{"a":1, "a":"<IPV4>"}', counts: { ipv4: 1 } },
    ]);
    expect(redactor.redactLinesWithReplacements(['{"a":"jo@example.net","a":1}'])[0]?.asRecord).toBeUndefined();
  });

  test('When lines are not JSON objects or arrays, then they are redacted as redactBatch redacts them, in one batch with the JSON lines', () => {
    const texts = [
      'plain from 10.0.0.1',
      '"a JSON string jo@example.net"',
      '{not json user=hkowalski',
      '{"ip":"10.0.0.3"}',
    ];
    const out = redactor.redactLines(texts);
    expect(out.slice(0, 3)).toEqual(redactor.redactBatch(texts.slice(0, 3)));
    expect(out[3]).toEqual({ text: '{"ip":"<IPV4>"}', counts: { ipv4: 1 } });
    expect(out).toEqual(texts.map((t) => redactor.redactLines([t])[0]));
  });

  test('When replacements are asked for, then the results are the same and each replacement maps the line into its redaction', () => {
    const texts = [
      '{ "msg": "login for jo@example.net", "level": "info", "password": "[FILTERED]", "from": "10.0.0.4" }',
      '{"b":"jo@example.net","200":3}',
      '{"b":"jo@example.net", "200":"10.0.0.7"}',
      '["10.0.0.1", 4111111111111111]',
      'Dec  7 sshd[3321]: Failed password for hkowalski from 10.0.0.5',
      '{"nothing":"here"}',
    ];
    for (const redactor of [createRedactor(), createRedactor({ hashKey: 'k' })]) {
      const mapped = redactor.redactLinesWithReplacements(texts);
      expect(mapped.map(({ text, counts }) => ({ text, counts }))).toEqual(redactor.redactLines(texts));
      mapped.forEach(({ text, replacements }, i) => {
        const line = texts[i] as string;
        // Between replacements the line is kept as it was: rebuilding the redaction from the line and the list gives it.
        let rebuilt = '';
        let last = 0;
        for (const r of replacements) {
          rebuilt += line.slice(last, r.start) + text.slice(r.at, r.at + r.length);
          last = r.end;
        }
        expect(rebuilt + line.slice(last)).toBe(text);
      });
    }
    const [first] = createRedactor().redactLinesWithReplacements(texts);
    // The message field's value starts at 10, inside its string spelled anew from its quote at 9: it stands at that
    // quote (an offset in a replaced span stands at its start); the address after it where its spelling anew starts.
    expect(redactedOffset(first?.replacements ?? [], 10)).toBe(9);
    expect(first?.text.slice(redactedOffset(first.replacements, (texts[0] as string).indexOf('"10.0.0.4"')))).toBe(
      '"<IPV4>" }',
    );
  });
});

import { redactedOffset } from './redacted-offset';
import { createRedactor } from './redactor';
import { plantedSecrets } from './testing';

const redactor = createRedactor();
const token = plantedSecrets().find((p) => p.kind.startsWith('github token'))?.value ?? '';
const lines = (texts: string[]) => redactor.redactLines(texts).map((r) => r.text);

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

  test("When a JSON line's keys are not in the walk's order (an integer-like key, a duplicate), then the redacted record is written anew", () => {
    expect(lines(['{"b":"jo@example.net","200":3}', '{"a":1,"a":"10.0.0.2"}'])).toEqual([
      '{"200":3,"b":"<EMAIL>"}',
      '{"a":"<IPV4>"}',
    ]);
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

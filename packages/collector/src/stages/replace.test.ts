import { expectStageCompliance } from '../testing';
import { createEntry } from '../entry';
import { createStageTestContext, loadStageYaml, runStage } from '../testing/stage-test-context';
import { replaceStage } from './replace';

function run(yaml: string, line: string, extracted: Record<string, unknown> = {}) {
  const ctx = createStageTestContext('p/0/replace');
  const stage = replaceStage.create(loadStageYaml(replaceStage, yaml), ctx);
  const entry = createEntry(line, {}, 1n);
  entry.extracted = { ...extracted };
  const [out] = runStage(stage, [entry]);
  return { ctx, line: out.line, extracted: out.extracted };
}

describe('replace stage', () => {
  test.each<[string, string, string, Record<string, unknown>, string, Record<string, unknown>]>([
    [
      'masks every match when the group matches several times',
      "expression: 'password=(\\S+)'\nreplace: '****'",
      'a password=x b password=yy',
      {},
      'a password=**** b password=****',
      {},
    ],
    ['deletes the captured text when replace is empty', "expression: '(\\s+debug)'", 'GET /x debug', {}, 'GET /x', {}],
    [
      'renders .Value per capture when the template transforms it',
      "expression: '^(\\w+) (\\w+)'\nreplace: '{{ .Value | ToUpper }}'",
      'get index rest',
      {},
      'GET INDEX rest',
      {},
    ],
    [
      'extracts a named group with its replacement when the group is named',
      "expression: 'user=(?P<user>\\w+)'\nreplace: '{{ Sha2Hash \"\" .Value | trunc 8 }}'",
      'user=bob ok',
      {},
      'user=81b637d8 ok',
      { user: '81b637d8' },
    ],
    [
      'rewrites the extracted key when source is set',
      "expression: '(\\d+)'\nsource: msg\nreplace: 'N'",
      'line',
      { msg: 'took 12 ms of 30' },
      'line',
      { msg: 'took N ms of N' },
    ],
    [
      'does nothing when the source is absent',
      "expression: '(\\d+)'\nsource: msg\nreplace: 'N'",
      'line 1',
      {},
      'line 1',
      {},
    ],
    ['leaves the line when the expression does not match', "expression: '(zzz)'\nreplace: 'y'", 'abc', {}, 'abc', {}],
    [
      'reads other extracted keys when the template names them',
      "expression: '(ID)'\nreplace: '{{ .id }}'",
      'req ID done',
      { id: '42' },
      'req 42 done',
      { id: '42' },
    ],
    ['keeps outer replacements when groups nest', "expression: '((a)b)'\nreplace: 'X'", 'ab ab', {}, 'X X', {}],
  ])('%s', (_name, yaml, line, extracted, expectedLine, expectedExtracted) => {
    const result = run(yaml, line, extracted);
    expect(result.line).toBe(expectedLine);
    expect(result.extracted).toEqual(expectedExtracted);
  });

  test.each<[string, string, RegExp]>([
    [
      'rejects an invalid regex when the expression is malformed',
      "expression: '(unclosed'",
      /expression: invalid RE2 expression/,
    ],
    ['rejects lookahead when RE2 would', "expression: 'a(?=b)'", /expression: invalid RE2 expression: lookaround/],
    [
      'rejects an unknown template function when replace names one',
      "expression: '(a)'\nreplace: '{{ nope .Value }}'",
      /replace: template: function "nope" not defined/,
    ],
    ['requires expression when it is missing', "replace: 'x'", /expression/],
    ['rejects an empty source when it is given', "expression: '(a)'\nsource: ''", /source/],
  ])('%s', (_name, yaml, message) => {
    expect(() => loadStageYaml(replaceStage, yaml)).toThrow(message);
  });

  test('keeps the stage contract when inputs are odd', async () => {
    await expectStageCompliance("- replace: { expression: '(\\d+)', replace: '<{{ .Value }}>' }", {
      mayChange: ['line', 'extracted'],
    });
  });
});

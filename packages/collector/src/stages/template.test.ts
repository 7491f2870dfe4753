import { expectStageCompliance } from '../testing';
import { createEntry } from '../entry';
import { createStageTestContext, loadStageYaml, runStage } from '../testing/stage-test-context';
import { templateStage } from './template';

function run(yaml: string, extracted: Record<string, unknown>, line = 'the line') {
  const ctx = createStageTestContext('p/0/template');
  const stage = templateStage.create(loadStageYaml(templateStage, yaml), ctx);
  const entry = createEntry(line, { job: 'a' }, 1n);
  entry.extracted = { ...extracted };
  const out = runStage(stage, [entry]);
  return { ctx, out, extracted: out[0].extracted };
}

describe('template stage', () => {
  test.each<[string, string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'rewrites the source when the template uses .Value',
      "source: level\ntemplate: '{{ .Value | ToLower }}'",
      { level: 'WARN' },
      { level: 'warn' },
    ],
    [
      'creates the key when the source is absent',
      "source: new\ntemplate: '{{ .app }}-{{ .env }}'",
      { app: 'api', env: 'prod' },
      { app: 'api', env: 'prod', new: 'api-prod' },
    ],
    [
      'renders numbers as strings when extracted values are numbers',
      "source: ms\ntemplate: '{{ .Value }}ms'",
      { ms: 12.5 },
      { ms: '12.5ms' },
    ],
    [
      'reads the line when the template uses .Entry',
      'source: first\ntemplate: \'{{ regexReplaceAll "^(\\\\S+).*" .Entry "$1" }}\'',
      {},
      { first: 'the' },
    ],
    [
      'deletes the key when the result is empty',
      'source: level\ntemplate: \'{{ if eq .Value "DEBUG" }}{{ else }}{{ .Value }}{{ end }}\'',
      { level: 'DEBUG' },
      {},
    ],
    [
      'leaves the entry unchanged when the template fails on this line',
      "source: out\ntemplate: '{{ ToUpper .missing }}'",
      { out: 'keep' },
      { out: 'keep' },
    ],
  ])('%s', (_name, yaml, extracted, expected) => {
    expect(run(yaml, extracted).extracted).toEqual(expected);
  });

  test.each<[string, string, RegExp]>([
    [
      'names the function when the template calls an unknown one',
      "source: a\ntemplate: '{{ .Value | toupper }}'",
      /template: .*function "toupper" not defined/,
    ],
    [
      'reports the unclosed if when end is missing',
      "source: a\ntemplate: '{{ if .Value }}x'",
      /template: .*no \{\{end\}\}/,
    ],
    ['requires source when it is empty', "source: ''\ntemplate: x", /source/],
    ['rejects unknown keys when the config has a typo', 'source: a\ntemplate: x\nvalue: y', /value|Unrecognized/i],
  ])('%s', (_name, yaml, message) => {
    expect(() => loadStageYaml(templateStage, yaml)).toThrow(message);
  });

  test('counts a parse failure when the template fails on a line', async () => {
    const { ctx } = run("source: out\ntemplate: '{{ ToUpper .missing }}'", {});
    expect(await ctx.parseFailures()).toBe(1);
  });

  test('keeps the stage contract when inputs are odd', async () => {
    await expectStageCompliance(
      "- template: { source: msg, template: '{{ .Value | ToUpper }}-{{ .Entry | trunc 5 }}' }",
      { mayChange: ['extracted'] },
    );
  });
});

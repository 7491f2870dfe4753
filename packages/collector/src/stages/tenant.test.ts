import { expectStageCompliance } from '../testing';
import { createEntry } from '../entry';
import { createStageTestContext, loadStageYaml, runStage } from '../testing/stage-test-context';
import { TENANT_LABEL } from '../protocols/loki/tenant';
import { tenantStage } from './tenant';

function run(yaml: string, labels: Record<string, string>, extracted: Record<string, unknown> = {}) {
  const entry = createEntry('x', labels, 1n);
  entry.extracted = extracted;
  return runStage(tenantStage.create(loadStageYaml(tenantStage, yaml), createStageTestContext()), [entry])[0].labels;
}

describe('tenant stage', () => {
  test.each<[string, string, Record<string, string>, Record<string, unknown>, string | undefined]>([
    ['sets a fixed tenant when value is given', 'value: team-a', {}, {}, 'team-a'],
    ['copies a label when label is given', 'label: namespace', { namespace: 'payments' }, {}, 'payments'],
    ['reads an extracted key when source is given', 'source: org', {}, { org: 'acme' }, 'acme'],
    ['renders numbers as strings when the extracted tenant is a number', 'source: org', {}, { org: 42 }, '42'],
    ['leaves the tenant unset when the source is missing', 'source: org', {}, {}, undefined],
    ['leaves the tenant unset when the label is empty', 'label: namespace', { namespace: '' }, {}, undefined],
  ])('%s', (_name, yaml, labels, extracted, tenant) => {
    expect(run(yaml, labels, extracted)[TENANT_LABEL]).toBe(tenant);
  });

  test.each<[string, string, RegExp]>([
    [
      'requires one of label, source or value when none is set',
      '{}',
      /set exactly one of label, source or value \(got none\)/,
    ],
    [
      'rejects two choices when label and value are both set',
      'label: a\nvalue: b',
      /value: set exactly one of label, source or value \(got label, value\)/,
    ],
    ['rejects unknown keys when the config has a typo', 'tenant: a', /tenant|Unrecognized/],
  ])('%s', (_name, yaml, message) => {
    expect(() => loadStageYaml(tenantStage, yaml)).toThrow(message);
  });

  test('keeps the stage contract when inputs are odd', async () => {
    await expectStageCompliance('- tenant: { source: source }', { mayChange: ['labels'] });
  });
});

import { plantedSecrets } from '@obs/pii/testing';
import { expectStageCompliance } from '../testing';
import { createEntry, type LogEntry } from '../entry';
import type { Stage } from './stage';
import { createStageTestContext, loadStageYaml, runStage } from '../testing/stage-test-context';
import { redactStage } from './redact';

function run(yaml: string, line: string, extracted: Record<string, unknown> = {}) {
  const ctx = createStageTestContext('p/0/redact');
  const entry = createEntry(line, {}, 1n);
  entry.extracted = extracted;
  const [out] = runStage(redactStage.create(loadStageYaml(redactStage, yaml), ctx), [entry]);
  return { ctx, out: out };
}

describe('redact stage', () => {
  test.each<[string, string, string, string]>([
    ['replaces emails in the line when types are all', '{}', 'login by jane.doe@example.com ok', 'login by <EMAIL> ok'],
    [
      'replaces only the listed types when types is set',
      'types: [ipv4]',
      'jane@example.com from 10.1.2.3',
      'jane@example.com from <IPV4>',
    ],
    [
      'hashes placeholders when hash_key is set',
      'types: [email]\nhash_key: k1',
      'a@example.com',
      expect.stringMatching(/^<EMAIL:[0-9a-f]{8}>$/),
    ],
    ['leaves lines without PII unchanged when nothing matches', '{}', 'GET /health 200', 'GET /health 200'],
  ])('%s', (_name, yaml, line, expected) => {
    expect(run(yaml, line).out.line).toEqual(expected);
  });

  test('When structured metadata holds values that only their keys make PII, then each is replaced and the rest stay', () => {
    const ctx = createStageTestContext('p/0/redact');
    const entry = createEntry('user signed in', { job: 'app' }, 1n);
    entry.structuredMetadata = {
      user_name: 'qbertrand',
      auth: 'Zq81bXk2Lw93nHf0Tt5sRv7YpQe4Ma6c',
      client_ip: '198.51.100.23',
      contact: 'q.bertrand@example.org',
      severity_text: 'info',
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
      user: '{"name":"mvasquez","team":"payments"}',
    };
    const [out] = runStage(redactStage.create(loadStageYaml(redactStage, '{}'), ctx), [entry]);
    const sent = JSON.stringify([out?.line, out?.labels, out?.structuredMetadata]);
    for (const value of [
      'qbertrand',
      'Zq81bXk2Lw93nHf0Tt5sRv7YpQe4Ma6c',
      '198.51.100.23',
      'q.bertrand@example.org',
      'mvasquez',
    ])
      expect(sent).not.toContain(value);
    expect(out?.structuredMetadata).toMatchObject({
      client_ip: '<IPV4>',
      contact: '<EMAIL>',
      severity_text: 'info',
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
      user: '{"name":"<USER>","team":"payments"}',
    });
    expect(out?.labels).toEqual({ job: 'app' });
  });

  test('When a metadata value is a name only a sibling field reveals, then it is replaced as in the JSON line', () => {
    const ctx = createStageTestContext('p/0/redact');
    const entry = createEntry('account changed', {}, 1n);
    entry.structuredMetadata = { type: 'user', name: 'hvolkova', role: 'write' };
    const [out] = runStage(redactStage.create(loadStageYaml(redactStage, '{}'), ctx), [entry]);
    expect(out?.structuredMetadata).toEqual({ type: 'user', name: '<USER>', role: 'write' });
  });

  test('When a metadata key is an address and a map is unchanged, then the key is replaced and the map keeps its spelling', () => {
    const ctx = createStageTestContext('p/0/redact');
    const entry = createEntry('peers', {}, 1n);
    const map = '{ "state": "up",  "rtt_ms": 4 }';
    entry.structuredMetadata = { '203.0.113.41': 'up', peer: map, region: 'eu' };
    const [out] = runStage(redactStage.create(loadStageYaml(redactStage, '{}'), ctx), [entry]);
    expect(out?.structuredMetadata).toEqual({ '<IPV4>': 'up', peer: '{"state":"up","rtt_ms":4}', region: 'eu' });

    const unchanged = createEntry('peers', {}, 1n);
    unchanged.structuredMetadata = { peer: map, contact: 'ops@example.net' };
    const [kept] = runStage(redactStage.create(loadStageYaml(redactStage, '{}'), ctx), [unchanged]);
    expect(kept?.structuredMetadata).toEqual({ peer: map, contact: '<EMAIL>' });
  });

  test('When a metadata value is JSON nested 5,000 deep, then it is redacted as a record and keeps its spelling', () => {
    const ctx = createStageTestContext('p/0/redact');
    const entry = createEntry('deep', {}, 1n);
    const deep = `${'['.repeat(5000)}"ops@example.net"${']'.repeat(5000)}`;
    entry.structuredMetadata = { trace: deep, contact: 'ops@example.net' };
    const [out] = runStage(redactStage.create(loadStageYaml(redactStage, '{}'), ctx), [entry]);
    expect(out?.structuredMetadata).toEqual({
      trace: `${'['.repeat(5000)}"<EMAIL>"${']'.repeat(5000)}`,
      contact: '<EMAIL>',
    });
  });

  test('redacts an extracted map as one record when source is set, each value beside its key', () => {
    const { out } = run('source: fields', 'x', { fields: { 'user.name': 'tnakamura', '10.2.3.4': ['ok'], n: 3 } });
    expect(out.extracted.fields).toEqual({ 'user.name': '<USER>', '<IPV4>': ['ok'], n: 3 });
  });

  test('When the extracted source is a map nested 100,000 deep, then its values are redacted at the bottom', () => {
    let fields: unknown = { 'user.name': 'tnakamura', contact: 'ops@example.net' };
    for (let i = 1; i < 100_000; i++) fields = { a: fields };
    let at = run('source: fields', 'x', { fields }).out.extracted.fields;
    for (let i = 1; i < 100_000; i++) at = (at as Record<string, unknown>).a;
    expect(at).toEqual({ 'user.name': '<USER>', contact: '<EMAIL>' });
  });

  test('gives equal values the same placeholder when hash_key is set', () => {
    const { out } = run('types: [email]\nhash_key: k1', 'a@example.com b@example.com a@example.com');
    const [first, second, third] = out.line.split(' ');
    expect(first).toBe(third);
    expect(first).not.toBe(second);
  });

  test('redacts the extracted value and not the line when source is set', () => {
    const { out } = run('source: msg\ntypes: [email]', 'raw a@example.com', { msg: 'to b@example.com' });
    expect(out.line).toBe('raw a@example.com');
    expect(out.extracted.msg).toBe('to <EMAIL>');
  });

  test('redacts nested strings when the extracted value is a map', () => {
    const { out } = run('source: user\ntypes: [email]', 'x', { user: { contact: ['c@example.com'] } });
    expect(out.extracted.user).toEqual({ contact: ['<EMAIL>'] });
  });

  test('leaves no planted secret in the line, the extracted map or the metrics when every kind is planted', async () => {
    const planted = plantedSecrets();
    const ctx = createStageTestContext('p/0/redact');
    const stage = redactStage.create(loadStageYaml(redactStage, '{}'), ctx);
    const lineEntries = planted.map((p) => createEntry(p.line, {}, 1n));
    const mapEntry = createEntry('x', {}, 1n);
    mapEntry.extracted = { fields: Object.fromEntries(planted.map((p, i) => [`f${i}`, p.line])) };
    const mapStage = redactStage.create(
      loadStageYaml(redactStage, 'source: fields'),
      createStageTestContext('p/1/redact'),
    );
    const out = [...runStage(stage, lineEntries), ...runStage(mapStage, [mapEntry])];
    const written =
      JSON.stringify(out.map((e) => ({ line: e.line, extracted: e.extracted }))) + (await ctx.registry.metrics());
    expect(planted.filter((p) => written.includes(p.value)).map((p) => p.kind)).toEqual([]);
  });

  test('counts replacements per type when PII is found', async () => {
    const { ctx } = run('types: [email, ipv4]', 'a@example.com b@example.com 10.0.0.1');
    const text = await ctx.registry.getSingleMetricAsString('collector_stage_redactions_total');
    expect(text).toContain('{stage="p/0/redact",type="email"} 2');
    expect(text).toContain('{stage="p/0/redact",type="ipv4"} 1');
  });

  test.each<[string, string, RegExp]>([
    [
      'rejects unknown PII types when types has a typo',
      'types: [emails]',
      /stages\.yaml:\d+:\d+ \[0\]\.redact\.types\[0\]: expected one of "email"/,
    ],
    ['rejects an empty hash_key when it is blank', "hash_key: ''", /hash_key/],
    ['rejects an empty type list when types is []', 'types: []', /types/],
  ])('%s', (_name, yaml, message) => {
    expect(() => loadStageYaml(redactStage, yaml)).toThrow(message);
  });

  test('never shows the hash key when the config is invalid', () => {
    let message = '';
    try {
      loadStageYaml(redactStage, 'hash_key: s3cr3t-hash-key\ntypes: [nope]\nsource: 12');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/types\[0\]: expected one of/);
    expect(message).toMatch(/source: expected string, got number/);
    expect(message).not.toContain('s3cr3t');
  });

  test.each(['{}', 'source: msg'])(
    'When a batch of entries is updated at once (%s), then each comes out as process makes it and the counts match',
    async (yaml) => {
      const lines = [
        'login ok for user=hkarlsson from 10.4.5.6',
        '',
        'nothing here',
        'mail r.iyer@example.net card 4111 1111 1111 1111',
        'db password: Pl4in-T3xt! retry',
      ];
      const entries = () =>
        lines.map((line, i) => {
          const entry = createEntry(line, {}, BigInt(i + 1));
          entry.structuredMetadata = i === 0 ? { user_name: 'hkarlsson', region: 'eu' } : {};
          entry.extracted = i === 2 ? { msg: { user: 'pbianchi', n: 1 } } : { msg: line };
          return entry;
        });
      const outcome = async (update: (stage: Stage, batch: LogEntry[]) => void) => {
        const ctx = createStageTestContext('p/0/redact');
        const batch = entries();
        update(redactStage.create(loadStageYaml(redactStage, yaml), ctx), batch);
        const fields = batch.map((e) => [e.line, e.structuredMetadata, e.extracted]);
        return { fields, metrics: await ctx.registry.getSingleMetricAsString('collector_stage_redactions_total') };
      };
      const batched = await outcome((stage, batch) => stage.updateBatch?.(batch));
      expect(batched).toEqual(await outcome((stage, batch) => runStage(stage, batch)));
      // Not vacuous: the batch was redacted (line and metadata, or the extracted values).
      expect(JSON.stringify(batched.fields)).toMatch(/<USER>.*<EMAIL>.*<CREDIT_CARD>.*<SECRET_KV>/);
    },
  );

  test('keeps the stage contract when inputs are odd', async () => {
    await expectStageCompliance('- redact: { types: [email, ipv4] }', { mayChange: ['line'] });
  });
});

import { startFakeSorter, type FakeSorter } from '@obs/sorter-client/testing';
import { createEntry, type LogEntry } from '../entry';
import { expectStageCompliance } from '../testing/stage-compliance';
import { createStageTestContext, parseStageYaml, runStage, type StageTestContext } from '../testing/stage-test-context';
import { classifierOf, classifyStage } from './classify';
import type { Stage } from './stage';
import { required } from '@obs/schema/testing';

describe('classify stage', () => {
  let sorter: FakeSorter | undefined;
  let stage: Stage | undefined;
  let ctx: StageTestContext;

  beforeEach(() => {
    ctx = createStageTestContext('tx/3/classify');
  });

  afterEach(async () => {
    if (stage) await classifierOf(stage)?.close(AbortSignal.timeout(1000));
    await sorter?.close();
    stage = undefined;
    sorter = undefined;
  });

  function build(yaml: string): Stage {
    stage = classifyStage.create(parseStageYaml(classifyStage, yaml), ctx);
    return stage;
  }

  async function decisions(by: string): Promise<number> {
    const metric = await required(
      ctx.registry.getSingleMetric('collector_classify_entries_total'),
      'metric collector_classify_entries_total',
    ).get();
    return metric.values
      .filter((v) => v.labels.decided_by === by && v.labels.component === 'tx/3/classify')
      .reduce((n, v) => n + v.value, 0);
  }

  test.each<[string, string, Partial<LogEntry['labels']>, Partial<LogEntry['structuredMetadata']>]>([
    [
      'labels an error line error/error and sends it to alerting by local rules when no sorter is configured',
      '2026-01-01T00:00:00Z ERROR payment service: connection refused to db-1:5432',
      { detected_level: 'error' },
      { decided_by: 'rules', severity: 'error' },
    ],
    [
      'spells warning as warn in detected_level when the line is a warning',
      'WARN disk usage at 91% on /var',
      { detected_level: 'warn' },
      { decided_by: 'rules', severity: 'warn' },
    ],
    [
      'labels a routine line info when nothing in it signals trouble',
      'user 42 viewed page /home',
      { detected_level: 'info' },
      { decided_by: 'rules', forward_to: 'archive' },
    ],
  ])('%s', (_name, line, labels, meta) => {
    const [entry] = runStage(build('{}'), [createEntry(line, { job: 'tx' })]);
    expect(entry.labels).toMatchObject({ job: 'tx', ...labels });
    expect(entry.structuredMetadata).toMatchObject(meta);
    expect(Object.keys(entry.structuredMetadata).sort()).toEqual([
      'category',
      'decided_by',
      'forward_to',
      'severity',
      'template',
    ]);
  });

  test('takes the level an OTLP record states in structured metadata when the body names none', () => {
    const entry = createEntry('card declined', { service_name: 'checkout' });
    entry.structuredMetadata.severity_text = 'ERROR';
    entry.structuredMetadata.severity_number = '17';
    const [out] = runStage(build('{}'), [entry]);
    expect(out.labels).toMatchObject({ detected_level: 'error' });
  });

  test('produces the worked example of docs/classify.md when no sorter is configured', () => {
    const [entry] = runStage(build('{}'), [
      createEntry('2026-01-01T00:00:00Z ERROR payment service: connection refused to db-1:5432'),
    ]);
    expect(entry.labels).toEqual({ detected_level: 'error' });
    expect(entry.structuredMetadata).toEqual({
      severity: 'error',
      category: 'availability',
      forward_to: 'alerting',
      decided_by: 'rules',
      template: 'payment service: connection refused to db-1:<*>',
    });
  });

  test('keeps the template metadata to 1024 characters when a line is huge', () => {
    const [entry] = runStage(build('{}'), [createEntry(`ERROR ${'x'.repeat(300_000)}`)]);
    expect(entry.structuredMetadata.template.length).toBeLessThanOrEqual(1024);
    expect(entry.labels.detected_level).toBe('error');
  });

  test('writes the mined template to structured metadata when lines share a shape', () => {
    const s = build('{}');
    runStage(s, [createEntry('user 42 failed login from 10.0.0.1')]);
    const [entry] = runStage(s, [createEntry('user 7 failed login from 10.0.0.9')]);
    expect(entry.structuredMetadata.template).toContain('failed login from');
    expect(entry.structuredMetadata.template).not.toContain('10.0.0.9');
  });

  test('decides later lines of a template from the cached sorter answer when the sorter answered the first', async () => {
    sorter = await startFakeSorter();
    sorter.setMode({
      kind: 'answer',
      override: { severity: 'critical', category: 'security', forward_to: 'alerting' },
    });
    const s = build(`{ url: "${sorter.url}", max_wait_ms: 1 }`);
    const [first] = runStage(s, [createEntry('user 42 failed login from 10.0.0.1')]);
    expect(first.structuredMetadata.decided_by).toBe('rules');
    await required(classifierOf(s), "the classify stage's classifier").settled();
    const [second] = runStage(s, [createEntry('user 43 failed login from 10.0.0.2')]);
    expect(second.labels).toMatchObject({ detected_level: 'critical' });
    expect(second.structuredMetadata).toMatchObject({
      decided_by: 'cache',
      category: 'security',
      forward_to: 'alerting',
    });
    expect(await decisions('cache')).toBe(1);
    expect(await decisions('rules')).toBe(1);
    const entries = await required(
      ctx.registry.getSingleMetric('collector_classify_entries_total'),
      'metric collector_classify_entries_total',
    ).get();
    expect(entries.values.find((v) => v.labels.decided_by === 'cache')?.labels).toMatchObject({
      severity: 'critical',
      category: 'security',
    });
  });

  test('keeps deciding each line by local rules, without asking again, when the sorter itself answered the template by rules', async () => {
    sorter = await startFakeSorter();
    sorter.setMode({
      kind: 'answer',
      override: { severity: 'info', category: 'noise', forward_to: 'archive', decided_by: 'rules' },
    });
    const s = build(`{ url: "${sorter.url}", max_wait_ms: 1 }`);
    runStage(s, [createEntry('GET /api/orders status=200 took 12ms')]);
    await required(classifierOf(s), "the classify stage's classifier").settled();
    const [failed] = runStage(s, [createEntry('GET /api/orders status=503 took 12ms')]);
    await required(classifierOf(s), "the classify stage's classifier").settled();
    expect(failed.structuredMetadata.decided_by).toBe('rules');
    expect(failed.labels.detected_level).not.toBe('info');
    expect(sorter.requests.flat()).toHaveLength(1);
  });

  test('asks the sorter once per template when many lines of it arrive before the answer', async () => {
    sorter = await startFakeSorter();
    const s = build(`{ url: "${sorter.url}", max_wait_ms: 1 }`);
    runStage(
      s,
      Array.from({ length: 50 }, (_, i) => createEntry(`worker ${i} finished job ${i * 7} in ${i} ms`)),
    );
    await required(classifierOf(s), "the classify stage's classifier").settled();
    expect(sorter.requests.flat()).toHaveLength(1);
  });

  test('sends only redacted text and labels to the sorter when a line carries PII', async () => {
    sorter = await startFakeSorter();
    const s = build(`{ url: "${sorter.url}", max_wait_ms: 1 }`);
    runStage(s, [
      createEntry('password reset failed for bob.smith@example.com card 4111 1111 1111 1111', {
        owner: 'alice@example.org',
      }),
    ]);
    await required(classifierOf(s), "the classify stage's classifier").settled();
    const sent = JSON.stringify(sorter.requests);
    expect(sent).not.toContain('bob.smith@example.com');
    expect(sent).not.toContain('4111 1111 1111 1111');
    expect(sent).not.toContain('alice@example.org');
    expect(sent).toContain('password reset failed');
  });

  test('sends labels and metadata only their keys or siblings make PII redacted, and keys that are PII', async () => {
    sorter = await startFakeSorter();
    const s = build(`{ url: "${sorter.url}", max_wait_ms: 1 }`);
    const entry = createEntry('session opened', { job: 'auth', 'user.name': 'rfitzgerald' });
    entry.structuredMetadata = { type: 'user', name: 'gkaminski', '198.51.100.77': 'peer', auth: 'Vb92Kx7mQ1zLp0Ws' };
    runStage(s, [entry]);
    await required(classifierOf(s), "the classify stage's classifier").settled();
    const sent = JSON.stringify(sorter.requests);
    for (const value of ['rfitzgerald', 'gkaminski', '198.51.100.77', 'Vb92Kx7mQ1zLp0Ws'])
      expect(sent).not.toContain(value);
    expect(sent).toContain('session opened');
    expect(sent).toContain('"job":"auth"');
  });

  test('passes every entry on with a rules decision when the sorter is unreachable', async () => {
    sorter = await startFakeSorter();
    const url = sorter.url;
    await sorter.close();
    sorter = undefined;
    const s = build(`{ url: "${url}", max_wait_ms: 1 }`);
    const lines = Array.from({ length: 20 }, (_, i) => createEntry(`request ${i} failed: timeout after 30s`));
    const out = runStage(s, lines);
    expect(out).toHaveLength(20);
    expect(out.every((e) => e.structuredMetadata.decided_by === 'rules')).toBe(true);
    await required(classifierOf(s), "the classify stage's classifier").settled();
    const unanswered = await required(
      ctx.registry.getSingleMetric('collector_classify_sorter_unanswered_items_total'),
      'metric collector_classify_sorter_unanswered_items_total',
    ).get();
    const counted = unanswered.values.filter(
      (v) => v.labels.reason === 'network_error' || v.labels.reason === 'timeout',
    );
    expect(counted.reduce((n, v) => n + v.value, 0)).toBeGreaterThan(0);
  });

  test('logs once that the sorter stopped answering, with its HTTP status and a hint for 401, and once that it answers again', async () => {
    sorter = await startFakeSorter();
    sorter.setMode({ kind: 'status', status: 401 });
    const logged: string[] = [];
    const record = (level: string) => (message: string, fields?: Record<string, unknown>) =>
      logged.push(`${level} ${message} ${JSON.stringify(fields)}`);
    ctx.logger = { debug: () => undefined, info: record('info'), warn: record('warn'), error: record('error') };
    const s = build(`{ url: "${sorter.url}", max_wait_ms: 1 }`);
    const classifier = required(classifierOf(s), "the classify stage's classifier");
    for (const line of ['ERROR payment declined for order 7', 'WARN queue depth at 900 of 1000']) {
      runStage(s, [createEntry(line)]);
      await classifier.settled();
    }
    sorter.setMode({ kind: 'answer' });
    runStage(s, [createEntry('INFO user 42 signed in')]);
    await classifier.settled();
    expect(logged).toEqual([
      expect.stringMatching(
        /^warn the ai-sorter did not answer; local rules decide until it does \{"component":"tx\/3\/classify","outcome":"http_error","error":"sorter answered HTTP 401","hint":"the sorter wants an API key: set api_key"\}$/,
      ),
      'info the ai-sorter answers again {"component":"tx/3/classify"}',
    ]);
  });

  test('classifies the extracted value when source is set and counts a parse failure when it is missing', async () => {
    const s = build('{ source: msg }');
    const withMsg = createEntry('level=info msg="out of memory: killed process 12"');
    withMsg.extracted.msg = 'FATAL out of memory: killed process 12';
    const without = createEntry('ERROR something');
    const [a, b] = runStage(s, [withMsg, without]);
    expect(a.labels.detected_level).toBe('critical');
    expect(b.labels.detected_level).toBeUndefined();
    expect(await ctx.parseFailures()).toBe(1);
  });

  test('classifies by local rules without a sorter when url is empty, as `url: "${SORTER_URL:-}"` gives with the variable unset', () => {
    const config = parseStageYaml(classifyStage, '{ url: "", api_key: null }');
    expect(config.url).toBeUndefined();
    expect(config.api_key).toBeUndefined();
    const [entry] = runStage(build('{ url: "" }'), [createEntry('FATAL out of memory: killed process 4242')]);
    expect(entry.structuredMetadata.decided_by).toBe('rules');
    expect(entry.labels.detected_level).toBe('critical');
  });

  test('sets forward_to and category as labels when listed in labels', () => {
    const [entry] = runStage(build('{ labels: [forward_to, category] }'), [createEntry('ERROR db connection refused')]);
    expect(entry.labels).toMatchObject({ forward_to: 'alerting', category: expect.any(String) });
    expect(entry.labels.severity).toBeUndefined();
  });

  test.each([
    ['rejects an empty source', '{ source: "" }', 'source'],
    ['rejects an unknown key', '{ treshold: 3 }', ''],
    ['rejects a url that is not a URL', '{ url: "sorter:8080" }', 'url'],
    ['rejects more items per request than the sorter takes', '{ max_batch_items: 501 }', 'max_batch_items'],
    ['rejects an unknown label choice', '{ labels: [level] }', 'labels.0'],
  ])('%s when validating', (_name, yaml, path) => {
    expect(() => parseStageYaml(classifyStage, yaml)).toThrow(new RegExp(`^${path.replace('.', '\\.')}`, 'm'));
  });

  test.each([
    ['the line', '- classify: {}'],
    ['an extracted value', '- classify: { source: msg, labels: [severity, detected_level, category, forward_to] }'],
  ])('keeps the stage contract when given odd input and classifying %s', async (_what, yaml) => {
    await expectStageCompliance(yaml, { mayChange: ['labels', 'structuredMetadata'] });
  });
});

import { createEntry, type Labels, type LogEntry } from '../entry';
import { createStageTestContext, parseStageYaml, runStage } from '../testing/stage-test-context';
import { classifierOf, classifyStage } from './classify';
import type { Stage } from './stage';

// What Loki's distributor does with discover_log_levels on (3.4; pkg/distributor/level_detection.go): it adds a
// structured-metadata detected_level taken from the first label named level, severity or lvl (any case), else
// from such a structured-metadata key, else from the line. Later versions lowercase the known words.
const LEVEL_FIELDS = ['level', 'LEVEL', 'Level', 'severity', 'SEVERITY', 'Severity', 'lvl', 'LVL', 'Lvl'];
const LOKI_LEVELS = ['critical', 'fatal', 'error', 'warn', 'info', 'debug', 'trace', 'unknown'];

function lokiDetectedLevel(labels: Labels, structuredMetadata: Labels): string | undefined {
  for (const fields of [labels, structuredMetadata]) {
    const name = LEVEL_FIELDS.find((f) => fields[f] !== undefined);
    if (name !== undefined) return fields[name];
  }
  return undefined; // Loki would look at the line
}

/** Names a LogQL query shows as <name>_extracted: structured metadata that repeats a stream label. */
function clashes(entry: LogEntry): string[] {
  return Object.keys(entry.structuredMetadata).filter((name) => entry.labels[name] !== undefined);
}

const LINES = [
  'FATAL out of memory: killed process 4242',
  '2026-01-01T00:00:00Z ERROR payment service: connection refused to db-1:5432',
  'WARN disk usage at 91% on /var',
  'user 42 viewed page /home',
  'DEBUG cache hit key=abc',
];

describe("classify stage and Loki's level detection", () => {
  let stage: Stage | undefined;
  afterEach(async () => {
    if (stage) await classifierOf(stage)?.close(AbortSignal.timeout(1000));
    stage = undefined;
  });
  const build = (yaml: string): Stage =>
    (stage = classifyStage.create(parseStageYaml(classifyStage, yaml), createStageTestContext('p/0/classify')));

  test.each(['{}', '{ labels: [detected_level, forward_to] }', '{ labels: [detected_level, category] }'])(
    "gives Loki's level detection the value of the detected_level label, and no metadata repeating a label, with %s",
    (yaml) => {
      const out = runStage(
        build(yaml),
        LINES.map((line) => createEntry(line, { job: 'app' })),
      );
      expect(out).toHaveLength(LINES.length);
      for (const entry of out) {
        expect(LOKI_LEVELS).toContain(entry.labels.detected_level);
        expect(lokiDetectedLevel(entry.labels, entry.structuredMetadata)).toBe(entry.labels.detected_level);
        expect(clashes(entry)).toEqual([]);
      }
      expect(out.map((e) => e.labels.detected_level)).toEqual(['critical', 'error', 'warn', 'info', 'debug']);
    },
  );

  test('puts severity, category and forward_to in structured metadata, not labels, by default', () => {
    const [entry] = runStage(build('{}'), [createEntry('WARN disk usage at 91% on /var', { job: 'app' })]);
    expect(entry.labels).toEqual({ job: 'app', detected_level: 'warn' });
    expect(entry.structuredMetadata).toMatchObject({
      severity: 'warn',
      category: expect.any(String),
      forward_to: expect.any(String),
    });
  });
});

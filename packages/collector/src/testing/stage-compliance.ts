import type { LogEntry } from '../entry';
import type { Stage } from '../stages/stage';
import { createStageHarness, testEntry } from './stage-harness';

type EntryField = 'line' | 'labels' | 'structuredMetadata' | 'extracted' | 'timestampNs';

export interface StageComplianceOptions {
  /** Entry fields the stage may change; every other field must come out exactly as it went in. */
  mayChange: readonly EntryField[];
  /** The stage merges entries (multiline), so fewer may leave than entered without a drop. */
  merges?: boolean;
}

const FIELDS: readonly EntryField[] = ['line', 'labels', 'structuredMetadata', 'extracted', 'timestampNs'];

/** Inputs that have broken log stages before: empty, huge, binary, odd Unicode, odd extracted value types. */
function oddEntries(): LogEntry[] {
  const odd: unknown[] = [
    null,
    0,
    -1.5,
    true,
    {},
    [],
    { nested: { deep: [1, 'x'] } },
    '',
    ' ',
    '\u0000',
    '\ud800',
    '😀',
  ];
  const lines = [
    '',
    ' ',
    '\n',
    '\t\r',
    'a'.repeat(1 << 20),
    '\u0000\u0001\u0002',
    '\ud800 lone surrogate',
    '😀 emoji ü',
    '{"a":1,"b":"x"}',
    '{"a":',
    'a=1 b="x y" c',
    'key="unterminated',
    '[1,2,3]',
    'null',
    '1|2|3|4|5|6|7|8',
    '2025-12-26|21:45:32.123|21:45:32.423|300|CashIn|Transfer completed|SUCCESS|200',
    '\u001b[31mred\u001b[0m',
  ];
  const entries: LogEntry[] = lines.map((line) => testEntry(line));
  const keys = ['msg', 'level', 'status', 'method', 'value', 'time', 'source', 'a', 'b', 'latency'];
  for (const value of odd) {
    entries.push(
      testEntry('odd extracted values', {
        extracted: Object.fromEntries(keys.map((k) => [k, value])),
        labels: { job: 'compliance', level: 'info', status: '200' },
        structuredMetadata: { trace_id: 'abc' },
      }),
    );
  }
  entries.push(
    testEntry('time edges', { timestampNs: 0n }),
    testEntry('time edges', { timestampNs: 9_999_999_999_999_999_999n }),
  );
  return entries;
}

function snapshot(entry: LogEntry): Record<EntryField, string> {
  const s = {} as Record<EntryField, string>;
  for (const f of FIELDS) s[f] = JSON.stringify(entry[f], (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
  return s;
}

/**
 * Runs one stage (YAML, through the real loader) over odd inputs and checks the contract every stage keeps:
 * it never throws, each entry that does not come out is counted as dropped (or held and released by flush),
 * fields it has no business with are left untouched, and its processBatch and updateBatch (if any) give what process gives.
 */
export async function expectStageCompliance(yaml: string, options: StageComplianceOptions): Promise<void> {
  const harness = createStageHarness(yaml, 'compliance');
  const entries = oddEntries();
  const before = new Map(entries.map((e) => [e, snapshot(e)]));
  const out: LogEntry[] = [];
  for (const entry of entries) {
    expect(() => out.push(...harness.run([entry]))).not.toThrow();
  }
  expect(() => out.push(...harness.flush(99_999_999_999_999_999_999n))).not.toThrow();
  const unchanged = FIELDS.filter((f) => !options.mayChange.includes(f));
  for (const entry of out) {
    const was = before.get(entry);
    if (!was) continue;
    const now = snapshot(entry);
    for (const f of unchanged) expect({ field: f, value: now[f] }).toEqual({ field: f, value: was[f] });
  }
  const dropped = await harness.counter('collector_stage_dropped_entries_total', {
    stage: '0/' + Object.keys(parseFirstKey(yaml))[0],
  });
  if (options.merges) expect(out.length + dropped).toBeLessThanOrEqual(entries.length);
  else expect(out.length + dropped).toBe(entries.length);
  await expectBatchLikePerEntry(yaml);
}

/** What one way of running a stage over the odd inputs gave: which inputs left in what order, as what, and the metrics. */
async function runOdd(
  yaml: string,
  run: (stage: Stage, entries: LogEntry[], out: LogEntry[]) => void,
): Promise<unknown> {
  const harness = createStageHarness(yaml, 'compliance');
  const stage = harness.chain.stages[0].stage;
  const entries = oddEntries();
  const out: LogEntry[] = [];
  run(stage, entries, out);
  stage.flush?.(out, 99_999_999_999_999_999_999n);
  const metrics = (await harness.registry.getMetricsAsJSON()).map((m) => ({ name: m.name, values: m.values }));
  return { order: out.map((e) => entries.indexOf(e)), entries: out.map(snapshot), metrics };
}

/** A stage's processBatch and updateBatch must do exactly what process does entry by entry: same entries out, same fields, same metrics. */
async function expectBatchLikePerEntry(yaml: string): Promise<void> {
  const { processBatch, updateBatch } = createStageHarness(yaml, 'compliance').chain.stages[0].stage;
  if (processBatch === undefined && updateBatch === undefined) return;
  const perEntry = await runOdd(yaml, (stage, entries, out) => {
    for (const entry of entries) stage.process(entry, out);
  });
  if (processBatch !== undefined) {
    expect({ processBatch: await runOdd(yaml, (stage, entries, out) => stage.processBatch?.(entries, out)) }).toEqual({
      processBatch: perEntry,
    });
  }
  if (updateBatch !== undefined) {
    expect({
      updateBatch: await runOdd(yaml, (stage, entries, out) => {
        stage.updateBatch?.(entries);
        out.push(...entries);
      }),
    }).toEqual({ updateBatch: perEntry });
  }
}

function parseFirstKey(yaml: string): Record<string, unknown> {
  const m = /^\s*-\s*([a-z_]+)\s*:/.exec(yaml);
  if (!m) throw new Error('expectStageCompliance takes a YAML list with one stage, e.g. "- regex: {...}"');
  return { [m[1]]: true };
}

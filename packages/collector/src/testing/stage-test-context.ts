import { Counter, Registry } from 'prom-client';
import { parse } from 'yaml';
import { parseStages } from '../config/load';
import type { LogEntry } from '../entry';
import type { Stage, StageContext, StageDefinition } from '../stages/stage';
import { silentLogger } from './stage-harness';

/** A StageContext for unit tests: a fresh registry and real counters; nested stages are not supported. */
export interface StageTestContext extends StageContext {
  parseFailures(): Promise<number>;
  drops(reason: string): Promise<number>;
}

export function createStageTestContext(name = 'test/0/stage'): StageTestContext {
  const registry = new Registry();
  const parseFailed = new Counter({
    name: 'test_stage_parse_failures_total',
    help: 'parse failures',
    registers: [registry],
  });
  const dropped = new Counter({
    name: 'test_stage_dropped_total',
    help: 'drops',
    labelNames: ['reason'],
    registers: [registry],
  });
  const valueOf = async (counter: Counter<string>, labels: Record<string, string> = {}): Promise<number> =>
    (await counter.get()).values.find((v) => Object.entries(labels).every(([k, x]) => v.labels[k] === x))?.value ?? 0;
  return {
    name,
    registry,
    counters: { parseFailed, dropped: (reason: string) => dropped.labels({ reason }) },
    logger: silentLogger,
    buildStages(): Stage[] {
      throw new Error('createStageTestContext does not build nested stages');
    },
    parseFailures: () => valueOf(parseFailed),
    drops: (reason: string) => valueOf(dropped, { reason }),
  };
}

/** Runs entries through one stage and returns what it pushed. */
export function runStage(stage: Stage, entries: LogEntry[]): LogEntry[] {
  const out: LogEntry[] = [];
  for (const entry of entries) stage.process(entry, out);
  return out;
}

/** Parses a stage's YAML arguments with its zod schema alone; throws an Error listing `path: message` issues. */
export function parseStageYaml<C>(definition: StageDefinition<C>, text: string): C {
  const result = definition.config.safeParse(parse(text) ?? {});
  if (result.success) return result.data;
  throw new Error(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
}

/**
 * Parses a stage's YAML arguments through the real config loader (as `- <type>:` in a stage list) and
 * returns the compiled config; throws the loader's ConfigError (`stages.yaml:line:col [0].type.key: message`).
 */
export function loadStageYaml<C>(definition: StageDefinition<C>, text: string): C {
  const body = text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
  const [stage] = parseStages(`- ${definition.type}:\n${body}\n`);
  return stage.config as C;
}

import { Registry } from 'prom-client';
import type { Logger } from '../component';
import { parseStages } from '../config/load';
import { ConfigError, formatIssue } from '../errors';
import { createEntry, type Labels, type LogEntry } from '../entry';
import { buildStageChain, type StageChain } from '../stages/stage-chain';

/** Discards everything; stages do not log on the hot path. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** A pipeline of stages built from YAML through the real loader, with its own metrics registry. */
export interface StageHarness {
  readonly chain: StageChain;
  readonly registry: Registry;
  /** Runs entries (or lines) through the stages and returns what left them. */
  run(input: ReadonlyArray<LogEntry | string>): LogEntry[];
  /** Flushes stages that hold entries, at the given time. */
  flush(nowNs: bigint): LogEntry[];
  /** Value of a `collector_stage_*` counter summed over the given label values. */
  counter(name: string, labels?: Record<string, string>): Promise<number>;
}

/** Builds stages from a YAML list (`- regex: {...}`); throws ConfigError with file:line:col issues. */
export function createStageHarness(yaml: string, pipeline = 'test'): StageHarness {
  const registry = new Registry();
  const chain = buildStageChain(parseStages(yaml, 'stages.yaml'), '', { pipeline, registry, logger: silentLogger });
  return {
    chain,
    registry,
    run(input) {
      const out: LogEntry[] = [];
      chain.run(
        input.map((e) => (typeof e === 'string' ? createEntry(e, {}, 1_700_000_000_000_000_000n) : e)),
        out,
      );
      return out;
    },
    flush(nowNs) {
      const out: LogEntry[] = [];
      chain.flush?.(out, nowNs);
      return out;
    },
    async counter(name, labels = {}) {
      const metric = registry.getSingleMetric(name);
      if (!metric) return 0;
      const { values } = await metric.get();
      return values
        .filter((v) => Object.entries(labels).every(([k, want]) => String((v.labels as Labels)[k]) === want))
        .reduce((sum, v) => sum + v.value, 0);
    },
  };
}

/** The issues a YAML stage list produces, formatted `stages.yaml:line:col path: message`; [] when valid. */
export function stageConfigIssues(yaml: string): string[] {
  try {
    parseStages(yaml, 'stages.yaml');
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.issues.map(formatIssue);
    throw err;
  }
}

/** An entry for stage tests: fixed timestamp, own label/metadata/extracted objects. */
export function testEntry(
  line: string,
  fields: {
    labels?: Labels;
    structuredMetadata?: Labels;
    extracted?: Record<string, unknown>;
    timestampNs?: bigint;
  } = {},
): LogEntry {
  return {
    line,
    timestampNs: fields.timestampNs ?? 1_700_000_000_000_000_000n,
    labels: { ...fields.labels },
    structuredMetadata: { ...fields.structuredMetadata },
    extracted: { ...fields.extracted },
  };
}

import { once } from 'node:events';
import * as readline from 'node:readline';
import { Transform } from 'node:stream';
import * as zlib from 'node:zlib';
import { Registry } from 'prom-client';
import type { Logger } from '../component';
import type { CollectorConfig } from '../schema/collector-config';
import { copyLabels, nowNs, type LogEntry } from '../entry';
import { createRouter } from '../pipelines/router';
import { buildStageChain, type StageChain } from '../stages/stage-chain';
import { createStageMetrics, type StageMetrics } from '../stages/counters';
import { FLUSH_ALL_NS } from '../stages/multiline';
import { streamDecoder } from '../sources/file/encoding';
import { isGzipFile } from '../sources/file/gzip-reader';
import { entryJson } from './entry-json';
import { inputTarget } from './input-target';
import { inspectEntry, type StageReport } from './inspect';
import { UsageError } from './usage-error';

export interface DryRunOptions {
  /** Pipeline the lines enter; the first one in the file when absent. */
  pipeline?: string;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Print, per entry, what every stage changed. */
  inspect?: boolean;
  /** The file the lines come from: they get the labels a file source feeding the pipeline would give them. */
  inputFile?: string;
  logger: Logger;
}

export interface DryRunSummary {
  pipeline: string;
  linesIn: number;
  entriesOut: number;
  /** Entries that did not leave the pipeline (dropped, or merged by multiline). */
  notOut: number;
}

// Lines are run through the stages in batches, as sources deliver them.
const BATCH_LINES = 1000;

/** Runs lines from `input` through one pipeline of a validated config and prints each entry that leaves it. */
export async function dryRun(config: CollectorConfig, options: DryRunOptions): Promise<DryRunSummary> {
  const pipeline =
    options.pipeline === undefined ? config.pipelines[0] : config.pipelines.find((p) => p.id === options.pipeline);
  if (!pipeline) {
    const known = config.pipelines.map((p) => p.id).join(', ') || 'none';
    throw new UsageError(
      options.pipeline === undefined
        ? 'the config has no pipelines'
        : `no pipeline "${options.pipeline}" (pipelines: ${known})`,
    );
  }
  const registry = new Registry();
  const report: StageReport = { parseFailed: false, dropReason: undefined };
  const chain = buildStageChain(pipeline.stages, '', {
    pipeline: pipeline.id,
    registry,
    logger: options.logger,
    metrics: options.inspect ? (p, s) => reportingMetrics(createStageMetrics(registry, p, s), report) : undefined,
  });
  // Dry-run only asks the router where each entry would go; nothing is sent.
  const router = createRouter(pipeline, { registry, resolve: () => ({ consume: async () => undefined }) });
  const summary: DryRunSummary = { pipeline: pipeline.id, linesIn: 0, entriesOut: 0, notOut: 0 };
  const write = async (text: string): Promise<void> => {
    if (!options.output.write(text)) await once(options.output, 'drain');
  };
  const printOut = async (entries: LogEntry[]): Promise<void> => {
    let text = '';
    for (const e of entries) text += JSON.stringify(entryJson(e, router.targetsFor(e))) + '\n';
    summary.entriesOut += entries.length;
    if (text) await write(text);
  };

  const target = options.inputFile === undefined ? undefined : inputTarget(config, pipeline.id, options.inputFile);
  const labels = target?.labels ?? {};
  const input = asText(options.input, options.inputFile, target?.encoding);
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let batch: LogEntry[] = [];
  const runBatch = async (): Promise<void> => {
    const out: LogEntry[] = [];
    chain.run(batch, out);
    batch = [];
    await printOut(out);
  };
  for await (const line of lines) {
    summary.linesIn++;
    const entry: LogEntry = {
      timestampNs: nowNs(),
      line,
      labels: copyLabels(labels),
      structuredMetadata: {},
      // As the running pipeline seeds them: stages read the labels as extracted values (`regex: { source: filename }`).
      extracted: copyLabels(labels),
    };
    if (options.inspect) {
      const inspected = inspectLine(entry, chain, report, router.targetsFor);
      summary.entriesOut += inspected.entriesOut;
      await write(inspected.text);
      continue;
    }
    batch.push(entry);
    if (batch.length >= BATCH_LINES) await runBatch();
  }
  if (batch.length > 0) await runBatch();
  const released: LogEntry[] = [];
  // End of input: release whatever stages hold (multiline), however recent.
  chain.flush?.(released, FLUSH_ALL_NS);
  await printOut(released);
  summary.notOut = summary.linesIn - summary.entriesOut;
  return summary;
}

/** The input as the file source reads the file: a .gz file decompressed, the source's encoding decoded. */
function asText(
  input: NodeJS.ReadableStream,
  file: string | undefined,
  encoding: string | undefined,
): NodeJS.ReadableStream {
  const plain = file !== undefined && isGzipFile(file) ? input.pipe(zlib.createGunzip()) : input;
  if (encoding === undefined) return plain;
  const decode = streamDecoder(encoding);
  return plain.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        done(null, decode(chunk));
      },
      flush(done) {
        done(null, decode(Buffer.alloc(0), true));
      },
    }),
  );
}

function inspectLine(
  entry: LogEntry,
  chain: StageChain,
  report: StageReport,
  targetsFor: (e: LogEntry) => readonly string[],
): { text: string; entriesOut: number } {
  const original = entry.line;
  const { out, trail } = inspectEntry(entry, chain.stages, report);
  if (out.length === 0) {
    const last = trail[trail.length - 1];
    const outcome =
      last?.dropped !== undefined
        ? { dropped: { stage: last.stage, reason: last.dropped } }
        : { held: { stage: last?.stage } };
    return { text: JSON.stringify({ ...outcome, line: original, stages: trail }) + '\n', entriesOut: 0 };
  }
  return {
    text: out.map((e) => JSON.stringify({ ...entryJson(e, targetsFor(e)), stages: trail })).join('\n') + '\n',
    entriesOut: out.length,
  };
}

/** Counts as usual and also notes, for --inspect, whether the stage reported a parse failure or a drop. */
function reportingMetrics(metrics: StageMetrics, report: StageReport): StageMetrics {
  return {
    entriesIn: metrics.entriesIn,
    entriesOut: metrics.entriesOut,
    parseFailed: {
      inc(n?: number) {
        report.parseFailed = true;
        metrics.parseFailed.inc(n);
      },
    },
    dropped(reason: string) {
      const child = metrics.dropped(reason);
      return {
        inc(n?: number) {
          report.dropReason = reason;
          child.inc(n);
        },
      };
    },
  };
}

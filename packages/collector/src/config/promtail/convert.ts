import * as path from 'node:path';
import { Block, newConversion, type Conversion } from './block';
import { convertClients } from './clients';
import { convertScrapeConfig, type ConvertedScrape } from './scrape-configs';
import { convertServer } from './server';
import { UNSUPPORTED_ROOT_KEYS } from './unsupported';

// Promtail's default positions file.
const DEFAULT_POSITIONS = '/var/log/positions.yaml';

export interface PromtailConversion extends Conversion {
  /** The equivalent collector config, as plain YAML data (validated afterwards by the collector's own loader). */
  config: Record<string, unknown>;
}

/** What convertPromtail needs besides the parsed file. */
export interface PromtailSourceFile {
  /** The same file with every scalar as written, for the keys yaml.v2 reads as strings. */
  text?: unknown;
  /** The file's folder, which file_sd_configs patterns are relative to. */
  baseDir: string;
  /** `-client.external-labels`: every client gets them under its own. */
  externalLabels?: Readonly<Record<string, string>>;
}

/** Converts a parsed Promtail config into the collector's config; problems are returned, not thrown. */
export function convertPromtail(value: unknown, file: PromtailSourceFile): PromtailConversion {
  const conv = newConversion(file.text);
  const root = Block.of(value, [], conv);
  if (!root) return { ...conv, config: {} };

  const server = convertServer(root.block('server') ?? Block.empty(['server'], conv));
  const sinks = convertClients(root, file.externalLabels ?? {});
  const positions = root.block('positions');
  // Promtail resolves a relative positions file from its working directory, as the collector's file source then reads it.
  const positionsFile = path.resolve(positions?.string('filename') ?? DEFAULT_POSITIONS);
  const ignoreInvalid = positions?.bool('ignore_invalid_yaml') ?? false;
  if (positions?.has('sync_period')) {
    positions.durationMs('sync_period');
    conv.notes.push({
      at: ['storage_path'],
      text: "positions.sync_period left out: the collector saves a file's position after every delivered batch",
    });
  }
  positions?.finish();
  const storagePath = path.join(path.dirname(positionsFile), 'collector');
  conv.notes.push({
    at: ['storage_path'],
    text: `beside Promtail's ${positionsFile}, which the file sources read once to continue where Promtail stopped`,
  });

  const fileSource: Record<string, unknown> = {
    promtail_positions: { filename: positionsFile, ignore_invalid_yaml: ignoreInvalid },
  };
  const sync = root.block('target_config');
  const syncMs = sync?.durationMs('sync_period');
  if (syncMs !== undefined) fileSource.sync_period_ms = syncMs;
  sync?.finish();
  const global = root.block('global');
  const watch = global?.block('file_watch_config') ?? root.block('file_watch_config');
  if (watch) {
    const min = watch.durationMs('min_poll_frequency');
    const max = watch.durationMs('max_poll_frequency');
    if (min !== undefined || max !== undefined) fileSource.poll_interval_ms = min ?? max;
    if (max !== undefined)
      conv.notes.push({
        at: ['sources'],
        text: 'file_watch_config: an idle file is polled every min_poll_frequency (fs.watch wakes it sooner), so max_poll_frequency is not needed',
      });
    watch.finish();
  }
  global?.finish();

  const limits = convertLimits(root.block('limits_config'));
  const options = root.block('options');
  if (options?.has('stream_lag_labels'))
    conv.notes.push({
      at: ['sources'],
      text: 'options.stream_lag_labels left out (deprecated in Promtail, no effect)',
    });
  options?.raw('stream_lag_labels');
  options?.finish();

  const scrape: ConvertedScrape = { sources: {}, pipelines: {} };
  const taken = new Set<string>();
  const list = root.list('scrape_configs') ?? [];
  list.forEach((item, i) => {
    const sc = Block.of(item, ['scrape_configs', i], conv);
    if (sc)
      convertScrapeConfig(
        sc,
        {
          sinks: sinks.map((s) => s.id),
          fileSource,
          before: limits.before,
          after: limits.after,
          baseDir: file.baseDir,
        },
        taken,
        scrape,
      );
  });
  const tracing = root.block('tracing');
  if (tracing?.bool('enabled') === true)
    tracing.issue('enabled', `tracing is not supported by the collector: ${UNSUPPORTED_ROOT_KEYS.tracing}`);
  tracing?.finish();
  root.finish(UNSUPPORTED_ROOT_KEYS);

  const config: Record<string, unknown> = {
    server,
    storage_path: storagePath,
    sources: scrape.sources,
    pipelines: scrape.pipelines,
    sinks: Object.fromEntries(sinks.map((s) => [s.id, s.config])),
  };
  return { ...conv, config };
}

/** limits_config: Promtail's readline limit runs before the pipeline, its line size limit in the client (after it). */
function convertLimits(limits: Block | undefined): { before: unknown[]; after: unknown[] } {
  const out = { before: [] as unknown[], after: [] as unknown[] };
  if (!limits) return out;
  const conv = limits.conv;
  const enabled = limits.bool('readline_rate_enabled') ?? false;
  const rate = limits.number('readline_rate') ?? 10000;
  const burst = limits.number('readline_burst') ?? 10000;
  const drop = limits.bool('readline_rate_drop') ?? true;
  if (enabled) {
    if (!drop)
      limits.issue(
        'readline_rate_drop',
        'only readline_rate_drop: true is supported (lines over the limit are dropped and counted); a pipeline cannot wait for a token',
      );
    out.before.push({ limit: { rate, burst, drop: true } });
    conv.notes.push({
      at: ['pipelines'],
      text: 'limits_config.readline_rate becomes a limit stage at the start of each pipeline: one bucket per job, where Promtail has one for all',
    });
  }
  const maxStreams = limits.number('max_streams') ?? 0;
  if (maxStreams > 0)
    limits.issue(
      'max_streams',
      'a stream limit is not supported; leave max_streams at 0 (Loki enforces its own per-tenant stream limit)',
    );
  const maxLine = limits.raw('max_line_size');
  const truncate = limits.bool('max_line_size_truncate') ?? false;
  if (maxLine !== undefined && maxLine !== null && maxLine !== 0 && maxLine !== '0') {
    if (typeof maxLine !== 'number' && typeof maxLine !== 'string')
      limits.issue('max_line_size', 'expected a size such as 256KB');
    else if (truncate) out.after.push({ truncate: { rule: [{ limit: maxLine }] } });
    else out.after.push({ drop: { longer_than: maxLine, drop_counter_reason: 'line_too_long' } });
  }
  limits.finish();
  return out;
}

import type { Labels } from '../../entry';
import { applyRelabel } from '../../relabel/apply';
import { relabelRuleSchema, type RelabelRule } from '../../relabel/config';
import { formatPath, fromZodIssues } from '../../schema/issues';
import { LABEL_NAME } from '../../protocols/loki/labels';
import { TENANT_LABEL } from '../../protocols/loki/tenant';
import { Block, type Conversion } from './block';
import { fileSdGroups, type TargetGroup } from './file-sd';
import { convertStages } from './pipeline-stages';
import { SERVER_NO_COUNTERPART } from './server';
import { UNSUPPORTED_SCRAPE_KEYS, UNSUPPORTED_SERVER_KEYS } from './unsupported';

/** What every scrape config shares, from the Promtail file's other blocks. */
export interface ScrapeSettings {
  sinks: readonly string[];
  /** Keys every file source gets (positions hand-over, sync period, poll interval). */
  fileSource: Readonly<Record<string, unknown>>;
  /** limits_config stages: before the job's own stages (readline rate) and after them (line size). */
  before: readonly unknown[];
  after: readonly unknown[];
  /** The Promtail file's folder: file_sd_configs patterns are relative to it. */
  baseDir: string;
}

export interface ConvertedScrape {
  sources: Record<string, Record<string, unknown>>;
  pipelines: Record<string, Record<string, unknown>>;
}

// Promtail drops every label starting with `__` once relabeling is done.
const DROP_INTERNAL = { regex: '__.*', action: 'labeldrop' };
const INTERNAL_LABELS = new Set(['syslog', 'gelf', 'heroku_drain']);
// Promtail's heroku_drain sets the X-Scope-OrgID tenant again after that drop: every `__` label but the tenant goes.
const DROP_INTERNAL_BUT_TENANT = { regex: `__${anythingBut(TENANT_LABEL.slice(2))}`, action: 'labeldrop' };

/** An RE2 pattern for any string but `word` (RE2 has no lookahead): a prefix of it, one that differs, or a longer one. */
function anythingBut(word: string): string {
  const differing = [...word].map((c, i) => `${word.slice(0, i)}(?:[^${c}].*)?`);
  return `(?:${[...differing, `${word}.+`].join('|')})`;
}

/** One scrape config -> a pipeline named after its job, fed by a file, loki_push, syslog, gelf or heroku_drain source. */
export function convertScrapeConfig(
  sc: Block,
  settings: ScrapeSettings,
  taken: Set<string>,
  out: ConvertedScrape,
): void {
  const conv = sc.conv;
  const job = sc.string('job_name');
  if (job === undefined) sc.issue('job_name', 'required key is missing (every scrape config needs a job_name)');
  const id = uniqueId(job ?? `job_${String(sc.at[1])}`, taken);
  const rules = relabelRules(sc);
  // static_configs and file_sd_configs both give file targets; Promtail takes them together.
  const kinds = ['static_configs', 'file_sd_configs', 'loki_push_api', 'syslog', 'gelf', 'heroku_drain']
    .filter((k) => sc.has(k))
    .filter((k, i, all) => k !== 'file_sd_configs' || !all.includes('static_configs'));
  if (kinds.length === 0 && !Object.keys(sc.value).some((k) => k in UNSUPPORTED_SCRAPE_KEYS)) {
    sc.issue([], 'a scrape config needs static_configs, file_sd_configs, loki_push_api, syslog, gelf or heroku_drain');
  }
  if (kinds.length > 1)
    sc.issue(
      kinds[1],
      `split ${kinds.join(' and ')} into separate scrape configs (their relabel_configs apply at different times)`,
    );

  const pipelineAt: PropertyKey[] = ['pipelines', id];
  const before: unknown[] = [...settings.before];
  const files = kinds[0] === 'static_configs' || kinds[0] === 'file_sd_configs';
  const dropInternal = kinds[0] === 'heroku_drain' ? DROP_INTERNAL_BUT_TENANT : DROP_INTERNAL;
  if (rules && !files) before.push({ relabel: { rules: [...rules.raw, dropInternal] } });
  // These sources give `__`-prefixed labels for relabel_configs; Promtail drops them even without relabel_configs.
  else if (INTERNAL_LABELS.has(kinds[0])) before.push({ relabel: { rules: [dropInternal] } });
  if (rules && !files)
    conv.origins.push({
      out: [...pipelineAt, 'stages', before.length - 1, 'relabel', 'rules'],
      from: [...sc.at, 'relabel_configs'],
    });
  const stages = convertStages(
    sc.raw('pipeline_stages'),
    [...sc.at, 'pipeline_stages'],
    [...pipelineAt, 'stages'],
    conv,
    before.length,
  );
  if (before.length > 0) conv.notes.push({ at: [...pipelineAt, 'stages'], text: stageNote(before, stages.length) });
  out.pipelines[id] = {
    stages: [...before, ...stages, ...settings.after],
    forward_to: settings.sinks.map((s) => `sinks.${s}`),
  };
  conv.origins.push({ out: pipelineAt, from: sc.at });
  const forward = [`pipelines.${id}`];

  const options = fileOptions(sc);
  const fileKeys = ['encoding', 'decompression'].filter((k) => sc.has(k));
  if (!files && fileKeys.length > 0)
    conv.notes.push({
      at: pipelineAt,
      text: `${fileKeys.join(' and ')} left out: they apply to files only, as in Promtail`,
    });
  const statics = sc.list('static_configs');
  const fileSd = sc.list('file_sd_configs');
  if (statics || fileSd) {
    const groups = [
      ...staticGroups(statics ?? [], [...sc.at, 'static_configs'], conv),
      ...fileSdTargetGroups(fileSd ?? [], [...sc.at, 'file_sd_configs'], settings.baseDir, conv),
    ];
    const targets = fileTargets(groups, rules?.parsed ?? [], conv);
    if (targets.length > 0) {
      out.sources[id] = { type: 'file', targets, ...settings.fileSource, ...options, forward_to: forward };
      if (options.encoding !== undefined)
        conv.origins.push({ out: ['sources', id, 'encoding'], from: [...sc.at, 'encoding'] });
      conv.origins.push({ out: ['sources', id], from: [...sc.at, statics ? 'static_configs' : 'file_sd_configs'] });
      if (rules)
        conv.notes.push({
          at: ['sources', id, 'targets'],
          text: 'relabel_configs applied to the targets at conversion',
        });
    }
    if (fileSd)
      conv.notes.push({
        at: ['sources', id, 'targets'],
        text: 'file_sd_configs files read once at load (with __meta_filepath); restart the collector after changing them',
      });
  }
  const push = sc.block('loki_push_api');
  if (push) out.sources[id] = { type: 'loki_push', ...httpPushSource(push, ['sources', id]), forward_to: forward };
  const drain = sc.block('heroku_drain');
  // Promtail's heroku_drain takes the X-Scope-OrgID header as the tenant.
  if (drain)
    out.sources[id] = {
      type: 'heroku_drain',
      ...httpPushSource(drain, ['sources', id]),
      tenant_from_push: true,
      forward_to: forward,
    };
  const gelf = sc.block('gelf');
  if (gelf) out.sources[id] = { type: 'gelf', ...gelfSource(gelf, ['sources', id]), forward_to: forward };
  const syslog = sc.block('syslog');
  if (syslog) out.sources[id] = { type: 'syslog', ...syslogSource(syslog, ['sources', id]), forward_to: forward };
  sc.finish(UNSUPPORTED_SCRAPE_KEYS);
}

function stageNote(before: readonly unknown[], own: number): string {
  const names = before.map((s) => Object.keys(s as object)[0]).join(', ');
  return `first ${before.length} stage(s) added by the conversion (${names}); the job's own ${own} pipeline_stages follow`;
}

/** Parses relabel_configs with the collector's own Prometheus relabel schema (issues at their Promtail path). */
function relabelRules(sc: Block): { raw: unknown[]; parsed: RelabelRule[] } | undefined {
  const raw = sc.list('relabel_configs')?.map(lowerCaseAction);
  if (!raw || raw.length === 0) return undefined;
  const parsed: RelabelRule[] = [];
  raw.forEach((rule, i) => {
    const result = relabelRuleSchema.safeParse(rule, { reportInput: true });
    if (result.success) parsed.push(result.data);
    else sc.conv.issues.push(...fromZodIssues(result.error.issues, [...sc.at, 'relabel_configs', i]));
  });
  return { raw, parsed };
}

/** Prometheus reads a relabel action in any case (`action: LabelMap`). */
function lowerCaseAction(rule: unknown): unknown {
  if (rule === null || typeof rule !== 'object' || Array.isArray(rule)) return rule;
  const { action } = rule as { action?: unknown };
  return typeof action === 'string' ? { ...rule, action: action.toLowerCase() } : rule;
}

/** static_configs as target groups; label names are checked at their Promtail path. */
function staticGroups(statics: unknown[], at: PropertyKey[], conv: Conversion): TargetGroup[] {
  const groups: TargetGroup[] = [];
  statics.forEach((value, j) => {
    const block = Block.of(value, [...at, j], conv);
    if (!block) return;
    const hosts = block.stringList('targets') ?? [];
    const labels = block.stringMap('labels') ?? {};
    block.finish();
    for (const name of Object.keys(labels)) {
      if (!LABEL_NAME.test(name))
        block.issue(['labels', name], `invalid label name "${name}" (use [a-zA-Z_][a-zA-Z0-9_]*)`);
    }
    groups.push({ hosts, labels, where: formatPath([...at, j]) });
  });
  return groups;
}

function fileSdTargetGroups(list: unknown[], at: PropertyKey[], baseDir: string, conv: Conversion): TargetGroup[] {
  return list.flatMap((value, j) => {
    const block = Block.of(value, [...at, j], conv);
    return block ? fileSdGroups(block, baseDir) : [];
  });
}

/**
 * Targets as Promtail discovers them: each target host is `__address__` beside its group's labels, relabel_configs
 * run on that set, and what keeps a `__path__` becomes a file target with its labels (`__`-prefixed ones dropped).
 */
function fileTargets(groups: TargetGroup[], rules: readonly RelabelRule[], conv: Conversion): Record<string, string>[] {
  const targets: Record<string, string>[] = [];
  const seen = new Set<string>();
  for (const { hosts, labels, where } of groups) {
    if (hosts.length === 0)
      conv.notes.push({ at: ['sources'], text: `${where} has no targets, so Promtail tails nothing for it; left out` });
    for (const host of hosts) {
      const relabeled = applyRelabel(rules, { __address__: host, ...labels });
      if (relabeled === undefined) continue;
      const target = fileTarget(relabeled);
      if (target === undefined) {
        conv.notes.push({
          at: ['sources'],
          text: `${where}: target ${host} has no __path__, so Promtail tails nothing for it; left out`,
        });
        continue;
      }
      const key = JSON.stringify(Object.entries(target).sort());
      if (!seen.has(key)) targets.push(target);
      seen.add(key);
    }
  }
  return targets;
}

function fileTarget(labels: Labels): Record<string, string> | undefined {
  const path = labels.__path__;
  if (path === undefined || path === '') return undefined;
  const target: Record<string, string> = { __path__: path };
  if (labels.__path_exclude__) target.__path_exclude__ = labels.__path_exclude__;
  // As in Prometheus, an empty value is no label.
  for (const [name, value] of Object.entries(labels)) if (!name.startsWith('__') && value !== '') target[name] = value;
  return target;
}

/** loki_push_api and heroku_drain: a `server` block, `labels` and `use_incoming_timestamp`. */
function httpPushSource(b: Block, out: PropertyKey[]): Record<string, unknown> {
  const conv = b.conv;
  const server = b.block('server');
  const config: Record<string, unknown> = {};
  if (server) {
    const address = server.string('http_listen_address');
    config.listen_address = address === undefined || address === '' ? '0.0.0.0' : address;
    config.listen_port = server.number('http_listen_port') ?? 80;
    conv.origins.push({ out: [...out, 'listen_port'], from: [...server.at, 'http_listen_port'] });
    const ignored = [...SERVER_NO_COUNTERPART, 'log_level'].filter((k) => server.has(k));
    for (const k of ignored) server.raw(k);
    if (ignored.length > 0)
      conv.notes.push({ at: out, text: `left out, the push source serves HTTP only: ${ignored.join(', ')}` });
    server.finish(UNSUPPORTED_SERVER_KEYS);
  }
  const labels = b.stringMap('labels');
  if (labels) config.labels = labels;
  const incoming = b.bool('use_incoming_timestamp');
  if (incoming !== undefined) config.use_incoming_timestamp = incoming;
  conv.origins.push({ out, from: b.at });
  b.finish();
  return config;
}

function syslogSource(b: Block, out: PropertyKey[]): Record<string, unknown> {
  const conv = b.conv;
  const config: Record<string, unknown> = {};
  const address = b.string('listen_address');
  if (address === undefined) b.issue('listen_address', 'required key is missing (e.g. 0.0.0.0:1514)');
  else config.listen_address = address;
  const protocol = b.string('listen_protocol');
  if (protocol !== undefined && protocol !== 'tcp')
    b.issue(
      'listen_protocol',
      `only tcp is supported, got ${JSON.stringify(protocol)} (send RFC 5424 over TCP instead)`,
    );
  const format = b.string('syslog_format');
  if (format !== undefined && format !== 'rfc5424')
    b.issue('syslog_format', `only rfc5424 is supported, got ${JSON.stringify(format)}`);
  const idle = b.durationMs('idle_timeout');
  if (idle !== undefined) config.idle_timeout_ms = idle;
  for (const key of ['label_structured_data', 'use_incoming_timestamp', 'use_rfc5424_message'] as const) {
    const v = b.bool(key);
    if (v !== undefined) config[key] = v;
  }
  const max = b.number('max_message_length');
  if (max !== undefined) config.max_message_length = max;
  const labels = b.stringMap('labels');
  if (labels) config.labels = labels;
  conv.origins.push({ out, from: b.at });
  b.finish({
    tls_config:
      'the syslog source accepts plain TCP only; terminate TLS in front of it (e.g. stunnel or a load balancer)',
  });
  return config;
}

function gelfSource(b: Block, out: PropertyKey[]): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  // Promtail listens on 0.0.0.0:12201 when listen_address is left out.
  config.listen_address = b.string('listen_address') || '0.0.0.0:12201';
  b.conv.origins.push({ out: [...out, 'listen_address'], from: [...b.at, 'listen_address'] });
  const labels = b.stringMap('labels');
  if (labels) config.labels = labels;
  const incoming = b.bool('use_incoming_timestamp');
  if (incoming !== undefined) config.use_incoming_timestamp = incoming;
  b.conv.origins.push({ out, from: b.at });
  b.finish();
  return config;
}

/** encoding (the file source decodes it) and decompression (accepted where it describes what the file source reads anyway). */
function fileOptions(sc: Block): { encoding?: string } {
  const encoding = sc.string('encoding');
  const decompression = sc.block('decompression');
  if (decompression) {
    const enabled = decompression.bool('enabled');
    const format = decompression.string('format');
    decompression.raw('initial_delay');
    if (enabled && format !== undefined && format !== 'gz')
      decompression.issue(
        'format',
        `only gz is read (the file source reads *.gz files once, always), got ${JSON.stringify(format)}`,
      );
    decompression.finish();
  }
  return encoding === undefined || /^utf-?8$/i.test(encoding) ? {} : { encoding };
}

function uniqueId(job: string, taken: Set<string>): string {
  let id = job.replace(/[^A-Za-z0-9_-]/g, '_');
  if (!/^[A-Za-z_]/.test(id)) id = `_${id}`;
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}_${n}`;
  taken.add(candidate);
  return candidate;
}

import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { z } from 'zod';
import { ConfigError, type ConfigIssue } from '../errors';
import { sinkDefinitions } from '../sinks/registry';
import { sourceDefinitions } from '../sources/registry';
import { componentSchema } from './component-schema';
import { ConfigDocument } from './document';
import { expandGrafanaCloud } from './grafana-cloud';
import { environmentResolver } from './env';
import {
  checkGraph,
  checkListenClaims,
  checkSignals,
  findListenClaims,
  type GraphNode,
  type ListenClaim,
} from './graph';
import { fromZodIssues, type PathIssue } from '../schema/issues';
import { kernelFilesystemProblem } from '../schema/kernel-filesystem';
import { loadModule, useModule, type LoadedModule } from './modules';
import { resolveRelativePaths } from './relative-paths';
import { moduleFileSchema, pipelineSchema, rootSchema } from './schema';
import { stageListSchema } from '../stages/registry';
import { looksLikePromtail } from './promtail/detect';
import { openPromtailConfig, type PromtailSource } from './promtail/open';
import type {
  CollectorConfig,
  PipelineConfig,
  SinkConfig,
  SourceConfig,
  StageConfig,
} from '../schema/collector-config';

export interface LoadOptions {
  /** `auto` (the default) reads a file whose root keys are Promtail's as a Promtail config. */
  format?: 'auto' | 'collector' | 'promtail';
  /** Promtail files: expand `${VAR}` as Promtail's `-config.expand-env` does (collector files always expand). */
  expandEnv?: boolean;
  /** Promtail files: `-client.external-labels`, added to every client's own (which win on a clash, as in Promtail). */
  externalLabels?: Readonly<Record<string, string>>;
  /** A Promtail file the caller has already opened (`collector convert` prints its conversion), so it is read once. */
  opened?: PromtailSource;
}

/** Reads, expands, parses and validates a config file; throws ConfigError listing every issue. */
export async function loadConfig(
  file: string,
  env: NodeJS.ProcessEnv = process.env,
  options: LoadOptions = {},
): Promise<CollectorConfig> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    throw new ConfigError([
      {
        file,
        line: 0,
        col: 0,
        path: '',
        message: `cannot read config file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      },
    ]);
  }
  return parseConfig(text, file, env, options);
}

/** Validates config text as if read from `file` (module paths resolve against its folder). */
export function parseConfig(
  text: string,
  file: string,
  env: NodeJS.ProcessEnv = process.env,
  options: LoadOptions = {},
): CollectorConfig {
  const absolute = path.resolve(file);
  // A Promtail file is converted first, then checked like any config, with issues placed on its own lines.
  const promtail = options.format === 'promtail' || (options.format !== 'collector' && looksLikePromtail(text));
  const doc = promtail
    ? (options.opened ?? openPromtailConfig(absolute, text, env, options.expandEnv ?? false, options.externalLabels))
    : new ConfigDocument(absolute, text, environmentResolver(env));
  const issues: ConfigIssue[] = [...doc.issues];
  const pathIssues: PathIssue[] = [];
  if (doc.value === undefined && issues.length > 0) throw new ConfigError(issues);
  // Whole-file mistakes, said once at the top of the file instead of as issues against every key.
  const wholeFile = (message: string) => new ConfigError([{ file: absolute, line: 1, col: 1, path: '', message }]);
  if (isEmpty(doc.value))
    throw wholeFile(
      'the config is empty: it needs at least one source, e.g. `sources: { push: { type: loki_push, forward_to: [sinks.out] } }`',
    );
  if (!promtail && moduleFileSchema.safeParse(doc.value).success && 'arguments' in (doc.value as object))
    throw wholeFile(
      'this is a module file (only arguments and pipelines); it is checked where a config imports it (`imports: { NAME: FILE }`): validate that config',
    );
  // grafana_cloud stands for sinks, which are then validated like hand-written ones.
  const cloud = expandGrafanaCloud(doc.value);
  pathIssues.push(...cloud.issues);
  // A bad root key (under server:, or an unknown one) is reported with the rest, not instead of it.
  const root = parseRoot(cloud.value);
  pathIssues.push(...fromZodIssues(root.issues));
  const { server, imports } = root.data;
  const dir = path.dirname(absolute);
  const storagePath = path.resolve(dir, root.data.storage_path);
  const storageProblem = kernelFilesystemProblem(storagePath);
  if (storageProblem !== undefined) pathIssues.push({ path: ['storage_path'], message: storageProblem });

  const modules = new Map<string, LoadedModule>();
  for (const [namespace, relative] of Object.entries(imports)) {
    const loaded = loadModule(namespace, path.resolve(dir, relative), env);
    issues.push(...loaded.issues);
    if (loaded.readError) pathIssues.push({ path: ['imports', namespace], message: loaded.readError });
    if (loaded.module) modules.set(namespace, loaded.module);
  }

  const sourceSchema = componentSchema('source', sourceDefinitions);
  const sinkSchema = componentSchema('sink', sinkDefinitions);
  const sources: SourceConfig[] = [];
  const sinks: SinkConfig[] = [];
  const pipelines = new Map<string, PipelineConfig>();
  const nodes: GraphNode[] = [];
  const claims: ListenClaim[] = [
    { address: server.http_listen_address, port: server.http_listen_port, path: ['server', 'http_listen_port'] },
  ];

  for (const [id, raw] of Object.entries(root.data.sources)) {
    const parsed = sourceSchema.safeParse(resolveRelativePaths(raw, dir), { reportInput: true });
    if (!parsed.success) {
      pathIssues.push(...fromZodIssues(parsed.error.issues, ['sources', id]));
      continue;
    }
    sources.push({ id, ...parsed.data });
    nodes.push({
      id: `sources.${id}`,
      targets: [
        ...parsed.data.forward_to.map((target, i) => ({ target, path: ['sources', id, 'forward_to', i] })),
        ...extraTargets(parsed.data.config, ['sources', id]),
      ],
    });
    claims.push(...findListenClaims(parsed.data.config, ['sources', id]));
  }
  for (const [id, raw] of Object.entries(root.data.sinks)) {
    const parsed = sinkSchema.safeParse(resolveRelativePaths(raw, dir), { reportInput: true });
    if (!parsed.success) {
      pathIssues.push(...fromZodIssues(parsed.error.issues, ['sinks', id]));
      continue;
    }
    sinks.push({ id, type: parsed.data.type, config: parsed.data.config });
  }
  for (const [id, raw] of Object.entries(root.data.pipelines)) {
    const at: PropertyKey[] = ['pipelines', id];
    const parsed = pipelineSchema.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      pathIssues.push(...fromZodIssues(parsed.error.issues, at));
      // Its targets are still checked, so a typo there is reported in the same run.
      nodes.push({ id: `pipelines.${id}`, targets: rawPipelineTargets(raw, at) });
      continue;
    }
    const p = parsed.data;
    let stages = p.stages;
    if (p.module !== undefined) {
      const [namespace, name] = p.module.split('.');
      const module = modules.get(namespace);
      if (!module) {
        if (!(namespace in imports))
          pathIssues.push({
            path: [...at, 'module'],
            message: `no import named "${namespace}" (imports: ${Object.keys(imports).join(', ') || 'none'})`,
          });
        continue;
      }
      const use = useModule(module, name, p.arguments ?? {}, env, `pipelines.${id}`);
      pathIssues.push(...use.useIssues.map((i) => ({ path: [...at, ...i.path], message: i.message })));
      issues.push(...use.moduleIssues);
      stages = use.stages;
    }
    if (stages === undefined) continue;
    const routes = p.routes ?? [];
    pipelines.set(id, {
      id,
      stages,
      forward_to: p.forward_to ?? [],
      routes,
      default_forward_to: p.default_forward_to ?? [],
      ...(p.module !== undefined ? { module: p.module } : {}),
    });
    nodes.push({
      id: `pipelines.${id}`,
      targets: [
        ...(p.forward_to ?? []).map((target, i) => ({ target, path: [...at, 'forward_to', i] })),
        ...routes.flatMap((r, ri) =>
          r.forward_to.map((target, i) => ({ target, path: [...at, 'routes', ri, 'forward_to', i] })),
        ),
        ...(p.default_forward_to ?? []).map((target, i) => ({ target, path: [...at, 'default_forward_to', i] })),
      ],
    });
  }

  const known = new Set([
    ...Object.keys(root.data.pipelines).map((id) => `pipelines.${id}`),
    ...Object.keys(root.data.sinks).map((id) => `sinks.${id}`),
    ...cloud.unbuiltSinks.map((id) => `sinks.${id}`),
  ]);
  const graph = checkGraph(nodes, known);
  pathIssues.push(
    ...graph.issues,
    ...checkListenClaims(claims),
    ...checkSignals(
      nodes,
      sinks.map((s) => ({ id: `sinks.${s.id}`, type: s.type, takes: sinkDefinitions[s.type]?.takes })),
    ),
  );
  issues.push(...doc.place(pathIssues));
  if (issues.length > 0) throw new ConfigError(sortIssues(withoutEcho(issues, doc.issues)));

  return deepFreeze({
    file: absolute,
    server,
    storage_path: storagePath,
    limits: root.data.limits,
    sources,
    pipelines: graph.pipelineOrder.map((id) => pipelines.get(id) as PipelineConfig),
    sinks,
  });
}

function isEmpty(value: unknown): boolean {
  return value == null || (typeof value === 'object' && Object.keys(value).length === 0);
}

type Root = z.infer<typeof rootSchema>;

/** The root keys, each checked on its own when the whole fails, so that the other sections are still checked. */
function parseRoot(value: unknown): { data: Root; issues: z.core.$ZodIssue[] } {
  const whole = rootSchema.safeParse(value, { reportInput: true });
  if (whole.success) return { data: whole.data, issues: [] };
  const raw = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const data: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(rootSchema.shape)) {
    const one = schema.safeParse(raw[key]);
    data[key] = one.success ? one.data : schema.parse(undefined);
  }
  return { data: data as Root, issues: whole.error.issues };
}

/** Targets in a source's own `*_forward_to` keys (OTLP sources send traces and metrics elsewhere). */
function extraTargets(config: unknown, at: PropertyKey[]): GraphNode['targets'] {
  if (config === null || typeof config !== 'object') return [];
  return Object.entries(config as Record<string, unknown>)
    .filter(([key, value]) => key.endsWith('forward_to') && Array.isArray(value))
    .flatMap(([key, value]) =>
      (value as unknown[])
        .filter((t): t is string => typeof t === 'string')
        .map((target, i) => ({ target, path: [...at, key, i] })),
    );
}

/** Targets written in a pipeline that failed validation, wherever they are well-formed. */
function rawPipelineTargets(raw: unknown, at: PropertyKey[]): GraphNode['targets'] {
  const list = (value: unknown, path: PropertyKey[]): GraphNode['targets'] =>
    (Array.isArray(value) ? value : [])
      .map((target: unknown, i) => ({ target, path: [...path, i] }))
      .filter(
        (t): t is { target: string; path: PropertyKey[] } =>
          typeof t.target === 'string' && /^(pipelines|sinks)\./.test(t.target),
      );
  if (raw === null || typeof raw !== 'object') return [];
  const p = raw as { forward_to?: unknown; default_forward_to?: unknown; routes?: unknown };
  return [
    ...list(p.forward_to, [...at, 'forward_to']),
    ...list(p.default_forward_to, [...at, 'default_forward_to']),
    ...(Array.isArray(p.routes) ? p.routes : []).flatMap((r: unknown, i) =>
      list((r as { forward_to?: unknown } | null)?.forward_to, [...at, 'routes', i, 'forward_to']),
    ),
  ];
}

/** An unset variable becomes "", which then fails its key's schema too; that echo on the same line is left out. */
function withoutEcho(issues: ConfigIssue[], variableIssues: readonly ConfigIssue[]): ConfigIssue[] {
  const lines = new Set(variableIssues.map((i) => `${i.file}:${i.line}`));
  return issues.filter((i) => variableIssues.includes(i) || !lines.has(`${i.file}:${i.line}`));
}

function sortIssues(issues: ConfigIssue[]): ConfigIssue[] {
  return [...issues].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}

/** After load the config is trusted and read-only; compiled objects (RegExp, selectors) are left as they are. */
function deepFreeze<T>(value: T): T {
  if (
    value !== null &&
    typeof value === 'object' &&
    (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype)
  ) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Validates a YAML list of stages on its own (tests, docs examples), with the same issues as in a full config. */
export function parseStages(text: string, file = 'stages.yaml', env: NodeJS.ProcessEnv = {}): StageConfig[] {
  const doc = new ConfigDocument(file, text, environmentResolver(env));
  if (doc.issues.length > 0) throw new ConfigError(doc.issues);
  const parsed = stageListSchema.safeParse(doc.value ?? [], { reportInput: true });
  if (!parsed.success) throw new ConfigError(sortIssues(doc.place(fromZodIssues(parsed.error.issues))));
  return parsed.data;
}

import { z } from 'zod';
import { formatRfc3339Nano, type LogEntry } from '../../entry';
import type { AnyStageDefinition } from '../../stages/stage';
import type { StageExample } from './examples';

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  required?: string[];
  description?: string;
  default?: unknown;
}

/** What running an example produced, as the docs show it. */
export interface ExampleResult {
  dropped?: string;
  /** Set when a stage changed the entry's timestamp (RFC3339 with nanoseconds). */
  ts?: string;
  line: string;
  labels: Record<string, string>;
  extracted: Record<string, unknown>;
  structured_metadata: Record<string, string>;
}

/** Runs an example through the real stages (the loader's path). */
export type ExampleRunner = (example: StageExample) => Promise<ExampleResult>;

function typeOf(s: JsonSchema): string {
  if (s.enum) return s.enum.map((v) => `\`${String(v)}\``).join(' | ');
  if (s.const !== undefined) return `\`${s.const === '' ? '""' : String(s.const)}\``;
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return [...new Set(alternatives.map(typeOf))].filter(Boolean).join(' or ');
  const types = Array.isArray(s.type) ? s.type : [s.type ?? 'any'];
  return types
    .map((t) => {
      if (t === 'array')
        return s.items?.type === 'object'
          ? `list of {${Object.keys(s.items.properties ?? {}).join(', ')}}`
          : `list of ${typeOf(s.items ?? {})}`;
      if (t === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object')
        return `map of ${typeOf(s.additionalProperties)}`;
      return t;
    })
    .join(' or ');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function argumentTable(definition: AnyStageDefinition): string {
  const schema = z.toJSONSchema(definition.config, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) return 'This stage takes no arguments: `- ' + definition.type + ': {}`.\n';
  const required = new Set(schema.required ?? []);
  const rows = properties.map(([name, p]) => {
    const def = p.default === undefined ? (required.has(name) ? 'required' : '') : `\`${JSON.stringify(p.default)}\``;
    return `| \`${name}\` | ${cell(typeOf(p))} | ${def} | ${cell(p.description ?? '')} |`;
  });
  return ['| Argument | Type | Default | Description |', '|---|---|---|---|', ...rows, ''].join('\n');
}

function exampleSection(example: StageExample, result: ExampleResult): string {
  const input = example.labels
    ? `Input line \`${example.line}\` with labels \`${JSON.stringify(example.labels)}\``
    : `Input line \`${example.line}\``;
  const shown: Record<string, unknown> =
    result.dropped !== undefined
      ? { dropped: result.dropped }
      : {
          ...(result.ts !== undefined ? { ts: result.ts } : {}),
          line: result.line,
          labels: result.labels,
          extracted: result.extracted,
          structured_metadata: result.structured_metadata,
        };
  return [
    'Example:',
    '',
    '```yaml',
    example.yaml,
    '```',
    '',
    `${input} becomes:`,
    '',
    '```json',
    JSON.stringify(shown, null, 2),
    '```',
    '',
  ].join('\n');
}

/** docs/stages.md: one section per registered stage, with its argument table and worked example. */
export async function renderStagesDoc(
  definitions: Record<string, AnyStageDefinition>,
  examples: Record<string, StageExample>,
  run: ExampleRunner,
): Promise<string> {
  const types = Object.keys(definitions).sort();
  const out = [
    '# Pipeline stages',
    '',
    "<!-- Generated from the stage registry's zod schemas and src/config/stage-docs/examples.ts;",
    '     regenerate with: UPDATE_DOCS=1 node scripts/test.js stage-docs -->',
    '',
    'A pipeline is a list of stages, each a one-key map named after the Alloy stage (`- regex: {...}`).',
    "Stages run in order. Parsers (`regex`, `json`, `logfmt`, `replace`) write only to the entry's **extracted map**;",
    '`labels`, `structured_metadata`, `output`, `timestamp`, `template` read from it, as in Grafana Alloy, so pipelines port.',
    "As in Alloy, a pipeline starts with each entry's labels copied into its extracted map, so a label can be a `source`",
    '(`- regex: { source: filename, expression: ... }`) or a template value (`{{ .job }}`).',
    'Every stage is counted: `collector_stage_entries_in_total{pipeline,stage}`, `collector_stage_entries_out_total`,',
    '`collector_stage_parse_failures_total` (a regex that did not match, JSON that did not parse...) and',
    '`collector_stage_dropped_entries_total{pipeline,stage,reason}`. The `stage` label is the position and type, e.g. `1/regex`,',
    'nested stages of a `match` are `3/match/<pipeline_name>/0/static_labels`.',
    '',
    'Regular expressions use RE2 syntax: `(?P<name>...)` groups, a leading `(?i)`/`(?s)`/`(?m)`/`(?U)`, `(?i:...)` and',
    '`(?s:...)` groups, `\\A`, `\\z`, `\\Q...\\E` and `[[:digit:]]`-style classes (and `[[:^space:]]`) are accepted; flags set',
    'mid-expression (`a(?i)b`), lookaround and backreferences are rejected at load with their position.',
    "The `collector` binary runs with V8's linear-time fallback engine, so a catastrophic pattern cannot stall a pipeline.",
    '',
    `Stages: ${types.map((t) => `[\`${t}\`](#${t})`).join(', ')}.`,
    '',
  ];
  for (const type of types) {
    const definition = definitions[type];
    out.push(`## ${type}`, '', definition.description, '', argumentTable(definition));
    const example = examples[type];
    if (example) out.push(exampleSection(example, await run(example)));
  }
  return out.join('\n');
}

/** The fields of an entry the docs show. */
export function exampleResult(
  entry: LogEntry | undefined,
  dropped: string | undefined,
  inputTimestampNs: bigint,
): ExampleResult {
  if (!entry) return { dropped: dropped ?? 'held', line: '', labels: {}, extracted: {}, structured_metadata: {} };
  return {
    ...(entry.timestampNs !== inputTimestampNs ? { ts: formatRfc3339Nano(entry.timestampNs) } : {}),
    line: entry.line,
    labels: entry.labels,
    extracted: entry.extracted,
    structured_metadata: entry.structuredMetadata,
  };
}

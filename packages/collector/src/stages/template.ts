import { z } from 'zod';
import { extractedString, type LogEntry } from '../entry';
import type { Stage, StageContext, StageDefinition } from './stage';
import { compileTemplate, type CompiledTemplate, TemplateExecError, type TemplateScope } from './template/index';
import { present } from '../errors';

const config = z
  .object({
    source: z
      .string()
      .min(1)
      .describe('Extracted key to write; created when absent. `.Value` reads its current value.'),
    template: z
      .string()
      .describe(
        'Go text/template: `{{ .Value }}`, `{{ .other_key }}`, `{{ .Entry }}` (the line), pipes, if/else if/else/end, eq ne lt le gt ge and or not, printf, len, index (`{{ index . "user-agent" }}`), slice, Alloy functions (ToLower ToUpper Replace Trim TrimLeft TrimRight TrimPrefix TrimSuffix TrimSpace Hash Sha2Hash regexReplaceAll regexReplaceAllLiteral) and sprig ones (lower upper default trim trimAll trimPrefix trimSuffix replace contains hasPrefix hasSuffix quote squote repeat substr trunc cat toString b64enc b64dec sha256sum regexMatch). An empty result deletes the key.',
      ),
  })
  .strict()
  .superRefine((c, issues) => {
    try {
      compileTemplate(c.template);
    } catch (err) {
      issues.addIssue({ code: 'custom', path: ['template'], message: (err as Error).message });
    }
  });

export type TemplateStageConfig = z.infer<typeof config>;

/** Reads template fields from the entry being processed, as Alloy's template data map would hold them. */
class EntryScope implements TemplateScope {
  entry: LogEntry | undefined;
  constructor(readonly source: string) {}

  field(name: string): unknown {
    const entry = present(this.entry, 'the entry being templated');
    if (name === 'Entry') return entry.line;
    if (name === 'Value' && this.source in entry.extracted) return extractedString(entry.extracted[this.source]);
    return extractedString(entry.extracted[name]);
  }
}

class TemplateStage implements Stage {
  readonly #source: string;
  readonly #template: CompiledTemplate;
  readonly #scope: EntryScope;
  readonly #ctx: StageContext;

  constructor(cfg: TemplateStageConfig, ctx: StageContext) {
    this.#source = cfg.source;
    this.#template = compileTemplate(cfg.template);
    this.#scope = new EntryScope(cfg.source);
    this.#ctx = ctx;
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    this.#scope.entry = entry;
    let text: string;
    try {
      text = this.#template.execute(this.#scope);
    } catch (err) {
      if (!(err instanceof TemplateExecError)) throw err;
      // Alloy leaves the entry unchanged when the template fails; we also count it.
      this.#ctx.counters.parseFailed.inc();
      out.push(entry);
      return;
    }
    if (text === '') delete entry.extracted[this.#source];
    else entry.extracted[this.#source] = text;
    out.push(entry);
  }
}

export const templateStage: StageDefinition<TemplateStageConfig> = {
  type: 'template',
  description:
    'Renders a Go template into an extracted key (Alloy semantics: reads extracted values as strings, writes only the extracted map). A template that fails on a line (e.g. ToUpper of a missing key) leaves the entry unchanged and counts a parse failure.',
  config,
  create: (cfg, ctx) => new TemplateStage(cfg, ctx),
};

import { z } from 'zod';
import { extractedString, type LogEntry } from '../entry';
import { compileRe2 } from '../logql/re2';
import { captureGroupNames } from './capture-groups';
import type { Stage, StageContext, StageDefinition } from './stage';
import { compileTemplate, type CompiledTemplate, TemplateExecError, type TemplateScope } from './template/index';
import { present } from '../errors';

const config = z
  .object({
    expression: z
      .string()
      .min(1)
      .describe(
        'RE2 expression; the text of every capture group in every match is replaced. `(?P<name>...)` groups also set extracted[name] to their replacement.',
      ),
    source: z
      .string()
      .min(1)
      .optional()
      .describe('Extracted key to rewrite instead of the line; nothing happens when it is absent.'),
    replace: z
      .string()
      .default('')
      .describe(
        'Go template for each captured text, available as `{{ .Value }}` (extracted keys by name too). Empty deletes the captured text.',
      ),
  })
  .strict()
  .superRefine((c, issues) => {
    try {
      compileRe2(c.expression);
    } catch (err) {
      issues.addIssue({
        code: 'custom',
        path: ['expression'],
        message: `invalid RE2 expression: ${(err as Error).message}`,
      });
    }
    try {
      compileTemplate(c.replace);
    } catch (err) {
      issues.addIssue({ code: 'custom', path: ['replace'], message: (err as Error).message });
    }
  });

export type ReplaceStageConfig = z.infer<typeof config>;

/** `.Value` is the captured text being replaced; other fields read the entry's extracted values. */
class CaptureScope implements TemplateScope {
  entry: LogEntry | undefined;
  value = '';

  field(name: string): unknown {
    return name === 'Value'
      ? this.value
      : extractedString(present(this.entry, 'the entry being replaced').extracted[name]);
  }
}

class ReplaceStage implements Stage {
  readonly #regex: RegExp;
  readonly #groupNames: Array<string | undefined>;
  readonly #source: string | undefined;
  readonly #template: CompiledTemplate;
  readonly #scope = new CaptureScope();
  readonly #ctx: StageContext;
  // Replacement of each named group's text in the first match, written to extracted after a successful pass.
  readonly #named = new Map<string, string>();

  constructor(cfg: ReplaceStageConfig, ctx: StageContext) {
    const compiled = compileRe2(cfg.expression);
    this.#regex = new RegExp(compiled.regex.source, compiled.regex.flags.replace(/[gd]/g, '') + 'gd');
    this.#groupNames = captureGroupNames(compiled.regex.source);
    this.#source = cfg.source;
    this.#template = compileTemplate(cfg.replace);
    this.#ctx = ctx;
  }

  process(entry: LogEntry, out: LogEntry[]): void {
    out.push(entry);
    let input: string;
    if (this.#source === undefined) input = entry.line;
    else {
      if (!(this.#source in entry.extracted)) return;
      const value = extractedString(entry.extracted[this.#source]);
      if (value === undefined) {
        this.#ctx.counters.parseFailed.inc();
        return;
      }
      input = value;
    }
    let result: string | undefined;
    try {
      result = this.#replaceAll(input, entry);
    } catch (err) {
      if (!(err instanceof TemplateExecError)) throw err;
      this.#ctx.counters.parseFailed.inc();
      return;
    }
    if (result === undefined) return;
    if (this.#source === undefined) entry.line = result;
    else entry.extracted[this.#source] = result;
    for (const [name, value] of this.#named) entry.extracted[name] = value;
  }

  /** Undefined when nothing matched. Nested groups inside an already replaced group are left alone (Alloy). */
  #replaceAll(input: string, entry: LogEntry): string | undefined {
    const regex = this.#regex;
    const scope = this.#scope;
    const names = this.#groupNames;
    this.#named.clear();
    scope.entry = entry;
    regex.lastIndex = 0;
    let result = '';
    let previousEnd = 0;
    let matched = false;
    let firstMatch = true;
    let lastMatchEnd = -1;
    for (let m = regex.exec(input); m !== null; m = regex.exec(input)) {
      const indices = present(m.indices, 'match indices (the regex is compiled with the d flag)');
      const [start, end] = indices[0];
      if (start === end) {
        regex.lastIndex = end + 1;
        // RE2 ignores an empty match that abuts the previous match.
        if (start === lastMatchEnd) continue;
      }
      lastMatchEnd = end;
      matched = true;
      for (let g = 1; g < m.length; g++) {
        const span = indices[g];
        if (span === undefined) continue;
        const captured = input.slice(span[0], span[1]);
        scope.value = captured;
        const replacement = this.#template.execute(scope);
        if (previousEnd === 0 || previousEnd <= span[0]) {
          result += input.slice(previousEnd, span[0]) + replacement;
          previousEnd = span[1];
        }
        const name = names[g];
        if (firstMatch && name !== undefined) this.#named.set(name, replacement);
      }
      firstMatch = false;
    }
    return matched ? result + input.slice(previousEnd) : undefined;
  }
}

export const replaceStage: StageDefinition<ReplaceStageConfig> = {
  type: 'replace',
  description:
    'Replaces the text of every capture group (in every match) of `expression` in the line or in `source`, rendering `replace` per capture (Alloy semantics). Example: expression `password=(\\S+)` with replace `****` masks passwords.',
  config,
  create: (cfg, ctx) => new ReplaceStage(cfg, ctx),
};

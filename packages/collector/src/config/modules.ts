import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigIssue } from '../errors';
import { ConfigDocument } from './document';
import { environmentResolver, moduleResolver } from './env';
import { fromZodIssues } from '../schema/issues';
import { moduleFileSchema } from './schema';
import { stageListSchema } from '../stages/registry';
import type { StageConfig } from '../schema/collector-config';

type ArgumentValue = string | number | boolean;

/** An imported module file: its text (re-expanded per use with that use's arguments) and declarations. */
export interface LoadedModule {
  namespace: string;
  file: string;
  text: string;
  arguments: Record<string, { default?: ArgumentValue; description?: string } | null>;
  pipelines: ReadonlySet<string>;
}

/** Reads and checks a module file's declarations; its stages are checked per use. */
export function loadModule(
  namespace: string,
  file: string,
  env: NodeJS.ProcessEnv,
): { module?: LoadedModule; issues: ConfigIssue[]; readError?: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    return {
      issues: [],
      readError: `cannot read module file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    };
  }
  // Declarations are read with every ${args.*} left as written; they may not depend on arguments.
  const doc = new ConfigDocument(file, text, environmentResolver(env));
  if (doc.issues.length > 0) return { issues: doc.issues };
  const parsed = moduleFileSchema.safeParse(doc.value ?? {}, { reportInput: true });
  if (!parsed.success) return { issues: doc.place(fromZodIssues(parsed.error.issues)) };
  return {
    issues: [],
    module: {
      namespace,
      file,
      text,
      arguments: parsed.data.arguments,
      pipelines: new Set(Object.keys(parsed.data.pipelines)),
    },
  };
}

export interface ModuleUse {
  stages?: StageConfig[];
  /** Problems with the use itself, at key paths of the main file (relative to the pipeline). */
  useIssues: { path: PropertyKey[]; message: string }[];
  /** Problems inside the module file for this use's arguments. */
  moduleIssues: ConfigIssue[];
}

/** Instantiates one pipeline of a module with arguments: checks them, substitutes `${args.NAME}`, checks the stages. */
export function useModule(
  module: LoadedModule,
  pipeline: string,
  args: Record<string, ArgumentValue>,
  env: NodeJS.ProcessEnv,
  usedBy: string,
): ModuleUse {
  const useIssues: ModuleUse['useIssues'] = [];
  if (!module.pipelines.has(pipeline)) {
    useIssues.push({
      path: ['module'],
      message: `module ${module.namespace} (${path.basename(module.file)}) declares no pipeline "${pipeline}" (it declares ${[...module.pipelines].join(', ')})`,
    });
  }
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(args)) {
    if (!Object.prototype.hasOwnProperty.call(module.arguments, name)) {
      useIssues.push({
        path: ['arguments', name],
        message: `module ${module.namespace} declares no argument "${name}" (it declares ${Object.keys(module.arguments).join(', ') || 'none'})`,
      });
    } else {
      values[name] = String(value);
    }
  }
  for (const [name, declared] of Object.entries(module.arguments)) {
    if (name in values) continue;
    if (declared?.default !== undefined) values[name] = String(declared.default);
    else
      useIssues.push({
        path: ['arguments'],
        message: `required argument "${name}" of module ${module.namespace} is missing`,
      });
  }
  if (useIssues.length > 0) return { useIssues, moduleIssues: [] };
  const doc = new ConfigDocument(module.file, module.text, moduleResolver(env, values));
  const suffix = ` (in module use ${usedBy})`;
  if (doc.issues.length > 0)
    return { useIssues, moduleIssues: doc.issues.map((i) => ({ ...i, message: i.message + suffix })) };
  const raw = (doc.value as { pipelines: Record<string, { stages: unknown }> }).pipelines[pipeline].stages;
  const parsed = stageListSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    return {
      useIssues,
      moduleIssues: doc.place(fromZodIssues(parsed.error.issues, ['pipelines', pipeline, 'stages']), suffix),
    };
  }
  return { stages: parsed.data, useIssues, moduleIssues: [] };
}

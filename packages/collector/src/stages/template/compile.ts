import type { Command, Operand, Pipeline, TemplateNode } from './ast';
import { DataMap, printValue, TemplateExecError, templateFunctionNames, templateFunctions, truthy } from './functions';
import { parseTemplate } from './parse';

/** What a template's fields (`.Value`, `.name`) read; undefined is Go's "no value". */
export interface TemplateScope {
  field(name: string): unknown;
}

export interface CompiledTemplate {
  readonly source: string;
  /** Renders the template; throws TemplateExecError when a function fails on this line's data. */
  execute(scope: TemplateScope): string;
}

/** Parses once at config load; throws TemplateSyntaxError naming the problem (e.g. an unknown function). */
export function compileTemplate(source: string): CompiledTemplate {
  const nodes = parseTemplate(source, templateFunctionNames);
  // A template without actions renders the same text for every line.
  if (nodes.every((n) => n.kind === 'text')) {
    const text = nodes.map((n) => (n.kind === 'text' ? n.text : '')).join('');
    return { source, execute: () => text };
  }
  return { source, execute: (scope) => renderNodes(nodes, scope) };
}

function renderNodes(nodes: TemplateNode[], scope: TemplateScope): string {
  let out = '';
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'action') out += printValue(runPipeline(node.pipeline, scope));
    else {
      let taken = false;
      for (const branch of node.branches) {
        if (truthy(runPipeline(branch.condition, scope))) {
          out += renderNodes(branch.body, scope);
          taken = true;
          break;
        }
      }
      if (!taken) out += renderNodes(node.otherwise, scope);
    }
  }
  return out;
}

const NO_PIPED = Symbol('no piped value');

function runPipeline(pipeline: Pipeline, scope: TemplateScope): unknown {
  let value: unknown = NO_PIPED;
  for (let i = 0; i < pipeline.length; i++) value = runCommand(pipeline[i], scope, value);
  return value;
}

function runCommand(command: Command, scope: TemplateScope, piped: unknown): unknown {
  if (command.kind === 'operand') {
    if (piped !== NO_PIPED) throw new TemplateExecError("can't give argument to non-function");
    return evaluate(command.operand, scope);
  }
  const args: unknown[] = [];
  for (let i = 0; i < command.args.length; i++) args.push(evaluate(command.args[i], scope));
  if (piped !== NO_PIPED) args.push(piped);
  return templateFunctions[command.name](args);
}

function evaluate(operand: Operand, scope: TemplateScope): unknown {
  switch (operand.kind) {
    case 'literal':
      return operand.value;
    case 'field': {
      if (operand.path.length > 1)
        throw new TemplateExecError(`can't evaluate field ${operand.path[1]} in type string`);
      return scope.field(operand.path[0]);
    }
    case 'pipeline':
      return runPipeline(operand.pipeline, scope);
    case 'dot':
      return new DataMap((name) => scope.field(name));
  }
}

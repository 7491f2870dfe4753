import * as path from 'node:path';
import type { ConfigIssue } from '../../errors';
import { ConfigDocument } from '../document';
import type { VariableResolver } from '../env';
import type { PathIssue } from '../../schema/issues';
import { convertPromtail, type PromtailConversion } from './convert';

/** A Promtail file read as a collector config: the converted value, and issues placed at the Promtail file's lines. */
export interface PromtailSource {
  readonly value: Record<string, unknown>;
  readonly issues: ConfigIssue[];
  readonly conversion: PromtailConversion;
  /** Places issues found at converted key paths on the Promtail keys they came from. */
  place(issues: readonly PathIssue[]): ConfigIssue[];
}

/**
 * Reads a Promtail config. As in Promtail, `${VAR}` and `${VAR:-default}` are expanded only with `expandEnv`
 * (`-config.expand-env`), and an unset variable is then empty.
 */
export function openPromtailConfig(
  file: string,
  text: string,
  env: NodeJS.ProcessEnv,
  expandEnv: boolean,
  externalLabels: Readonly<Record<string, string>> = {},
): PromtailSource {
  const doc = new ConfigDocument(file, text, expandEnv ? promtailResolver(env) : () => undefined, {
    yamlVersion: '1.1',
    scalarText: true,
    otherReferences: expandEnv ? unexpanded : undefined,
  });
  const conversion = convertPromtail(doc.value ?? {}, {
    text: doc.text,
    baseDir: path.dirname(path.resolve(file)),
    externalLabels,
  });
  const toPromtail = (p: readonly PropertyKey[]): PropertyKey[] => {
    let best: PromtailConversion['origins'][number] | undefined;
    for (const o of conversion.origins) {
      if (
        o.out.length <= p.length &&
        (!best || o.out.length > best.out.length) &&
        o.out.every((s, i) => String(s) === String(p[i]))
      )
        best = o;
    }
    return best ? [...best.from, ...p.slice(best.out.length)] : [...p];
  };
  return {
    value: conversion.config,
    // A file that is not valid YAML has nothing to convert: its YAML issues alone say what to fix.
    issues: doc.value === undefined ? doc.issues : [...doc.issues, ...doc.place(conversion.issues)],
    conversion,
    place: (issues) => doc.place(issues.map((i) => ({ path: toPromtail(i.path), message: i.message }))),
  };
}

// Promtail's envsubst would replace these too (`${1}` with an empty variable "1", `${VAR^^}` upper-cased); say so.
const unexpanded = (reference: string): string =>
  `-config.expand-env: ${reference} is not expanded here (only \${VAR}, \${VAR:-default}, \${VAR:=default} and \${VAR=default} are); write $1 for a regex group, or $\${ for a literal \${`;

function promtailResolver(env: NodeJS.ProcessEnv): VariableResolver {
  return (name, fallback) => {
    const value = env[name];
    if (value !== undefined && value !== '') return { value };
    return { value: fallback ?? '' };
  };
}

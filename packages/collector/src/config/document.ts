import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
  type Scalar,
} from 'yaml';
import type { ConfigIssue } from '../errors';
import { expandVariables, type VariableResolver } from './env';
import { formatPath, type PathIssue } from '../schema/issues';

const MAX_ALIAS_COUNT = 1000;

/** A YAML config file after `${…}` expansion, able to point at the line and column of any key path. */
export class ConfigDocument {
  readonly value: unknown;
  /** With `scalarText`: the same value with every non-null scalar as the text it was written as (`1.50`, `0755`, `yes`). */
  readonly text: unknown;
  readonly issues: ConfigIssue[] = [];
  readonly #doc: Document;
  readonly #lines = new LineCounter();
  readonly #originalOffset: (offset: number) => number;

  /**
   * `yamlVersion: '1.1'` reads `yes`/`no`/`on`/`off` as booleans, as Go's yaml.v2 does for Promtail files;
   * `scalarText` also keeps each scalar's text, which yaml.v2 gives a string field whatever the scalar looks like,
   * reads every map key as written (`n:` is the name "n", not false) and a timestamp-looking value as text.
   */
  constructor(
    readonly file: string,
    text: string,
    resolve: VariableResolver,
    options: {
      yamlVersion?: '1.1' | '1.2';
      scalarText?: boolean;
      /** Reports a `${…}` that is not a variable reference with this message, instead of leaving it as written. */
      otherReferences?: (reference: string) => string;
    } = {},
  ) {
    let nl = text.indexOf('\n');
    this.#lines.addNewLine(0);
    while (nl >= 0) {
      this.#lines.addNewLine(nl + 1);
      nl = text.indexOf('\n', nl + 1);
    }
    const expanded = expandVariables(text, resolve, options.otherReferences);
    this.#originalOffset = expanded.originalOffset;
    for (const p of expanded.problems) this.issues.push(this.#at(p.offset, '', p.message));
    this.#doc = parseDocument(expanded.text, {
      uniqueKeys: true,
      prettyErrors: false,
      version: options.yamlVersion ?? '1.2',
    });
    for (const e of [...this.#doc.errors, ...this.#doc.warnings]) {
      const message =
        e.code === 'MULTIPLE_DOCS'
          ? "a second YAML document starts here (`---`); a config file is one document (Go's yaml.v2, which Promtail uses, would silently ignore this one): merge it into the first or remove it"
          : e.message.split('\n')[0];
      this.issues.push(this.#at(this.#originalOffset(e.pos[0]), '', `YAML: ${message}`));
    }
    if (options.scalarText) keysAsWritten(this.#doc);
    this.value = this.#doc.errors.length === 0 ? this.#toJS(this.#doc) : undefined;
    this.text = options.scalarText && this.value !== undefined ? this.#toJS(asWritten(this.#doc)) : undefined;
  }

  /** The plain value; an alias bomb becomes an issue at its first alias instead of an error without a place. */
  #toJS(doc: Document): unknown {
    try {
      return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      if (!(err instanceof ReferenceError)) throw err;
      let offset = 0;
      visit(this.#doc, {
        Alias(_key, node) {
          offset = node.range?.[0] ?? 0;
          return visit.BREAK;
        },
      });
      this.issues.push(
        this.#at(
          this.#originalOffset(offset),
          '',
          `YAML: aliases expand past ${MAX_ALIAS_COUNT} nodes (an alias bomb?): ${err.message}`,
        ),
      );
      return undefined;
    }
  }

  /** Places issues found at key paths in this document. */
  place(issues: readonly PathIssue[], suffix = ''): ConfigIssue[] {
    return issues.map((i) => this.#at(this.#offsetOf(i.path), formatPath(i.path), i.message + suffix));
  }

  #at(offset: number, path: string, message: string): ConfigIssue {
    const { line, col } = this.#lines.linePos(offset);
    return { file: this.file, line, col, path, message };
  }

  /** Offset of the deepest node on the path that exists; an unknown key points at the key itself. */
  #offsetOf(path: readonly PropertyKey[]): number {
    let node: unknown = this.#doc.contents;
    let offset = rangeStart(node) ?? 0;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        offset = rangeStart(pair.key) ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg];
        if (item === undefined) break;
        offset = rangeStart(item) ?? offset;
        node = item;
      } else {
        break;
      }
    }
    return this.#originalOffset(offset);
  }
}

/** Whether a scalar node resolved to something other than the string it was written as (1.50, yes, 0755, a date). */
function typedScalar(node: unknown): node is Scalar & { source: string } {
  return isScalar(node) && node.value !== null && typeof node.value !== 'string' && node.source !== undefined;
}

/** A copy of the document whose non-null scalars are the strings they were written as. */
function asWritten(doc: Document): Document {
  const copy = doc.clone();
  visit(copy, {
    Scalar(_key, node) {
      if (typedScalar(node)) node.value = node.source;
    },
  });
  return copy;
}

/**
 * As Go's yaml.v2 reads YAML 1.1: map keys are names (a key that looks like a boolean or number keeps its text), and
 * a timestamp-looking value stays text (`format: 2006-01-02 15:04:05`), as yaml.v2 gives it to an untyped field.
 */
function keysAsWritten(doc: Document): void {
  visit(doc, {
    Pair(_key, pair) {
      if (typedScalar(pair.key)) pair.key.value = pair.key.source;
    },
    Scalar(_key, node) {
      if (node.value instanceof Date && node.source !== undefined) node.value = node.source;
    },
  });
}

function rangeStart(node: unknown): number | undefined {
  return node && typeof node === 'object' && 'range' in node ? (node as Node).range?.[0] : undefined;
}

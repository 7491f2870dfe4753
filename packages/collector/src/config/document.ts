import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { ConfigIssue } from '../errors';
import { expandVariables, type VariableResolver } from './env';
import { formatPath, type PathIssue } from '../schema/issues';

const MAX_ALIAS_COUNT = 1000;

/** A YAML config file after `${…}` expansion, able to point at the line and column of any key path. */
export class ConfigDocument {
  readonly value: unknown;
  readonly issues: ConfigIssue[] = [];
  readonly #doc: Document;
  readonly #lines = new LineCounter();
  readonly #originalOffset: (offset: number) => number;

  /** `yamlVersion: '1.1'` reads `yes`/`no`/`on`/`off` as booleans, as Go's yaml.v2 does for Promtail files. */
  constructor(
    readonly file: string,
    text: string,
    resolve: VariableResolver,
    options: { yamlVersion?: '1.1' | '1.2' } = {},
  ) {
    let nl = text.indexOf('\n');
    this.#lines.addNewLine(0);
    while (nl >= 0) {
      this.#lines.addNewLine(nl + 1);
      nl = text.indexOf('\n', nl + 1);
    }
    const expanded = expandVariables(text, resolve);
    this.#originalOffset = expanded.originalOffset;
    for (const p of expanded.problems) this.issues.push(this.#at(p.offset, '', p.message));
    this.#doc = parseDocument(expanded.text, {
      uniqueKeys: true,
      prettyErrors: false,
      version: options.yamlVersion ?? '1.2',
    });
    for (const e of [...this.#doc.errors, ...this.#doc.warnings]) {
      this.issues.push(this.#at(this.#originalOffset(e.pos[0]), '', `YAML: ${e.message.split('\n')[0]}`));
    }
    this.value = this.#doc.errors.length === 0 ? this.#toJS() : undefined;
  }

  /** The plain value; an alias bomb becomes an issue at its first alias instead of an error without a place. */
  #toJS(): unknown {
    try {
      return this.#doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
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

function rangeStart(node: unknown): number | undefined {
  return node && typeof node === 'object' && 'range' in node ? (node as Node).range?.[0] : undefined;
}

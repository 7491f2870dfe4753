import { Document, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { Note } from './block';

// Values the collector's loader would otherwise expand: `${` in the converted values is literal.
const REFERENCE = /\$\{/g;

/**
 * The converted config as YAML, with each note as a comment above the key it is about. `keep` maps converted key
 * paths to text to print instead of the value (a secret's `${VAR}` reference rather than the secret itself).
 */
export function renderConverted(
  config: Record<string, unknown>,
  notes: readonly Note[],
  header: string,
  keep: ReadonlyMap<string, string>,
): string {
  const doc = new Document(escapeReferences(config, []), { keepUndefined: false });
  for (const [at, text] of keep) doc.setIn(JSON.parse(at) as PropertyKey[], text);
  doc.commentBefore = header
    .split('\n')
    .map((l) => ` ${l}`)
    .join('\n');
  const byNode = new Map<Node, string[]>();
  for (const note of notes) {
    const node = commentTarget(doc, note.at);
    if (!node) continue;
    const list = byNode.get(node) ?? [];
    if (!list.includes(note.text)) list.push(note.text);
    byNode.set(node, list);
  }
  for (const [node, texts] of byNode) node.commentBefore = texts.map((t) => ` ${t}`).join('\n');
  return doc.toString({ lineWidth: 0 });
}

/** The node a comment for `at` goes on: the key of a map entry, or a list item. */
function commentTarget(doc: Document, at: readonly PropertyKey[]): Node | undefined {
  if (at.length === 0) return undefined;
  const parent = at.length === 1 ? doc.contents : (doc.getIn(at.slice(0, -1), true) as Node | undefined);
  const last = at[at.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(last));
    return pair && isScalar(pair.key) ? pair.key : undefined;
  }
  if (isSeq(parent) && typeof last === 'number') return parent.items[last] as Node | undefined;
  return undefined;
}

function escapeReferences(value: unknown, at: PropertyKey[]): unknown {
  if (typeof value === 'string') return value.replace(REFERENCE, '$${');
  if (Array.isArray(value)) return value.map((v, i) => escapeReferences(v, [...at, i]));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, escapeReferences(v, [...at, k])]),
    );
  }
  return value;
}

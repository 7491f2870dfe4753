import { z } from 'zod';
import { re2Schema } from '../schema/re2';
import { extractedString, type LogEntry } from '../entry';
import { ParserStage } from './parser-stage';
import type { StageContext, StageDefinition } from './stage';

const config = z
  .strictObject({
    mapping: z
      .record(z.string().min(1), z.string().nullable())
      .default({})
      .describe('Extracted key -> logfmt key (`""` = the same name).'),
    regex: re2Schema(
      'Also extract every logfmt key whose name matches this RE2 expression (unanchored, as Alloy).',
    ).optional(),
    source: z
      .string()
      .min(1, '`source` may not be empty; omit it to parse the line')
      .optional()
      .describe('Extracted key holding the logfmt text to parse instead of the log line.'),
  })
  .refine((c) => Object.keys(c.mapping).length > 0 || c.regex !== undefined, { message: 'set `mapping` or `regex`' });

export type LogfmtStageConfig = z.output<typeof config>;

/** Called for each key=value pair; a key without `=` has the value "". */
export type LogfmtVisitor = (key: string, value: string) => void;

/**
 * Parses logfmt (`a=1 b="two words" c`) as go-logfmt does: bare or double-quoted values with `\"`, `\\`,
 * `\n`, `\t`, `\r`, `\uXXXX` escapes. Returns false (after visiting the pairs before it) on malformed input.
 */
export function parseLogfmt(text: string, visit: LogfmtVisitor): boolean {
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && text.charCodeAt(i) <= 32) i++;
    if (i >= n) break;
    const keyStart = i;
    while (i < n && text.charCodeAt(i) > 32 && text[i] !== '=' && text[i] !== '"') i++;
    if (i === keyStart) return false;
    const key = text.slice(keyStart, i);
    if (i >= n || text.charCodeAt(i) <= 32) {
      visit(key, '');
      continue;
    }
    if (text[i] === '"') return false;
    i++; // '='
    if (i < n && text[i] === '"') {
      i++;
      let value = '';
      let chunk = i;
      let closed = false;
      while (i < n) {
        const c = text[i];
        if (c === '"') {
          value += text.slice(chunk, i);
          i++;
          closed = true;
          break;
        }
        if (c === '\\') {
          value += text.slice(chunk, i);
          const e = text[i + 1];
          if (e === 'u') {
            const hex = text.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) return false;
            value += String.fromCharCode(parseInt(hex, 16));
            i += 6;
          } else {
            const mapped = ESCAPES[e];
            if (mapped === undefined) return false;
            value += mapped;
            i += 2;
          }
          chunk = i;
          continue;
        }
        i++;
      }
      if (!closed) return false;
      if (i < n && text.charCodeAt(i) > 32) return false;
      visit(key, value);
    } else {
      const valueStart = i;
      while (i < n && text.charCodeAt(i) > 32) {
        if (text[i] === '"' || text[i] === '=') return false;
        i++;
      }
      visit(key, text.slice(valueStart, i));
    }
  }
  return true;
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };

class LogfmtStage extends ParserStage {
  /** logfmt key -> extracted keys it fills. */
  readonly #targets = new Map<string, string[]>();
  readonly #regex: RegExp | undefined;
  readonly #source: string | undefined;
  #current: LogEntry | undefined;
  readonly #visit: LogfmtVisitor = (key, value) => {
    if (this.#current === undefined) return;
    const names = this.#targets.get(key);
    if (names !== undefined) for (const name of names) this.#current.extracted[name] = value;
    if (this.#regex?.test(key)) this.#current.extracted[key] = value;
  };

  constructor(c: LogfmtStageConfig, ctx: StageContext) {
    super(ctx.counters);
    for (const [name, key] of Object.entries(c.mapping)) {
      const logfmtKey = key === null || key === '' ? name : key;
      this.#targets.set(logfmtKey, [...(this.#targets.get(logfmtKey) ?? []), name]);
    }
    this.#regex = c.regex?.regex;
    this.#source = c.source;
  }

  protected parse(entry: LogEntry): boolean {
    const input = this.#source === undefined ? entry.line : extractedString(entry.extracted[this.#source]);
    if (input === undefined) return false;
    this.#current = entry;
    const ok = parseLogfmt(input, this.#visit);
    this.#current = undefined;
    return ok;
  }
}

export const logfmtStage: StageDefinition<LogfmtStageConfig> = {
  type: 'logfmt',
  description: 'Parses the line (or an extracted value) as logfmt and writes the mapped keys to the extracted map.',
  config,
  create: (c, ctx) => new LogfmtStage(c, ctx),
};

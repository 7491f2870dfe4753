import {
  createRulesClassifier,
  createTemplateMiner,
  StreamParsers,
  type RulesClassifier,
  type TemplateMiner,
} from '@obs/classification';
import { createRedactor, type Redactor } from '@obs/pii';
import { createSorterClient, type SorterClient, type SorterClientOptions } from '@obs/sorter-client';
import type { ItemType } from '@obs/schema';
import type { Decision } from './decision';
import type { ClassifyMetrics } from './sorter-metrics';
import { createTemplateCache, type TemplateCache } from './template-cache';

const digitRuns = /\d+/g;
// The head of a line carries its message; beyond it mining, rules and the question to the sorter only get slower.
const maxTextChars = 8192;
// Loki limits structured metadata to 64 KiB per entry; a template is a hint, not a copy of the line.
const maxTemplateChars = 1024;

export interface TextClassifierOptions {
  /** The ai-sorter; without it every decision comes from local rules. */
  sorter?: Omit<SorterClientOptions, 'fallback' | 'observer'>;
  itemType: ItemType;
  /** Templates whose sorter answer is kept. */
  cacheSize: number;
  cacheTtlMs: number;
  metrics: ClassifyMetrics;
}

/**
 * Classifies text synchronously so that a pipeline never waits for the sorter: a template the sorter has
 * answered recently (by its LLM or its LLM cache) is decided from the local cache (`cache`); any other text is
 * decided by local rules (`rules`) and, once per template, sent (redacted) to the sorter in the background so
 * that its next lines hit the cache. Timeouts, the breaker and back pressure of the sorter only ever mean
 * "rules for a while longer"; a template the sorter itself could only answer by rules stays with local rules.
 */
export interface TextClassifier {
  /** `attributes` name the stream (labels); `metadata` may also state the level (an OTLP record's severity_number). */
  classify(
    text: string,
    attributes?: Readonly<Record<string, string>>,
    metadata?: Readonly<Record<string, string>>,
  ): Decision;
  /** Templates waiting for a sorter answer. */
  readonly pendingTemplates: number;
  /** Resolves once every question sent so far has been answered or given up. */
  settled(): Promise<void>;
  close(signal?: AbortSignal): Promise<void>;
}

export function createTextClassifier(options: TextClassifierOptions): TextClassifier {
  return new CachingTextClassifier(options);
}

class CachingTextClassifier implements TextClassifier {
  readonly #miner: TemplateMiner = createTemplateMiner();
  // The sorter's header parsing, so that the message alone is mined (streams by their job/app/filename labels).
  readonly #parsers = new StreamParsers(1000);
  readonly #rules: RulesClassifier = createRulesClassifier();
  readonly #redactor: Redactor = createRedactor();
  readonly #cache: TemplateCache<Decision>;
  readonly #byShape: TemplateCache<Decision>;
  /** Templates the sorter could only answer with its own rules: asked once, then left to the local rules line by line. */
  readonly #rulesOnly: TemplateCache<true>;
  readonly #client: SorterClient | undefined;
  readonly #itemType: ItemType;
  readonly #metrics: ClassifyMetrics;
  readonly #pending = new Map<string, Promise<void>>();

  constructor(options: TextClassifierOptions) {
    this.#cache = createTemplateCache(options.cacheSize, options.cacheTtlMs);
    this.#byShape = createTemplateCache(options.cacheSize, options.cacheTtlMs);
    this.#rulesOnly = createTemplateCache(options.cacheSize, options.cacheTtlMs);
    this.#itemType = options.itemType;
    this.#metrics = options.metrics;
    this.#client = options.sorter
      ? createSorterClient({ ...options.sorter, observer: options.metrics.observer })
      : undefined;
  }

  get pendingTemplates(): number {
    return this.#pending.size;
  }

  classify(
    fullText: string,
    streamAttributes?: Readonly<Record<string, string>>,
    metadata?: Readonly<Record<string, string>>,
  ): Decision {
    const text = fullText.length > maxTextChars ? fullText.slice(0, maxTextChars) : fullText;
    // Lines differing only in their numbers share a template, so a sorter answer found once is reused without mining.
    const shape = this.#client === undefined ? undefined : text.replace(digitRuns, '0');
    const known = shape === undefined ? undefined : this.#byShape.get(shape);
    if (known !== undefined) {
      this.#metrics.count(known);
      return known;
    }
    // A stream's parser is chosen by its labels alone; a level stated in metadata still counts as stated.
    const attributes =
      metadata === undefined || isEmpty(metadata) ? streamAttributes : { ...streamAttributes, ...metadata };
    const match = this.#miner.add(this.#parsers.for(streamAttributes).parse(text, attributes).message);
    // Keyed by the answer key: an answer given for a template is not reused once it generalised over a word.
    const cached = this.#cache.get(match.answerKey);
    if (cached !== undefined) {
      if (shape !== undefined) this.#byShape.set(shape, cached);
      this.#metrics.count(cached);
      return cached;
    }
    const local = this.#rules.classify({ text, type: this.#itemType, attributes });
    const template =
      match.template.length > maxTemplateChars ? match.template.slice(0, maxTemplateChars) : match.template;
    this.#ask(match.answerKey, template, text, attributes);
    const decision: Decision = {
      severity: local.severity,
      category: local.category,
      forwardTo: local.forwardTo,
      decidedBy: 'rules',
      template,
    };
    this.#metrics.count(decision);
    return decision;
  }

  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending.values()]);
  }

  async close(signal?: AbortSignal): Promise<void> {
    await this.#client?.close(signal);
  }

  #ask(answerKey: string, template: string, text: string, attributes?: Readonly<Record<string, string>>): void {
    const client = this.#client;
    // One question per template at a time, none while the breaker is open: the rules answer meanwhile.
    if (client === undefined || text === '' || this.#pending.has(answerKey) || client.breakerState === 'open') return;
    if (this.#rulesOnly.get(answerKey)) return;
    // Nothing leaves the process unredacted: the line and the labels sent along are both redacted here.
    const body = this.#redactor.redact(text).text;
    const redactedAttributes = attributes
      ? (this.#redactor.redactRecord(attributes).value as Record<string, unknown>)
      : undefined;
    const question = client
      .classify({
        id: answerKey,
        type: this.#itemType,
        body,
        ...(redactedAttributes ? { attributes: redactedAttributes } : {}),
      })
      .then((outcome) => {
        if (outcome.status !== 'answered') return;
        const { severity, category, forward_to, decided_by } = outcome.result;
        // A rules answer judged one line; applied to the whole template it would call "GET / 500" what "GET / 200" was.
        if (decided_by === 'rules') this.#rulesOnly.set(answerKey, true);
        else this.#cache.set(answerKey, { severity, category, forwardTo: forward_to, decidedBy: 'cache', template });
      })
      .finally(() => this.#pending.delete(answerKey));
    this.#pending.set(answerKey, question);
  }
}

function isEmpty(record: Readonly<Record<string, string>>): boolean {
  for (const _ in record) return false;
  return true;
}

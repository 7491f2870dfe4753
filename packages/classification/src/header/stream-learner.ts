import { timestampEnd } from './timestamp';
import { isDigit, skipSeparator, skipSpaces, tokenEnd } from './tokens';

// Leading token positions tracked per stream; a learned header is at most this wide.
const positions = 8;
// Statistics cover this many lines, then start again (the learned width stays until the next decision).
const windowLines = 128;
// Early decisions, so that a new stream is learned after a few lines rather than a whole window.
const earlyDecisions: ReadonlySet<number> = new Set([16, 32, 64]);
// Once a stream is learned, one line in this many keeps the statistics current (a stream's header rarely changes).
const sampleEvery = 4;
// A position is a variable header field when this share of lines has a digit there (times, pids, ids, node names).
const variableShare = 0.8;
// The header's variables must vary: times and ids change from line to line while message words repeat.
const changingShare = 0.5;

const message = 0;
const variable = 1;
const column = 2;

export interface LearnedHeader {
  messageStart: number;
  timestamp?: string;
}

/**
 * Learns which leading tokens of one stream's lines are header when no fixed shape told: positions where nearly
 * every line has a digit-bearing token (time, number, pid, hex, node id), possibly with low-cardinality columns
 * between them (component, state), starting at the first token and holding a time or at least three variables.
 * Memory is fixed (a few counters and at most 64 distinct values per position); work per line is a few tokens,
 * and once learned only one line in four is counted.
 */
export class HeaderLearner {
  #lines = 0;
  readonly #present = new Uint16Array(positions + 1);
  readonly #digits = new Uint16Array(positions);
  readonly #times = new Uint16Array(positions);
  readonly #changed = new Uint16Array(positions);
  readonly #previous: string[] = new Array<string>(positions).fill('');
  readonly #distinct: Set<string>[] = Array.from({ length: positions }, () => new Set<string>());
  #kinds = new Uint8Array(positions);
  #width = 0;
  #timePosition = -1;
  #decided = false;
  #skipped = 0;

  /** The learned header width in tokens (0 when none is learned). */
  get width(): number {
    return this.#width;
  }

  /** Counts the leading tokens of a line whose header end no fixed shape settled, from `start`. */
  observe(line: string, start: number): void {
    if (this.#decided && ++this.#skipped < sampleEvery) return;
    this.#skipped = 0;
    let i = start;
    for (let p = 0; p <= positions; p++) {
      i = skipSpaces(line, i);
      if (i >= line.length) break;
      const end = tokenEnd(line, i);
      this.#present[p]++;
      if (p === positions) break;
      let digit = false;
      for (let j = i; j < end && !digit; j++) digit = isDigit(line.charCodeAt(j));
      if (digit) {
        this.#digits[p]++;
        if (timestampEnd(line, i) >= end) this.#times[p]++;
      }
      const token = line.slice(i, end);
      if (token !== this.#previous[p]) this.#changed[p]++;
      this.#previous[p] = token;
      const distinct = this.#distinct[p];
      if (distinct.size <= 64) distinct.add(token);
      i = end;
    }
    this.#lines++;
    if ((!this.#decided && earlyDecisions.has(this.#lines)) || this.#lines === windowLines) this.#decide();
    if (this.#lines === windowLines) this.#reset();
  }

  /** Where the message starts once the learned header tokens are skipped; `start` when the line does not fit them. */
  apply(line: string, start: number): LearnedHeader | undefined {
    if (this.#width === 0) return undefined;
    let i = start;
    let misses = 0;
    let timestamp: string | undefined;
    for (let p = 0; p < this.#width; p++) {
      i = skipSpaces(line, i);
      if (i >= line.length) return undefined;
      const end = tokenEnd(line, i);
      if (this.#kinds[p] === variable) {
        let digit = false;
        for (let j = i; j < end && !digit; j++) digit = isDigit(line.charCodeAt(j));
        // one odd field is tolerated (a node named `full` among `node-12`s); two mean a different shape of line
        if (!digit && ++misses > 1) return undefined;
      }
      if (p === this.#timePosition) timestamp = line.slice(i, end);
      i = end;
    }
    const messageStart = skipSeparator(line, i);
    if (messageStart >= line.length) return undefined;
    return timestamp === undefined ? { messageStart } : { messageStart, timestamp };
  }

  #decide(): void {
    const n = this.#lines;
    const kinds = new Uint8Array(positions);
    let width = 0;
    let variables = 0;
    let timePosition = -1;
    let varying = false;
    for (let p = 0; p < positions; p++) {
      if (this.#present[p] < variableShare * n) break;
      if (this.#digits[p] >= variableShare * n) {
        kinds[p] = variable;
        variables++;
        if (timePosition < 0 && this.#times[p] >= variableShare * n) timePosition = p;
        if (this.#changed[p] >= changingShare * n) varying = true;
        width = p + 1;
      } else if (p > 0 && this.#distinct[p].size <= Math.max(4, n / 4)) kinds[p] = column;
      else break;
    }
    const hasMessage = this.#present[width] >= 0.5 * n;
    if (!varying || !hasMessage || (timePosition < 0 && variables < 3)) width = 0;
    kinds.fill(message, width);
    this.#kinds = kinds;
    this.#width = width;
    this.#timePosition = timePosition < width ? timePosition : -1;
    this.#decided = true;
  }

  #reset(): void {
    this.#lines = 0;
    this.#present.fill(0);
    this.#digits.fill(0);
    this.#times.fill(0);
    this.#changed.fill(0);
    for (const distinct of this.#distinct) distinct.clear();
  }
}

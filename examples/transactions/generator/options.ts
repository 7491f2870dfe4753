import { parseArgs } from 'node:util';
import { DEFAULT_METHODS } from './transaction-line';

export interface GeneratorOptions {
  /** Lines per second; 0 writes as fast as the output takes them. */
  rate: number;
  methods: Record<string, number>;
  failureShare: number;
  malformedShare: number;
  incidentShare: number;
  /** Lines to write; undefined runs until stopped. */
  count: number | undefined;
  /** File to append to; undefined writes to stdout. */
  output: string | undefined;
  seed: number;
  /** Time of the first transaction (ms since epoch). */
  startMs: number;
}

export const USAGE = `Usage: transactions-generator [options]
  --rate N              lines per second (default 10; 0 = as fast as possible)
  --method-mix SPEC     weights per method, e.g. CashIn=3,Transfer=1,STP-OUT=1 (default ${Object.entries(
    DEFAULT_METHODS,
  )
    .map(([m, w]) => `${m}=${w}`)
    .join(',')})
  --failure-share X     share of well-formed lines with status FAILED, 0..1 (default 0.1)
  --malformed-share X   share of lines that break the format, 0..1 (default 0.02)
  --incident-share X    share of lines reporting an incident of the service (database down, disk full ...), 0..1 (default 0.005)
  --count N             lines to write, then exit (default: run until stopped)
  --output FILE         append to FILE instead of writing to stdout
  --seed N              random seed (default 1); with --start the output is byte-for-byte repeatable
  --start ISO           time of the first transaction (default: now)`;

/** A bad option; the message names it. */
export class OptionError extends Error {
  override readonly name = 'OptionError';
}

function number(name: string, text: string | undefined, fallback: number, min: number, max = Infinity): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < min || n > max)
    throw new OptionError(`--${name} must be a number from ${min} to ${max}, got ${JSON.stringify(text)}`);
  return n;
}

function methodMix(text: string | undefined): Record<string, number> {
  if (text === undefined) return DEFAULT_METHODS;
  const mix: Record<string, number> = {};
  for (const part of text.split(',')) {
    const m = /^([A-Za-z-]+)=(\d+(?:\.\d+)?)$/.exec(part.trim());
    if (!m)
      throw new OptionError(
        `--method-mix takes NAME=WEIGHT pairs separated by commas (NAME letters and -), got ${JSON.stringify(part)}`,
      );
    mix[m[1]] = Number(m[2]);
  }
  if (!Object.values(mix).some((w) => w > 0)) throw new OptionError('--method-mix needs at least one weight above 0');
  return mix;
}

export function parseOptions(argv: readonly string[], nowMs: number): GeneratorOptions {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        rate: { type: 'string' },
        'method-mix': { type: 'string' },
        'failure-share': { type: 'string' },
        'malformed-share': { type: 'string' },
        'incident-share': { type: 'string' },
        count: { type: 'string' },
        output: { type: 'string' },
        seed: { type: 'string' },
        start: { type: 'string' },
      },
    }));
  } catch (err) {
    throw new OptionError((err as Error).message);
  }
  const startMs = values.start === undefined ? nowMs : Date.parse(values.start);
  if (Number.isNaN(startMs))
    throw new OptionError(`--start must be an ISO time like 2025-12-26T21:45:00Z, got ${JSON.stringify(values.start)}`);
  const count = values.count === undefined ? undefined : number('count', values.count, 0, 0);
  if (count !== undefined && !Number.isInteger(count))
    throw new OptionError(`--count must be a whole number, got ${JSON.stringify(values.count)}`);
  const malformedShare = number('malformed-share', values['malformed-share'], 0.02, 0, 1);
  const incidentShare = number('incident-share', values['incident-share'], 0.005, 0, 1);
  if (malformedShare + incidentShare > 1)
    throw new OptionError(
      `--malformed-share and --incident-share add up to more than 1 (${malformedShare} + ${incidentShare})`,
    );
  return {
    rate: number('rate', values.rate, 10, 0),
    methods: methodMix(values['method-mix']),
    failureShare: number('failure-share', values['failure-share'], 0.1, 0, 1),
    malformedShare,
    incidentShare,
    count,
    output: values.output,
    seed: number('seed', values.seed, 1, 0, 2 ** 32 - 1),
    startMs,
  };
}

import { once } from 'node:events';
import * as fs from 'node:fs';
import { OptionError, parseOptions, USAGE, type GeneratorOptions } from './options';
import { createRandom } from './random';
import { createTransactionLines } from './transaction-line';

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

// Lines are written in chunks; at a fixed rate a chunk is what one pacing tick owes.
const CHUNK_LINES = 1000;

/** Writes generated lines to the output, paced to the rate; resolves when `count` lines are out or on SIGINT/SIGTERM. */
export async function generate(
  options: GeneratorOptions,
  out: NodeJS.WritableStream,
  stop: AbortSignal,
): Promise<number> {
  const random = createRandom(options.seed);
  const nextLine = createTransactionLines(
    {
      methods: options.methods,
      failureShare: options.failureShare,
      malformedShare: options.malformedShare,
      incidentShare: options.incidentShare,
    },
    random,
  );
  const stepMs = options.rate > 0 ? 1000 / options.rate : 1;
  const began = Date.now();
  let written = 0;
  while (!stop.aborted && (options.count === undefined || written < options.count)) {
    let owed = options.count === undefined ? CHUNK_LINES : Math.min(CHUNK_LINES, options.count - written);
    if (options.rate > 0) {
      // Pace by elapsed time so a slow write does not lower the average rate.
      const due = Math.floor(((Date.now() - began) / 1000) * options.rate) + 1 - written;
      if (due <= 0) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(1000, stepMs)));
        continue;
      }
      owed = Math.min(owed, due);
    }
    let text = '';
    for (let i = 0; i < owed; i++) text += nextLine(options.startMs + Math.floor((written + i) * stepMs)).text + '\n';
    written += owed;
    if (!out.write(text)) await once(out, 'drain');
  }
  return written;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let options: GeneratorOptions;
  try {
    options = parseOptions(argv, Date.now());
  } catch (err) {
    if (!(err instanceof OptionError)) throw err;
    io.stderr.write(`transactions-generator: ${err.message}\n\n${USAGE}\n`);
    return 2;
  }
  const out = options.output === undefined ? io.stdout : fs.createWriteStream(options.output, { flags: 'a' });
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await generate(options, out, stop.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (out !== io.stdout) await new Promise<void>((resolve) => out.end(resolve));
  }
  return 0;
}

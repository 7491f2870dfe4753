import { PassThrough, Readable } from 'node:stream';
import { main } from '../cli';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the collector CLI in-process with the given stdin text and environment, and collects what it printed. */
export async function runCli(
  argv: string[],
  options: { stdin?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c: Buffer) => out.push(c.toString()));
  stderr.on('data', (c: Buffer) => err.push(c.toString()));
  const code = await main(argv, {
    stdin: Readable.from([options.stdin ?? '']),
    stdout,
    stderr,
    env: options.env ?? {},
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

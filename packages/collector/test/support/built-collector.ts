import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const bin = path.join(__dirname, '..', '..', 'bin', 'collector.js');
const builtCli = path.join(__dirname, '..', '..', 'dist', 'cli.js');

/** A `collector run -c FILE` process started from the built dist. */
export interface CollectorProcess {
  child: ChildProcess;
  stderr(): string;
  /** Resolves with the exit code (or the signal name). */
  exited: Promise<number | string>;
}

export function startBuiltCollector(configFile: string): CollectorProcess {
  if (!fs.existsSync(builtCli))
    throw new Error(`${builtCli} is missing: run \`pnpm turbo run build --filter @obs/collector\` first`);
  const child = spawn(process.execPath, [bin, 'run', '-c', configFile, '--log-level', 'warn'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return { child, stderr: () => err, exited };
}

import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const dist = path.join(__dirname, '..', '..', 'dist');

/** A collector process started from the built dist, as `collector run -c FILE` would run it. */
export interface CollectorProcess {
  child: ChildProcess;
  stderr(): string;
  /** Resolves with the exit code (or the signal name). */
  exited: Promise<number | string>;
}

export function startBuiltCollector(configFile: string): CollectorProcess {
  const entry = path.join(dist, 'index.js');
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run \`pnpm turbo run build --filter @obs/collector\` first`);
  const script = `
    const c = require(${JSON.stringify(entry)});
    c.loadConfig(process.argv[1])
      .then((config) => c.runCollector(config, { handleSignals: true, drainTimeoutMs: 5000, logger: c.createLogger({ level: 'warn' }) }))
      .then((running) => running.stopped)
      .then(() => process.exit(0), (err) => { process.stderr.write(String(err && err.message) + '\\n'); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', script, configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return { child, stderr: () => err, exited };
}

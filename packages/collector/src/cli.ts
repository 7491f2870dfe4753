import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { runUntilStopped } from './cli/run';
import { dryRun } from './cli/dry-run';
import { UsageError } from './cli/usage-error';
import { validSummary } from './cli/validate';
import { loadConfig } from './config/load';
import { ConfigError, formatIssue } from './errors';
import { createLogger, type LogLevel } from './runtime';

export const USAGE = `Usage:
  collector run -c FILE [--log-level debug|info|warn|error]
  collector validate -c FILE
  collector dry-run -c FILE [--pipeline ID] [--input FILE] [--inspect]

Exit codes: 0 ok, 1 invalid config or failure while running, 2 usage error.`;

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

/** The `collector` command; resolves with the process exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`collector: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (err instanceof ConfigError) {
      io.stderr.write(`${err.issues.map(formatIssue).join('\n')}\n${err.issues.length} issue${err.issues.length === 1 ? '' : 's'} in the config\n`);
      return 1;
    }
    io.stderr.write(`collector: ${(err as Error).message}\n`);
    return 1;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  const args = parse(command, rest);
  const file = args.config;
  if (file === undefined) throw new UsageError(`${command} needs -c FILE`);
  switch (command) {
    case 'validate': {
      const config = await loadConfig(file, io.env);
      io.stdout.write(`${validSummary(file, config)}\n`);
      return 0;
    }
    case 'dry-run': {
      const config = await loadConfig(file, io.env);
      const input = args.input === undefined ? io.stdin : await openInput(args.input);
      const logger = createLogger({ level: 'warn', out: io.stderr });
      const summary = await dryRun(config, { pipeline: args.pipeline, input, output: io.stdout, inspect: args.inspect, logger });
      io.stderr.write(`dry-run ${summary.pipeline}: ${summary.linesIn} lines in, ${summary.entriesOut} entries out, ${summary.notOut} dropped or merged\n`);
      return 0;
    }
    case 'run': {
      const level = args['log-level'] ?? 'info';
      if (!LOG_LEVELS.includes(level as LogLevel)) throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);
      const config = await loadConfig(file, io.env);
      return runUntilStopped(config, createLogger({ level: level as LogLevel, out: io.stderr }));
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function parse(command: string, rest: string[]) {
  const options = {
    config: { type: 'string', short: 'c' },
    pipeline: { type: 'string' },
    input: { type: 'string' },
    inspect: { type: 'boolean', default: false },
    'log-level': { type: 'string' },
  } as const;
  const allowed: Record<string, readonly string[]> = {
    validate: ['config'],
    'dry-run': ['config', 'pipeline', 'input', 'inspect'],
    run: ['config', 'log-level'],
  };
  if (!allowed[command]) throw new UsageError(`unknown command "${command}"`);
  let values: { [K in keyof typeof options]?: typeof options[K]['type'] extends 'boolean' ? boolean : string };
  try {
    ({ values } = parseArgs({ args: rest, options, strict: true, allowPositionals: false }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  for (const [key, value] of Object.entries(values)) {
    if (value !== false && !allowed[command].includes(key)) throw new UsageError(`${command} does not take --${key}`);
  }
  return { ...values, inspect: values.inspect ?? false };
}

async function openInput(file: string): Promise<NodeJS.ReadableStream> {
  const stream = fs.createReadStream(file);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (err: NodeJS.ErrnoException) => reject(new UsageError(`cannot read --input ${file}: ${err.code ?? err.message}`)));
  });
  return stream;
}

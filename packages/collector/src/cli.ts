import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { runUntilStopped } from './cli/run';
import { convertPromtailFile } from './cli/convert';
import { dryRun } from './cli/dry-run';
import { UsageError } from './cli/usage-error';
import { validSummary } from './cli/validate';
import { loadConfig, type LoadOptions } from './config/load';
import { looksLikeCollectorConfig } from './config/promtail/detect';
import { ConfigError, formatIssue } from './errors';
import { createLogger, type LogLevel } from './runtime';

export const USAGE = `Usage:
  collector run -c FILE [--log-level debug|info|warn|error] [FORMAT]
  collector validate -c FILE [FORMAT]
  collector dry-run -c FILE [--pipeline ID] [--input FILE] [--inspect] [FORMAT]
  collector convert PROMTAIL_FILE [-config.expand-env] [-client.external-labels=k=v,...]

FORMAT: --config.format=auto|collector|promtail (auto: a Promtail file is told by its root keys) and, for
Promtail files, -config.expand-env to expand \${VAR} as Promtail does and -client.external-labels=k=v,...
to add labels to every client. -config.file=FILE is the same as -c FILE.

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
      io.stderr.write(
        `${err.issues.map(formatIssue).join('\n')}\n${err.issues.length} issue${err.issues.length === 1 ? '' : 's'} in the config\n`,
      );
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
  const args = parse(command, promtailFlags(rest));
  const file = args.config ?? (command === 'convert' ? args.positionals[0] : undefined);
  if (file === undefined)
    throw new UsageError(command === 'convert' ? 'convert needs a Promtail config file' : `${command} needs -c FILE`);
  if (args.positionals.length > (command === 'convert' && args.config === undefined ? 1 : 0))
    throw new UsageError(`unexpected argument "${args.positionals[args.positionals.length - 1]}"`);
  const format = args['config.format'] ?? 'auto';
  if (!['auto', 'collector', 'promtail'].includes(format))
    throw new UsageError('--config.format must be auto, collector or promtail');
  const load: LoadOptions = {
    format: format as LoadOptions['format'],
    expandEnv: args['config.expand-env'],
    externalLabels: labelSet(args['client.external-labels']),
  };
  switch (command) {
    case 'convert': {
      let text: string;
      try {
        text = await fs.promises.readFile(file, 'utf8');
      } catch (err) {
        throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      if (looksLikeCollectorConfig(text))
        throw new UsageError(
          `${file} is already a collector config (it has sources, pipelines or sinks): run it as it is`,
        );
      io.stdout.write(convertPromtailFile(file, text, io.env, load.expandEnv ?? false, load.externalLabels));
      return 0;
    }
    case 'validate': {
      const config = await loadConfig(file, io.env, load);
      io.stdout.write(`${validSummary(file, config)}\n`);
      return 0;
    }
    case 'dry-run': {
      const config = await loadConfig(file, io.env, load);
      const input = args.input === undefined ? io.stdin : await openInput(args.input);
      const logger = createLogger({ level: 'warn', out: io.stderr });
      const summary = await dryRun(config, {
        pipeline: args.pipeline,
        input,
        inputFile: args.input,
        output: io.stdout,
        inspect: args.inspect,
        logger,
      });
      io.stderr.write(
        `dry-run ${summary.pipeline}: ${summary.linesIn} lines in, ${summary.entriesOut} entries out, ${summary.notOut} dropped or merged\n`,
      );
      return 0;
    }
    case 'run': {
      const flag = args['log-level'];
      if (flag !== undefined && !LOG_LEVELS.includes(flag as LogLevel))
        throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);
      const config = await loadConfig(file, io.env, load);
      const level = (flag ?? config.server.log_level ?? 'info') as LogLevel;
      return runUntilStopped(config, createLogger({ level, out: io.stderr }));
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
    'config.format': { type: 'string' },
    'config.expand-env': { type: 'boolean', default: false },
    'client.external-labels': { type: 'string' },
  } as const;
  const format = ['config.format', 'config.expand-env', 'client.external-labels'];
  const allowed: Record<string, readonly string[]> = {
    validate: ['config', ...format],
    'dry-run': ['config', 'pipeline', 'input', 'inspect', ...format],
    run: ['config', 'log-level', ...format],
    convert: ['config', 'config.expand-env', 'client.external-labels'],
  };
  if (!allowed[command]) throw new UsageError(`unknown command "${command}"`);
  let values: { [K in keyof typeof options]?: (typeof options)[K]['type'] extends 'boolean' ? boolean : string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: rest, options, strict: true, allowPositionals: true }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  for (const [key, value] of Object.entries(values)) {
    if (value !== false && !allowed[command].includes(key)) throw new UsageError(`${command} does not take --${key}`);
  }
  return {
    ...values,
    inspect: values.inspect ?? false,
    'config.expand-env': values['config.expand-env'] ?? false,
    positionals,
  };
}

// Promtail's own modes, and where the collector has them.
const PROMTAIL_MODES: Readonly<Record<string, string>> = {
  'dry-run': 'use `collector dry-run -c FILE --input FILE`',
  inspect: 'use `collector dry-run -c FILE --inspect`',
  'check-syntax': 'use `collector validate -c FILE`',
  'print-config-stderr': 'use `collector convert FILE` to see the config as the collector reads it',
};

// Promtail's flag names that the collector spells otherwise.
const PROMTAIL_FLAG_NAMES: Readonly<Record<string, string>> = { 'config.file': 'config', 'log.level': 'log-level' };

/**
 * Promtail's Go-style flags as a Promtail unit file passes them: `-config.file=F`, `-config.expand-env=true`,
 * `-client.external-labels=k=v`, `-log.level=warn`; any other (`-client.url`, `-server.http-listen-port`, ...) is
 * named as not taken, with where to set it, instead of being misread as short options.
 */
function promtailFlags(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    const m = /^--?(config\.file|config\.expand-env|config\.format|client\.external-labels|log\.level)(?:=(.*))?$/.exec(
      arg,
    );
    if (!m) {
      const other = /^-([a-z][a-z0-9]*(?:[.-][a-z0-9_]+)*)(?:=.*)?$/.exec(arg);
      const mode = other && PROMTAIL_MODES[other[1] as string];
      if (other && (mode !== undefined || /[.-]/.test(other[1] as string)))
        throw new UsageError(
          `Promtail's -${other[1]} is not taken here: ${mode ?? 'set it in the config file (every Promtail flag has a config key)'}`,
        );
      out.push(arg);
    } else if (m[1] === 'config.expand-env') {
      if (m[2] === undefined || m[2] === 'true') out.push('--config.expand-env');
      else if (m[2] !== 'false') throw new UsageError(`-config.expand-env takes true or false, got "${m[2]}"`);
    } else {
      out.push(`--${PROMTAIL_FLAG_NAMES[m[1] as string] ?? m[1]}`, ...(m[2] === undefined ? [] : [m[2]]));
    }
  }
  return out;
}

/** `k=v,k2=v2` as Promtail's -client.external-labels takes it. */
function labelSet(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return undefined;
  const labels: Record<string, string> = {};
  for (const pair of text.split(',').filter((p) => p !== '')) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    if (eq < 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new UsageError(`-client.external-labels takes name=value pairs joined by commas, got "${pair}"`);
    labels[name] = pair.slice(eq + 1);
  }
  return labels;
}

async function openInput(file: string): Promise<NodeJS.ReadableStream> {
  const stream = fs.createReadStream(file);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (err: NodeJS.ErrnoException) =>
      reject(new UsageError(`cannot read --input ${file}: ${err.code ?? err.message}`)),
    );
  });
  return stream;
}

import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { findOnPath, repoRoot } from './repo';

const run = promisify(execFile);

/** The docker CLI when an engine answers it, or why not. */
export function dockerEngine(): { bin: string } | { reason: string } {
  const bin = findOnPath('docker');
  if (bin === undefined) return { reason: 'docker is not installed (.ci/run installs docker.io)' };
  try {
    execFileSync(bin, ['info', '--format', '{{.ServerVersion}}'], { stdio: 'pipe', timeout: 15_000 });
    return { bin };
  } catch {
    return { reason: 'no Docker engine answers (.ci/run starts dockerd)' };
  }
}

/**
 * Tests that need a running Docker engine: in CI (CI=true) a missing engine is a failure, elsewhere the tests are
 * skipped and the reason printed.
 */
export function describeWithDocker(name: string, body: (docker: string) => void): void {
  const engine = dockerEngine();
  if ('bin' in engine) describe(name, () => body(engine.bin));
  else if (process.env.CI === 'true')
    describe(name, () =>
      test(`a Docker engine answers: ${engine.reason}`, () => expect(engine.reason).toBeUndefined()),
    );
  else {
    process.stderr.write(`skipping "${name}": ${engine.reason}\n`);
    describe.skip(`${name} (skipped: ${engine.reason})`, () => body(''));
  }
}

/** Runs the docker CLI (or docker-compose) and resolves with its standard output. */
export async function docker(
  bin: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 120_000,
): Promise<string> {
  const { stdout } = await run(bin, args, { cwd: repoRoot, env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** Image tags of one test run; the compose check uses them through VERSION, so compose builds nothing. */
export const checkTag = 'check';
export const images = {
  collector: `telemetry-sorter/collector:${checkTag}`,
  aiSorter: `telemetry-sorter/ai-sorter:${checkTag}`,
  testDoubles: `telemetry-sorter/test-doubles:${checkTag}`,
};

/** Builds both images and the test doubles from the working tree (cached when .ci/run built them already). */
export async function buildImages(): Promise<void> {
  await run(
    process.execPath,
    [path.join(repoRoot, 'scripts', 'build-images.js'), '--tag', checkTag, '--test-doubles'],
    { cwd: repoRoot, timeout: 1_200_000 },
  );
}

/** The container's health as its HEALTHCHECK last reported it: starting, healthy or unhealthy. */
export async function health(bin: string, container: string): Promise<string> {
  return (await docker(bin, ['inspect', '-f', '{{.State.Health.Status}}', container])).trim();
}

/** The host port published for a container port (`-p 127.0.0.1::PORT`). */
export async function hostPort(bin: string, container: string, port: number): Promise<number> {
  const out = await docker(bin, ['port', container, String(port)]);
  const match = /:(\d+)\s*$/m.exec(out);
  if (!match) throw new Error(`container ${container} publishes no port for ${port}: ${out}`);
  return Number(match[1]);
}

/** Stops a container within `graceSeconds` (SIGTERM, then SIGKILL) and reports how it ended. */
export async function stopContainer(
  bin: string,
  container: string,
  graceSeconds: number,
): Promise<{ exitCode: number; seconds: number }> {
  const began = Date.now();
  await docker(bin, ['stop', '-t', String(graceSeconds), container], process.env, (graceSeconds + 30) * 1000);
  const seconds = (Date.now() - began) / 1000;
  const exitCode = Number((await docker(bin, ['inspect', '-f', '{{.State.ExitCode}}', container])).trim());
  return { exitCode, seconds };
}

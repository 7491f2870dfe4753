#!/usr/bin/env node
// Builds the collector and ai-sorter images from the working tree as telemetry-sorter/<name>:TAG (default dev, what
// docker-compose.yaml runs), and with --test-doubles also the compose check's test doubles (test/deploy/stand-ins).
// .ci/run calls it before `pnpm test`, so the image checks find every layer cached; the checks call it too.
// Usage: node scripts/build-images.js [--tag TAG] [--test-doubles]
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');

const root = path.join(__dirname, '..');
const { values } = parseArgs({
  options: { tag: { type: 'string', default: 'dev' }, 'test-doubles': { type: 'boolean', default: false } },
});
// The legacy builder: Debian's engine has no buildx. The Dockerfiles build with BuildKit as well.
const env = { ...process.env, DOCKER_BUILDKIT: '0' };
const docker = (args, cwd = root) => execFileSync('docker', args, { cwd, env, stdio: ['ignore', 'ignore', 'inherit'] });

for (const name of ['collector', 'ai-sorter']) {
  const began = Date.now();
  docker([
    'build',
    '--network',
    'host',
    '-q',
    '-f',
    `deploy/docker/${name}.Dockerfile`,
    '-t',
    `telemetry-sorter/${name}:${values.tag}`,
    '.',
  ]);
  process.stdout.write(
    `telemetry-sorter/${name}:${values.tag} built in ${((Date.now() - began) / 1000).toFixed(1)} s\n`,
  );
}

if (values['test-doubles']) {
  const context = fs.mkdtempSync(path.join(os.tmpdir(), 'test-doubles-'));
  try {
    const standIns = path.join(root, 'test', 'deploy', 'stand-ins');
    for (const file of ['Dockerfile', 'serve.js']) fs.copyFileSync(path.join(standIns, file), path.join(context, file));
    // The ai-sorter's own fake LLM server, compiled as Jest compiles it (SWC), so the stub is the tested one.
    const { transformFileSync } = require('@swc/core');
    const fake = transformFileSync(path.join(root, 'services', 'ai-sorter', 'test', 'fake-llm-server.ts'), {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    });
    fs.writeFileSync(path.join(context, 'fake-llm-server.js'), fake.code);
    docker([
      'build',
      '-q',
      '--build-arg',
      `COLLECTOR_IMAGE=telemetry-sorter/collector:${values.tag}`,
      '-t',
      `telemetry-sorter/test-doubles:${values.tag}`,
      context,
    ]);
  } finally {
    fs.rmSync(context, { recursive: true, force: true });
  }
}

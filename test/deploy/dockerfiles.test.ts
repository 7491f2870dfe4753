import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '@obs/collector';
import { repoRoot } from '../support/repo';

const dockerDir = path.join(repoRoot, 'deploy', 'docker');
const dockerfiles = fs.readdirSync(dockerDir).filter((f) => f.endsWith('.Dockerfile'));
const lint = require.resolve('dockerfilelint/bin/dockerfilelint', { paths: [__dirname] });
const packageManager = (
  JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { packageManager: string }
).packageManager;

describe.each(dockerfiles)('%s', (file) => {
  const text = fs.readFileSync(path.join(dockerDir, file), 'utf8');

  test('passes dockerfilelint', () => {
    const out = execFileSync(process.execPath, [lint, '-o', 'json', path.join(dockerDir, file)], { encoding: 'utf8' });
    expect(JSON.parse(out).totalIssues).toBe(0);
  });

  test('is multi-stage, runs as non-root under an init process, with a HEALTHCHECK and OCI labels', () => {
    expect(text.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/^USER node$/m);
    expect(text).toMatch(/tini/);
    expect(text).toMatch(/^HEALTHCHECK .*\n?.*\/(healthz|readyz)/m);
    expect(text).toMatch(/org\.opencontainers\.image\.title/);
    expect(text).toMatch(/--prod deploy/);
  });

  test('installs the pnpm that package.json pins, with turbo telemetry off', () => {
    expect(`pnpm@${/^ARG PNPM_VERSION=(\S+)$/m.exec(text)?.[1]}`).toBe(packageManager);
    expect(text).toMatch(/^RUN npm install -g pnpm@\$\{PNPM_VERSION\}$/m);
    expect(text).toMatch(/^ENV .*TURBO_TELEMETRY_DISABLED=1/m);
  });

  test('fetches dependencies from the lockfile alone before the sources, so a source change keeps that layer', () => {
    const steps = text.split('\n').filter((l) => /^(COPY|RUN)/.test(l));
    const fetch = steps.indexOf('RUN pnpm fetch');
    expect(steps[fetch - 1]).toMatch(/^COPY pnpm-lock\.yaml pnpm-workspace\.yaml \.npmrc \.\/$/);
    expect(steps.indexOf('COPY . .')).toBeGreaterThan(fetch);
    expect(text).toMatch(/pnpm install --frozen-lockfile --offline/);
  });

  test('has no `# syntax=` line, which BuildKit would fetch from a registry', () => {
    expect(text).not.toMatch(/^# *syntax=/m);
  });
});

describe("the collector image's default config", () => {
  test('is baked in at /etc/collector/config.yaml and receives OTLP and Loki push, writing entries to stdout', async () => {
    expect(fs.readFileSync(path.join(dockerDir, 'collector.Dockerfile'), 'utf8')).toMatch(
      /^COPY deploy\/docker\/collector\/config\.yaml \/etc\/collector\/config\.yaml$/m,
    );
    const config = await loadConfig(path.join(dockerDir, 'collector', 'config.yaml'), {});
    expect(config.sources.map((s) => s.type).sort()).toEqual(['loki_push', 'otlp_grpc', 'otlp_http']);
    expect(config.pipelines.map((p) => p.forward_to)).toEqual([['sinks.stdout']]);
  });
});

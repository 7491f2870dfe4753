import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../support/repo';

const dockerDir = path.join(repoRoot, 'deploy', 'docker');
const dockerfiles = fs.readdirSync(dockerDir).filter((f) => f.endsWith('.Dockerfile'));
const lint = require.resolve('dockerfilelint/bin/dockerfilelint', { paths: [__dirname] });

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
});

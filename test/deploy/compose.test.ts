import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describeWithBinary, repoRoot } from '../support/repo';

const composeFile = path.join(repoRoot, 'docker-compose.yaml');

describeWithBinary('docker-compose', 'docker-compose.yaml', (bin) => {
  test('is valid for docker-compose with and without the ai profile', () => {
    fs.mkdirSync(path.join(repoRoot, 'data', 'logs'), { recursive: true });
    expect(() => execFileSync(bin, ['-f', composeFile, 'config', '-q'], { cwd: repoRoot, stdio: 'pipe' })).not.toThrow();
    expect(() => execFileSync(bin, ['-f', composeFile, '--profile', 'ai', 'config', '-q'], { cwd: repoRoot, stdio: 'pipe' })).not.toThrow();
  });
});

describe('docker-compose.yaml services', () => {
  const compose = parse(fs.readFileSync(composeFile, 'utf8'));

  test('publishes the ports users of this stack expect', () => {
    const published = Object.values(compose.services as Record<string, { ports?: string[] }>)
      .flatMap((s) => s.ports ?? [])
      .map((p) => Number(String(p).split(':')[0]));
    for (const port of [4317, 4318, 3100, 9090, 3200, 3000, 8080]) expect(published).toContain(port);
  });

  test('puts the ai-sorter behind the ai profile and points the collector at it', () => {
    expect(compose.services['ai-sorter'].profiles).toEqual(['ai']);
    expect(compose.services.collector.profiles).toBeUndefined();
    expect(compose.services.collector.environment.SORTER_URL).toBe('http://ai-sorter:8080');
  });

  test('mounts only config files that exist in the repository', () => {
    for (const [name, service] of Object.entries(compose.services as Record<string, { volumes?: string[] }>)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0];
        if (!source.startsWith('./') || source.startsWith('./data')) continue;
        expect({ service: name, source, exists: fs.existsSync(path.join(repoRoot, source)) }).toEqual({ service: name, source, exists: true });
      }
    }
  });
});

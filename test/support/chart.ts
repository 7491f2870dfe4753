import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { repoRoot, sharedPath } from './repo';

export const chartDir = path.join(repoRoot, 'deploy', 'helm', 'telemetry-sorter');
// Looked up on use: a missing ../shared fails the test that needs it with its path, not every file that imports this.
const chartRender = (): string => sharedPath('tools', 'chart-render', 'chart-render');

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- rendered Kubernetes objects are checked field by field
  data?: Record<string, string>;
  roleRef?: { kind: string; name: string };
}

/** Renders a chart the way `helm template` does (chart-render is an approximation of Helm, not Helm). */
export function renderChart(dir: string, args: string[] = []): K8sObject[] {
  const out = execFileSync(chartRender(), [dir, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 300_000,
  });
  return parseAllDocuments(out)
    .map((d) => d.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null);
}

export function lintChart(dir: string, args: string[] = []): string {
  return execFileSync(chartRender(), ['--lint', dir, ...args], { encoding: 'utf8', timeout: 300_000 });
}

/** A throwaway parent chart that uses ours as a sub-chart (unpacked under charts/), as a platform team would. */
export function createParentChart(parentValues: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parent-chart-'));
  fs.writeFileSync(
    path.join(dir, 'Chart.yaml'),
    [
      'apiVersion: v2',
      'name: platform',
      'version: 1.0.0',
      'dependencies:',
      '  - name: telemetry-sorter',
      '    version: 0.1.0',
      '    condition: telemetry-sorter.enabled',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(path.join(dir, 'values.yaml'), parentValues);
  fs.mkdirSync(path.join(dir, 'templates'));
  fs.writeFileSync(
    path.join(dir, 'templates', 'configmap.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-platform\ndata:\n  owner: platform\n',
  );
  fs.cpSync(chartDir, path.join(dir, 'charts', 'telemetry-sorter'), { recursive: true });
  return dir;
}

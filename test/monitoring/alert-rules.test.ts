import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describeWithBinary, repoRoot } from '../support/repo';

const alertsDir = path.join(repoRoot, 'monitoring', 'alerts');
const testsDir = path.join(alertsDir, 'tests');
const ruleFiles = fs
  .readdirSync(alertsDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => path.join(alertsDir, f));
const testFiles = fs
  .readdirSync(testsDir)
  .filter((f) => f.endsWith('.test.yaml'))
  .sort()
  .map((f) => path.join(testsDir, f));

interface AlertRule {
  alert: string;
  expr: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
interface ExpectedAlert {
  exp_labels?: Record<string, string>;
}
interface PromtoolTest {
  name: string;
  input_series: { series: string }[];
  alert_rule_test?: { eval_time: string; alertname: string; exp_alerts?: ExpectedAlert[] }[];
}

function alertRules(): AlertRule[] {
  return ruleFiles.flatMap((f) =>
    (parse(fs.readFileSync(f, 'utf8')) as { groups: { rules: AlertRule[] }[] }).groups.flatMap((g) => g.rules),
  );
}

function promtoolTests(): PromtoolTest[] {
  return testFiles.flatMap((f) => (parse(fs.readFileSync(f, 'utf8')) as { tests: PromtoolTest[] }).tests);
}

/** Labels of a promtool series selector such as `up{job="a",instance="b"}`. */
function seriesLabels(series: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const m of series.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[m[1]] = m[2];
  return labels;
}

/** An input series that differs from every expected alert in a label they share: it had its chance and did not fire. */
function hasNonFiringSeries(t: PromtoolTest, expected: ExpectedAlert[]): boolean {
  return t.input_series.some((s) => {
    const labels = seriesLabels(s.series);
    return expected.every((e) => Object.entries(e.exp_labels ?? {}).some(([k, v]) => k in labels && labels[k] !== v));
  });
}

describe('alert rules (monitoring/alerts)', () => {
  test('gives every alert a severity, a summary and a runbook note when the rule files are read', () => {
    const incomplete = alertRules()
      .filter((r) => !r.labels?.severity || !r.annotations?.summary || !r.annotations?.runbook)
      .map((r) => r.alert);
    expect(incomplete).toEqual([]);
  });

  test('has a firing case and a silent case for every alert when the unit tests are read', () => {
    const tests = promtoolTests();
    const missing: string[] = [];
    for (const { alert } of alertRules()) {
      const cases = tests.flatMap((t) =>
        (t.alert_rule_test ?? []).filter((c) => c.alertname === alert).map((c) => ({ t, c })),
      );
      const firing = cases.filter(({ c }) => (c.exp_alerts ?? []).length > 0);
      if (firing.length === 0) missing.push(`${alert}: no case expects it to fire`);
      const quiet =
        cases.some(({ c }) => (c.exp_alerts ?? []).length === 0) ||
        firing.some(({ t, c }) => hasNonFiringSeries(t, c.exp_alerts ?? []));
      if (!quiet) missing.push(`${alert}: no case where it must stay silent`);
    }
    expect(missing).toEqual([]);
  });
});

describeWithBinary('promtool', 'promtool on monitoring/alerts', (promtool) => {
  test('accepts every rule file when checking rules', () => {
    const out = execFileSync(promtool, ['check', 'rules', ...ruleFiles], { encoding: 'utf8' });
    expect(out).toContain('SUCCESS');
  });

  test('passes every unit test when run from the tests folder', () => {
    // promtool resolves rule_files relative to the test file, so it runs there.
    const run = spawnSync(promtool, ['test', 'rules', ...testFiles.map((f) => path.basename(f))], {
      cwd: testsDir,
      encoding: 'utf8',
    });
    expect(run.stdout + run.stderr).not.toContain('FAILED');
    expect(run.status).toBe(0);
  });

  test('loads every rule file through the local stack prometheus.yml when the rules are where compose mounts them', () => {
    const compose = parse(fs.readFileSync(path.join(repoRoot, 'docker-compose.yaml'), 'utf8')) as {
      services: { prometheus: { volumes: string[] } };
    };
    const mount = compose.services.prometheus.volumes
      .map((v) => v.split(':'))
      .find(([source]) => source === './monitoring/alerts');
    expect(mount).toBeDefined();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prometheus-yml-'));
    const config = fs.readFileSync(
      path.join(repoRoot, 'deploy', 'local-stack', 'prometheus', 'prometheus.yml'),
      'utf8',
    );
    fs.writeFileSync(path.join(dir, 'prometheus.yml'), config.split(`${mount?.[1]}/`).join(`${alertsDir}/`));
    const run = spawnSync(promtool, ['check', 'config', path.join(dir, 'prometheus.yml')], { encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(`${run.status}\n${run.stdout}${run.stderr}`).toMatch(/^0\n/);
    for (const file of ruleFiles) expect(run.stdout).toContain(`Checking ${file}`);
  });
});

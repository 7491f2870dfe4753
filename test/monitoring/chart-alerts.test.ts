import fs from 'node:fs';
import { chartDir, renderChart } from '../support/chart';

// The generator is a plain node script so it runs without a build; its exports are typed here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { renderChartAlerts, chartAlertsFile } = require('../../scripts/gen-chart-alerts.js') as {
  renderChartAlerts(): string;
  chartAlertsFile: string;
};

interface RuleGroup {
  name: string;
  rules: { alert?: string }[];
}

describe('chart alerts (deploy/helm/telemetry-sorter/files/alerts.yaml)', () => {
  test('matches what scripts/gen-chart-alerts.js generates from monitoring/alerts when committed', () => {
    const committed = fs.readFileSync(chartAlertsFile, 'utf8');
    // On failure: run `node scripts/gen-chart-alerts.js` and commit the result.
    expect(committed).toBe(renderChartAlerts());
  });

  test('ends up in the rendered PrometheusRule with every alert when the monitoring API is present', () => {
    const objects = renderChart(chartDir, [
      '--set',
      'prometheusRule.enabled=true',
      '--api-versions',
      'monitoring.coreos.com/v1',
    ]);
    const rule = objects.find((o) => o.kind === 'PrometheusRule');
    expect(rule).toBeDefined();
    const groups = (rule?.spec as { groups: RuleGroup[] }).groups;
    const alerts = groups.flatMap((g) => g.rules.map((r) => r.alert));
    expect(groups.map((g) => g.name)).toEqual(expect.arrayContaining(['ai-sorter', 'collector']));
    expect(alerts).toEqual(expect.arrayContaining(['SorterBreakerOpen', 'CollectorSinkFailing', 'CollectorDown']));
    // Templates in annotations must reach Prometheus untouched, not be rendered by Helm.
    expect(JSON.stringify(groups)).toContain('{{ $labels.instance }}');
  });
});

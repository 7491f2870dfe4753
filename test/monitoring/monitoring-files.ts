import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../support/repo';

export const dashboardsDir = path.join(repoRoot, 'monitoring', 'grafana', 'dashboards');
export const alertsDir = path.join(repoRoot, 'monitoring', 'alerts');
const datasourcesFile = path.join(
  repoRoot,
  'deploy',
  'local-stack',
  'grafana',
  'provisioning',
  'datasources',
  'datasources.yaml',
);

export interface DatasourceRef {
  type?: string;
  uid?: string;
}

interface Target {
  refId?: string;
  expr?: string;
  datasource?: DatasourceRef;
}

export interface Panel {
  title?: string;
  type: string;
  datasource?: DatasourceRef;
  targets?: Target[];
  panels?: Panel[];
}

export interface Dashboard {
  uid: string;
  title: string;
  schemaVersion: number;
  panels: Panel[];
  templating?: { list: { name: string; datasource?: DatasourceRef; query?: string | { query?: string } }[] };
}

/** One query of a dashboard or an alert rule, with where it was found (for failure messages). */
export interface Query {
  where: string;
  datasource: DatasourceRef | undefined;
  expr: string;
}

/** Every dashboard JSON file, parsed; a file that does not parse throws with its name. */
export function loadDashboards(): { file: string; dashboard: Dashboard }[] {
  return fs
    .readdirSync(dashboardsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dashboardsDir, file), 'utf8');
      try {
        return { file, dashboard: JSON.parse(text) as Dashboard };
      } catch (err) {
        throw new Error(`monitoring/grafana/dashboards/${file}: ${(err as Error).message}`);
      }
    });
}

/** Panels of a dashboard, those inside collapsed rows included. */
export function allPanels(dashboard: Dashboard): Panel[] {
  return dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]);
}

/** Every panel target and template variable query, with the datasource it runs against. */
export function dashboardQueries(): Query[] {
  return loadDashboards().flatMap(({ file, dashboard }) => [
    ...allPanels(dashboard).flatMap((panel) =>
      (panel.targets ?? []).map((t) => ({
        where: `${file}: panel "${panel.title ?? ''}" ${t.refId ?? ''}`.trimEnd(),
        datasource: t.datasource ?? panel.datasource,
        expr: t.expr ?? '',
      })),
    ),
    ...(dashboard.templating?.list ?? []).map((v) => ({
      where: `${file}: variable $${v.name}`,
      datasource: v.datasource,
      expr: typeof v.query === 'string' ? v.query : (v.query?.query ?? ''),
    })),
  ]);
}

/** Every alert rule's expression, named by file and alert. */
export function alertQueries(): Query[] {
  return fs
    .readdirSync(alertsDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((file) =>
      (
        parse(fs.readFileSync(path.join(alertsDir, file), 'utf8')) as {
          groups: { rules: { alert?: string; record?: string; expr: string }[] }[];
        }
      ).groups.flatMap((g) =>
        g.rules.map((r) => ({
          where: `monitoring/alerts/${file}: ${r.alert ? `alert ${r.alert}` : `record ${r.record ?? ''}`}`,
          datasource: { type: 'prometheus', uid: 'prometheus' },
          expr: r.expr,
        })),
      ),
    );
}

/** uid -> type of the datasources Grafana is provisioned with in the local stack. */
export function provisionedDatasources(): Map<string, string> {
  const doc = parse(fs.readFileSync(datasourcesFile, 'utf8')) as { datasources: { uid: string; type: string }[] };
  return new Map(doc.datasources.map((d) => [d.uid, d.type]));
}

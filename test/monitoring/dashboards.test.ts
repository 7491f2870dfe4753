import { allPanels, dashboardQueries, loadDashboards, provisionedDatasources } from './monitoring-files';

describe('grafana dashboards (monitoring/grafana/dashboards)', () => {
  const dashboards = loadDashboards();

  test('parse, with unique uids and a current schema version, when loaded', () => {
    expect(dashboards.map((d) => d.file)).toEqual(
      expect.arrayContaining(['ai-sorter.json', 'classification.json', 'collector-pipeline.json']),
    );
    const uids = dashboards.map((d) => d.dashboard.uid);
    expect(new Set(uids).size).toBe(uids.length);
    for (const { file, dashboard } of dashboards)
      expect({ file, schemaVersion: dashboard.schemaVersion >= 36 }).toEqual({ file, schemaVersion: true });
  });

  test('use only the provisioned datasource uids, with their types, when querying', () => {
    const provisioned = provisionedDatasources();
    const wrong = dashboardQueries()
      .filter((q) => !q.datasource?.uid || provisioned.get(q.datasource.uid) !== q.datasource.type)
      .map((q) => `${q.where}: datasource ${JSON.stringify(q.datasource)}`);
    const panelsWithoutOwnDatasource = dashboards.flatMap(({ file, dashboard }) =>
      allPanels(dashboard)
        .filter((p) => p.type !== 'row' && (!p.datasource?.uid || !provisioned.has(p.datasource.uid)))
        .map((p) => `${file}: panel "${p.title ?? ''}" datasource ${JSON.stringify(p.datasource)}`),
    );
    expect([...wrong, ...panelsWithoutOwnDatasource]).toEqual([]);
  });

  test('give every non-row panel at least one non-empty query when loaded', () => {
    const empty = dashboards.flatMap(({ file, dashboard }) =>
      allPanels(dashboard)
        .filter((p) => p.type !== 'row' && !(p.targets ?? []).some((t) => (t.expr ?? '').trim() !== ''))
        .map((p) => `${file}: panel "${p.title ?? ''}"`),
    );
    expect(empty).toEqual([]);
  });
});

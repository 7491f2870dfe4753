import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GrafanaCloudConfig } from '../src/config/grafana-cloud';
import { classifyProcessorConfig } from '../src/processors/classify';
import { PrometheusRemoteWriteConfig } from '../src/sinks/prometheus-remote-write';
import { classifyStage } from '../src/stages/classify';
import { sorterOptionsShape } from '../src/sorter/sorter-options';
import { required } from '@obs/schema/testing';

type Shape = Record<string, unknown>;

/** The object shape behind optional/default/describe wrappers, if the schema is an object. */
function shapeOf(schema: unknown): Shape | undefined {
  let current = schema as { shape?: Shape; _zod?: { def?: { innerType?: unknown } } } | undefined;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current.shape) return current.shape;
    current = current._zod?.def?.innerType as typeof current;
  }
  return undefined;
}

/** First cells of every markdown table row, where the hand-written argument tables name their keys. */
function firstCells(doc: string): string[] {
  return doc
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => l.split('|')[1] ?? '');
}

/** Keys (dotted for nested objects) that no table row names, either directly or through all of its children. */
function undocumented(shape: Shape, cells: string[], prefix = ''): string[] {
  const missing: string[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    const path = prefix + key;
    if (cells.some((c) => c.includes(`\`${path}\``))) continue;
    const inner = shapeOf(schema);
    if (inner) missing.push(...undocumented(inner, cells, `${path}.`));
    else missing.push(path);
  }
  return missing;
}

const doc = (name: string) => firstCells(readFileSync(join(__dirname, '..', 'docs', name), 'utf8'));

// The argument tables in these docs are written by hand; this keeps them from falling behind the schemas.
describe('classify, prometheus and grafana cloud docs', () => {
  test.each([
    [
      'classify.md documents every classify stage argument',
      'classify.md',
      required(shapeOf(classifyStage.config), 'the zod shape of classifyStage'),
    ],
    [
      'classify.md documents the arguments only the processor has',
      'classify.md',
      Object.fromEntries(
        Object.entries(required(shapeOf(classifyProcessorConfig), 'the zod shape of classifyProcessorConfig')).filter(
          ([k]) => !(k in sorterOptionsShape),
        ),
      ),
    ],
    [
      'prometheus.md documents every prometheus_remote_write key',
      'prometheus.md',
      required(shapeOf(PrometheusRemoteWriteConfig), 'the zod shape of PrometheusRemoteWriteConfig'),
    ],
    [
      'grafana-cloud.md documents every grafana_cloud key',
      'grafana-cloud.md',
      required(shapeOf(GrafanaCloudConfig), 'the zod shape of GrafanaCloudConfig'),
    ],
  ])('%s when compared with the schema', (_name, file, shape) => {
    expect(Object.keys(shape).length).toBeGreaterThan(1);
    expect(undocumented(shape, doc(file))).toEqual([]);
  });
});

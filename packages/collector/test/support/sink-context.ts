import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Registry } from 'prom-client';
import type { ComponentContext } from '../../src/component';
import { createLogger } from '../../src/runtime/logger';

/** A ComponentContext with a fresh registry, a silent logger and a temporary data folder. */
export function createTestContext(
  id: string,
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'collector-test-')),
): ComponentContext {
  return { id, logger: createLogger({ level: 'silent' }), registry: new Registry(), dataDir };
}

/** The value of one metric child, or 0 when it was never touched. */
export async function metricValue(registry: Registry, name: string, labels: Record<string, string>): Promise<number> {
  const metric = registry.getSingleMetric(name);
  if (!metric) return 0;
  const values = (await metric.get()).values;
  return values.find((v) => Object.entries(labels).every(([k, x]) => v.labels[k] === x))?.value ?? 0;
}

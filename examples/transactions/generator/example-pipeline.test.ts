import * as path from 'node:path';
import { Registry } from 'prom-client';
import { createPipelineConsumer, loadConfig } from '@obs/collector';
import { createMemoryConsumer, silentLogger, testEntry } from '@obs/collector/testing';
import { createRandom } from './random';
import { createTransactionLines } from './transaction-line';

const CONFIG = path.join(__dirname, '..', 'collector.yaml');

// The shipped collector.yaml and module run through the collector's real loader and pipeline, fed by the generator.
describe('examples/transactions through the collector', () => {
  test('labels well-formed lines success with method and status, malformed ones failed, and records the metrics', async () => {
    const config = await loadConfig(CONFIG, {});
    expect(config.pipelines.map((p) => [p.id, p.module, p.stages.map((s) => s.type)])).toEqual([
      ['transactions', 'transactions.pipeline', ['static_labels', 'regex', 'labels', 'match', 'metrics']],
    ]);
    const registry = new Registry();
    const sink = createMemoryConsumer();
    const pipeline = createPipelineConsumer(config.pipelines[0], {
      registry,
      logger: silentLogger,
      resolve: () => sink,
    });
    const next = createTransactionLines(
      { methods: { CashIn: 2, 'STP-OUT': 1 }, failureShare: 0.2, malformedShare: 0.1, incidentShare: 0.05 },
      createRandom(3),
    );
    const truth = Array.from({ length: 2000 }, (_, i) => next(Date.parse('2025-12-26T00:00:00Z') + i * 10));
    await pipeline.consume({ entries: truth.map((t) => testEntry(t.text)) }, new AbortController().signal);

    expect(sink.entries.map((e) => e.labels)).toEqual(
      truth.map((t) =>
        t.kind === 'malformed' || t.kind === 'incident'
          ? { job: 'transactions', service: 'payments', parse_status: 'failed' }
          : {
              job: 'transactions',
              service: 'payments',
              parse_status: 'success',
              method: t.method,
              status: t.kind === 'success' ? 'SUCCESS' : 'FAILED',
            },
      ),
    );

    const total = async (name: string) =>
      ((await registry.getSingleMetric(name)?.get())?.values ?? []).reduce((sum, v) => sum + v.value, 0);
    expect(await total('payment_success_transactions_total')).toBe(truth.filter((t) => t.kind === 'success').length);
    expect(await total('payment_failed_transactions_total')).toBe(truth.filter((t) => t.kind === 'failed').length);
    const histogram = (await registry.getSingleMetric('payment_transaction_latency_ms')?.get())?.values ?? [];
    const observed = histogram
      .filter((v) => (v as { metricName?: string }).metricName === 'payment_transaction_latency_ms_count')
      .reduce((s, v) => s + v.value, 0);
    expect(observed).toBe(truth.filter((t) => t.kind === 'success' || t.kind === 'failed').length);
    await pipeline.shutdown(new AbortController().signal);
  });
});

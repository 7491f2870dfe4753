import { Registry } from 'prom-client';
import type { PipelineConfig } from '../schema/collector-config';
import type { Consumer } from '../consumer';
import type { LogBatch } from '../entry';
import { parseLogSelector } from '../logql';
import { createMemoryConsumer, testEntry } from '../testing';
import { createRouter } from './router';

function pipeline(fields: Partial<PipelineConfig>): PipelineConfig {
  return { id: 'p', stages: [], forward_to: [], routes: [], default_forward_to: [], ...fields };
}

const route = (selector: string, forwardTo: string[], cont = false) => ({
  selector: parseLogSelector(selector),
  forward_to: forwardTo,
  continue: cont,
});

describe('createRouter', () => {
  test.each([
    ['sinks share the entries (they encode them on consume), each with its own array', ['sinks.a', 'sinks.b'], true],
    [
      'pipelines get their own copies of the entries, as they change them in place',
      ['pipelines.a', 'pipelines.b'],
      false,
    ],
  ])('%s', async (_name, targets, shared) => {
    const seen: LogBatch[] = [];
    const spy: Consumer<LogBatch> = { consume: async (batch) => void seen.push(batch) };
    const router = createRouter(pipeline({ forward_to: targets }), { registry: new Registry(), resolve: () => spy });
    await router.consume({ entries: [testEntry('x')] }, new AbortController().signal);
    expect(seen[0].entries).not.toBe(seen[1].entries);
    expect(seen[0].entries[0] === seen[1].entries[0]).toBe(shared);
  });

  test.each([
    ['stops at the first matching route', { severity: 'critical' }, 'boom', ['sinks.alerting']],
    [
      'continues after a route with continue: true',
      { severity: 'error', team: 'pay' },
      'x',
      ['sinks.pay', 'sinks.archive'],
    ],
    ['uses line filters of a route selector', { severity: 'info' }, 'audit: login', ['sinks.audit']],
    ['falls back to default_forward_to when no route matches', { severity: 'info' }, 'x', ['sinks.storage']],
  ])('%s', (_name, labels, line, expected) => {
    const router = createRouter(
      pipeline({
        routes: [
          route('{severity="critical"}', ['sinks.alerting']),
          route('{team="pay"}', ['sinks.pay'], true),
          route('{severity=~"error|critical"}', ['sinks.archive']),
          route('{severity="info"} |= "audit"', ['sinks.audit']),
        ],
        default_forward_to: ['sinks.storage'],
      }),
      { registry: new Registry(), resolve: () => createMemoryConsumer() },
    );
    expect(router.targetsFor(testEntry(line, { labels }))).toEqual(expected);
  });
});

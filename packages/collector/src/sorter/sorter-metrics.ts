import type { Registry } from 'prom-client';
import type { Logger } from '../component';
import { counter, gauge, histogram } from '../telemetry/metric-factory';
import type { FallbackReason, SorterClientObserver } from '@obs/sorter-client';
import type { Decision } from './decision';

export interface ClassifyMetrics {
  /** Counts one classified item by decided_by, severity and category (at most 2 x 5 x 7 series per component). */
  count(decision: Decision): void;
  observer: SorterClientObserver;
}

const breakerValues = { closed: 0, open: 1, half_open: 2 } as const;

/** The classify metrics for one stage or processor (`component` label), shared by every classify step in a registry. */
export function createClassifyMetrics(registry: Registry, component: string, logger: Logger): ClassifyMetrics {
  const decisions = counter(
    registry,
    'collector_classify_entries_total',
    'Items classified, by how they were decided (cache: a sorter answer for the template; rules: local rules), severity and category',
    ['component', 'decided_by', 'severity', 'category'],
  );
  const requests = counter(
    registry,
    'collector_classify_sorter_requests_total',
    'Requests to the ai-sorter, by outcome',
    ['component', 'outcome'],
  );
  const fallbacks = counter(
    registry,
    'collector_classify_sorter_unanswered_items_total',
    'Items the ai-sorter did not answer, by reason',
    ['component', 'reason'],
  );
  const duration = histogram(
    registry,
    'collector_classify_sorter_request_duration_seconds',
    'Duration of ai-sorter requests, retries included',
    ['component'],
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  );
  const breaker = gauge(
    registry,
    'collector_classify_breaker_state',
    'Breaker in front of the ai-sorter: 0 closed, 1 open, 2 half-open',
    ['component'],
  );
  breaker.set({ component }, 0);
  // Children resolved once per label combination, so the hot path is one Map lookup and inc().
  const children = new Map<string, { inc(): void }>();
  const durationChild = duration.labels({ component });
  // Said once when the sorter stops answering and once when it answers again, so a wrong url or api_key shows
  // in the log and not only as decided_by: rules.
  let answering = true;
  return {
    count(d) {
      const key = `${d.decidedBy}|${d.severity}|${d.category}`;
      let child = children.get(key);
      if (child === undefined) {
        child = decisions.labels({ component, decided_by: d.decidedBy, severity: d.severity, category: d.category });
        children.set(key, child);
      }
      child.inc();
    },
    observer: {
      requestFinished(
        outcome: 'ok' | FallbackReason,
        _items: number,
        seconds: number,
        error?: string,
        status?: number,
      ) {
        requests.inc({ component, outcome });
        durationChild.observe(seconds);
        if ((outcome === 'ok') === answering || outcome === 'closed') return;
        answering = outcome === 'ok';
        if (answering) logger.info('the ai-sorter answers again', { component });
        else
          logger.warn('the ai-sorter did not answer; local rules decide until it does', {
            component,
            outcome,
            error,
            ...(status === 401 || status === 403 ? { hint: 'the sorter wants an API key: set api_key' } : {}),
          });
      },
      itemsFellBack(reason: FallbackReason, items: number) {
        fallbacks.inc({ component, reason }, items);
      },
      breakerStateChanged(state) {
        breaker.set({ component }, breakerValues[state]);
      },
    },
  };
}

import * as path from 'node:path';
import { useCollectorRun } from './collector-run';
import type { LokiPushReceiver } from '../../src/testing/loki-push-receiver';
import type { RunningCollector } from '../../src/runtime/run-collector';

export interface PromtailRun {
  /** A fresh folder per test. */
  readonly dir: string;
  /** Decodes Loki's wire format; not Loki. */
  readonly receiver: LokiPushReceiver;
  /** The collector `start` ran (its registry has the metrics), until it is stopped. */
  readonly collector: RunningCollector | undefined;
  /** The server, positions and clients blocks of a Promtail file that sends to `url` (the receiver's by default); the
   * client's further keys may follow it, indented as its `batchwait`. */
  head(url?: string): string;
  /** Writes `text` as `<dir>/promtail.yaml` and runs it as `collector run -c` would. */
  start(text: string): Promise<RunningCollector>;
  stop(): Promise<void>;
}

/** Per test: a folder, a LokiPushReceiver, and a collector started from a Promtail file; all stopped after the test. */
export function usePromtailRun(prefix: string): PromtailRun {
  const run = useCollectorRun(prefix);
  return {
    get dir() {
      return run.dir;
    },
    get receiver() {
      return run.receiver;
    },
    get collector() {
      return run.collector;
    },
    head(url = run.receiver.url) {
      return `server:
  http_listen_address: 127.0.0.1
  http_listen_port: 0
positions:
  filename: ${path.join(run.dir, 'positions.yaml')}
clients:
  - url: ${url}
    batchwait: 50ms
`;
    },
    start: (text: string) => run.start(text, 'promtail.yaml'),
    stop: run.stop,
  };
}

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseConfig } from '../../src/config';
import { createLogger } from '../../src/runtime/logger';
import { runCollector, type RunningCollector } from '../../src/runtime/run-collector';
import { LokiPushReceiver } from '../../src/testing/loki-push-receiver';

/** What a test that runs a whole collector against a Loki receiver uses; fresh for each test. */
export interface CollectorRun {
  /** A temporary folder for the config, storage and files, removed after the test. */
  readonly dir: string;
  readonly receiver: LokiPushReceiver;
  /** The collector `start` ran, until the test ends. */
  readonly collector: RunningCollector | undefined;
  /** Writes `yaml` as the config file in `dir` and runs it with a silent logger. */
  start(yaml: string): Promise<RunningCollector>;
}

/** Sets up a folder and a receiver before each test of the describe it is called in, and shuts all down after. */
export function useCollectorRun(prefix: string): CollectorRun {
  let dir = '';
  let receiver: LokiPushReceiver | undefined;
  let collector: RunningCollector | undefined;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    receiver = await LokiPushReceiver.start();
  });
  afterEach(async () => {
    await collector?.shutdown(AbortSignal.timeout(2000));
    collector = undefined;
    await receiver?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    get receiver() {
      if (receiver === undefined) throw new Error('useCollectorRun: the receiver exists only inside a test');
      return receiver;
    },
    get collector() {
      return collector;
    },
    async start(yaml) {
      const file = path.join(dir, 'collector.yaml');
      fs.writeFileSync(file, yaml);
      collector = await runCollector(parseConfig(yaml, file, {}), { logger: createLogger({ level: 'silent' }) });
      return collector;
    },
  };
}

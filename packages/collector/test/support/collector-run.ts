import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig, type LoadOptions } from '../../src/config/load';
import { createLogger } from '../../src/runtime/logger';
import { runCollector, type RunningCollector } from '../../src/runtime/run-collector';
import { LokiPushReceiver } from '../../src/testing/loki-push-receiver';
import { required } from '@obs/schema/testing';

/** What a test that runs a whole collector against a Loki receiver uses; fresh for each test. */
export interface CollectorRun {
  /** A fresh folder per test, for the config, storage and files; removed after the test. */
  readonly dir: string;
  /** Decodes Loki's wire format; not Loki. */
  readonly receiver: LokiPushReceiver;
  /** The collector `start` ran, until it is stopped. */
  readonly collector: RunningCollector | undefined;
  /** Writes `text` as `<dir>/<fileName>` and runs it as `collector run -c` would (a Promtail file too). */
  start(
    text: string,
    fileName?: string,
    load?: { env: NodeJS.ProcessEnv; options: LoadOptions },
  ): Promise<RunningCollector>;
  stop(): Promise<void>;
}

/** Per test of the describe it is called in: a folder and a receiver before, and everything stopped after. */
export function useCollectorRun(prefix: string): CollectorRun {
  let dir = '';
  let receiver: LokiPushReceiver | undefined;
  let collector: RunningCollector | undefined;
  const stop = async (): Promise<void> => {
    await collector?.shutdown(AbortSignal.timeout(5000));
    collector = undefined;
  };
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    receiver = await LokiPushReceiver.start();
  });
  afterEach(async () => {
    await stop();
    await receiver?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    get receiver() {
      return required(receiver, 'the Loki push receiver (started in beforeEach)');
    },
    get collector() {
      return collector;
    },
    async start(text, fileName = 'collector.yaml', load = { env: {}, options: {} }) {
      const file = path.join(dir, fileName);
      fs.writeFileSync(file, text);
      collector = await runCollector(await loadConfig(file, load.env, load.options), {
        logger: createLogger({ level: 'silent' }),
      });
      return collector;
    },
    stop,
  };
}

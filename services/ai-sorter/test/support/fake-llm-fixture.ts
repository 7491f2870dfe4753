import { startFakeLlmServer, type FakeLlmServer } from '../fake-llm-server';
import { startSorter as startRealSorter, type RunningSorter } from './start-sorter';

export interface FakeLlmFixture {
  /** The current test's fake LLM server (the same object in every test; it delegates to a fresh server each time). */
  readonly fake: FakeLlmServer;
  /** startSorter, with the sorter closed after the test. */
  startSorter(env: Record<string, string>): Promise<RunningSorter>;
}

/** Registers, in the calling describe: a fresh fake LLM server before each test, and closing it and every sorter the test started after it. */
export function useFakeLlmFixture(): FakeLlmFixture {
  let current: FakeLlmServer | undefined;
  const started: RunningSorter[] = [];
  const server = (): FakeLlmServer => {
    if (!current) throw new Error('the fake LLM server exists only while a test runs');
    return current;
  };
  beforeEach(async () => {
    current = await startFakeLlmServer();
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.close()));
    await current?.close();
    current = undefined;
  });
  return {
    fake: {
      get baseUrl() {
        return server().baseUrl;
      },
      get calls() {
        return server().calls;
      },
      behave: (behaviour) => server().behave(behaviour),
      close: () => server().close(),
    },
    async startSorter(env) {
      const sorter = await startRealSorter(env);
      started.push(sorter);
      return sorter;
    },
  };
}

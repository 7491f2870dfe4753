import { join } from 'node:path';
import { createWorkerPool, type WorkerPool } from '../src/workers/worker-pool';

// The built serveTasks() answers inside the threads, as in the service.
const script = join(__dirname, 'support', 'task-worker.js');

describe('createWorkerPool', () => {
  let pool: WorkerPool<number | string, number>;
  afterEach(async () => {
    await pool?.close();
  });

  test('answers every task with its own output when many run at once', async () => {
    pool = createWorkerPool({ script, size: 2 });
    const inputs = Array.from({ length: 50 }, (_, i) => i);
    expect(await Promise.all(inputs.map((i) => pool.run(i)))).toEqual(inputs.map((i) => i * 2));
  });

  test('rejects a task that throws with its message and keeps answering others', async () => {
    pool = createWorkerPool({ script, size: 1 });
    await expect(pool.run('throw')).rejects.toThrow('the task said no');
    expect(await pool.run(21)).toBe(42);
  });

  test('rejects the tasks of a worker that exits and replaces it', async () => {
    pool = createWorkerPool({ script, size: 1 });
    await expect(pool.run('exit')).rejects.toThrow('worker thread exited with code 3');
    expect(await pool.run(5)).toBe(10);
  });

  test('finishes the tasks in flight when closed, then rejects new ones', async () => {
    pool = createWorkerPool({ script, size: 1 });
    const running = pool.run(4);
    await pool.close();
    expect(await running).toBe(8);
    await expect(pool.run(1)).rejects.toThrow('the worker pool is closed');
  });

  test('retires a worker whose script fails to load instead of restarting it, and says why', async () => {
    pool = createWorkerPool({ script: join(__dirname, 'support', 'broken-worker.js'), size: 2 });
    const reasons: string[] = [];
    // Until both threads have failed, a task may still go to one that is about to: bounded, not a sleep.
    for (let attempt = 0; attempt < 100 && !reasons.at(-1)?.startsWith('no worker thread could start'); attempt += 1) {
      reasons.push(await pool.run(1).then(String, (err: Error) => err.message));
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(reasons.at(-1)).toBe('no worker thread could start: this worker cannot load');
    expect(reasons.every((r) => /worker/.test(r))).toBe(true);
  });

  test('refuses a script that does not exist', () => {
    expect(() => createWorkerPool({ script: join(__dirname, 'support', 'no-such-worker.js'), size: 1 })).toThrow(
      /no-such-worker\.js is missing/,
    );
  });
});

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
});

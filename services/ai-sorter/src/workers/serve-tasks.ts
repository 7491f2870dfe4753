import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { TaskReply, WorkerMessage } from './worker-pool';

/** Inside a worker thread: answers every task the pool sends with `handle`; a throw answers that task with its message. */
export function serveTasks<I, O>(handle: (input: I) => O): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks() runs only inside a worker thread');
  // On Linux the nice value is per thread: the main thread, which answers /healthz, wins the CPU from the workers.
  if (process.platform === 'linux') setPriority(0, 5);
  port.on('message', ({ id, input }: { id: number; input: I }) => {
    let reply: TaskReply<O>;
    try {
      reply = { id, output: handle(input) };
    } catch (err) {
      reply = { id, error: err instanceof Error ? err.message : 'the task failed' };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies WorkerMessage<O>);
}

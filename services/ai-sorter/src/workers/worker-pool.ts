import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** Runs one kind of task on a fixed set of worker threads; each task goes to the worker with the fewest in flight. */
export interface WorkerPool<I, O> {
  run(input: I): Promise<O>;
  /** Refuses new tasks, lets those in flight finish, then ends the workers. */
  close(): Promise<void>;
}

export interface WorkerPoolOptions {
  /** The built JavaScript file the workers run; it answers tasks with serveTasks(). */
  readonly script: string;
  readonly size: number;
  /** Handed to every worker as workerData (its configuration). */
  readonly workerData?: unknown;
}

/** What a worker answers for one task. */
export type TaskReply<O> =
  { readonly id: number; readonly output: O } | { readonly id: number; readonly error: string };
/** What a worker posts: once `ready` when it serves tasks, then a reply per task. */
export type WorkerMessage<O> = TaskReply<O> | { readonly ready: true };

interface Pending<O> {
  resolve(output: O): void;
  reject(err: Error): void;
}

interface Slot<O> {
  worker: Worker;
  readonly pending: Map<number, Pending<O>>;
  /** Why this slot's worker could not start; such a slot gets no tasks and is not restarted. */
  failedToStart?: Error;
}

export function createWorkerPool<I, O>(options: WorkerPoolOptions): WorkerPool<I, O> {
  if (!Number.isInteger(options.size) || options.size < 1)
    throw new RangeError(`a worker pool needs at least one worker, got ${options.size}`);
  if (!existsSync(options.script))
    throw new Error(`the worker thread script ${options.script} is missing (build the package first)`);
  let nextId = 0;
  let closed = false;
  const inFlight = new Set<Promise<O>>();

  const failAll = (slot: Slot<O>, err: Error) => {
    for (const p of slot.pending.values()) p.reject(err);
    slot.pending.clear();
  };
  const start = (slot: Slot<O>): Worker => {
    const worker = new Worker(options.script, { workerData: options.workerData });
    // The HTTP server keeps the process alive; idle workers must not.
    worker.unref();
    let ready = false;
    let lastError: Error | undefined;
    worker.on('message', (reply: WorkerMessage<O>) => {
      if ('ready' in reply) {
        ready = true;
        return;
      }
      const pending = slot.pending.get(reply.id);
      if (!pending) return;
      slot.pending.delete(reply.id);
      if ('error' in reply) pending.reject(new Error(reply.error));
      else pending.resolve(reply.output);
    });
    worker.on('error', (err) => {
      lastError = err;
      failAll(slot, err);
    });
    // A worker that died serving (out of memory, a bug) is replaced, so one bad task never shrinks the pool; one that
    // never got ready (its script fails to load) would fail again, so its slot is retired instead of restarted in a loop.
    worker.on('exit', (code) => {
      const exited = new Error(`worker thread exited with code ${code}`);
      failAll(slot, exited);
      if (closed) return;
      if (ready) slot.worker = start(slot);
      else slot.failedToStart = lastError ?? exited;
    });
    return worker;
  };
  const slots: Array<Slot<O>> = Array.from({ length: options.size }, () => {
    const slot = { pending: new Map<number, Pending<O>>() } as Slot<O>;
    slot.worker = start(slot);
    return slot;
  });

  return {
    run(input) {
      if (closed) return Promise.reject(new Error('the worker pool is closed'));
      let slot: Slot<O> | undefined;
      for (const s of slots)
        if (!s.failedToStart && (slot === undefined || s.pending.size < slot.pending.size)) slot = s;
      if (slot === undefined)
        return Promise.reject(new Error(`no worker thread could start: ${slots[0]?.failedToStart?.message}`));
      const chosen = slot;
      const id = nextId++;
      const task = new Promise<O>((resolve, reject) => {
        chosen.pending.set(id, { resolve, reject });
        chosen.worker.postMessage({ id, input });
      });
      inFlight.add(task);
      const forget = () => inFlight.delete(task);
      task.then(forget, forget);
      return task;
    },
    async close() {
      closed = true;
      await Promise.allSettled([...inFlight]);
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

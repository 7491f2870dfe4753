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
export type TaskReply<O> = { readonly id: number; readonly output: O } | { readonly id: number; readonly error: string };

interface Pending<O> {
  resolve(output: O): void;
  reject(err: Error): void;
}

interface Slot<O> {
  worker: Worker;
  readonly pending: Map<number, Pending<O>>;
}

export function createWorkerPool<I, O>(options: WorkerPoolOptions): WorkerPool<I, O> {
  if (!Number.isInteger(options.size) || options.size < 1) throw new RangeError(`a worker pool needs at least one worker, got ${options.size}`);
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
    worker.on('message', (reply: TaskReply<O>) => {
      const pending = slot.pending.get(reply.id);
      if (!pending) return;
      slot.pending.delete(reply.id);
      if ('error' in reply) pending.reject(new Error(reply.error));
      else pending.resolve(reply.output);
    });
    worker.on('error', (err) => failAll(slot, err));
    // A worker that died (out of memory, a bug) is replaced, so one bad task never shrinks the pool.
    worker.on('exit', (code) => {
      failAll(slot, new Error(`worker thread exited with code ${code}`));
      if (!closed) slot.worker = start(slot);
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
      let slot = slots[0] as Slot<O>;
      for (const s of slots) if (s.pending.size < slot.pending.size) slot = s;
      const id = nextId++;
      const task = new Promise<O>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.postMessage({ id, input });
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

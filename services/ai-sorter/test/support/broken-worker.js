// A worker for the worker pool's tests whose script fails while loading, before it serves any task.
throw new Error('this worker cannot load');

/**
 * Date.now() read once per synchronous run (a pipeline processes a whole batch in one): every entry of
 * the run gets the same time, which differs from Date.now() by at most the run's own duration. Date.now()
 * per entry cost about 60 ns, a fifth of the metrics stage.
 */
export function createBatchClock(): () => number {
  let now = 0;
  let fresh = false;
  const expire = (): void => {
    fresh = false;
  };
  return () => {
    if (!fresh) {
      now = Date.now();
      fresh = true;
      queueMicrotask(expire);
    }
    return now;
  };
}

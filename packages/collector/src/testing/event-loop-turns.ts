/** Counts turns of the event loop (a setImmediate ticker), so a test can tell the loop was free without timing it. */
export interface EventLoopTurns {
  /** Turns counted so far. */
  readonly count: number;
  stop(): void;
}

export function countEventLoopTurns(): EventLoopTurns {
  let count = 0;
  let ticking = true;
  const tick = (): void => {
    count++;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    get count() {
      return count;
    },
    stop: () => {
      ticking = false;
    },
  };
}

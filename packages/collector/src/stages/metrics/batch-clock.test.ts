import { createBatchClock } from './batch-clock';

describe('createBatchClock', () => {
  const realNow = Date.now;
  afterEach(() => {
    Date.now = realNow;
  });

  test('returns one time for a whole synchronous run when the wall clock moves during it', () => {
    const clock = createBatchClock();
    let t = 1000;
    Date.now = () => t++;
    expect([clock(), clock(), clock()]).toEqual([1000, 1000, 1000]);
  });

  test('reads the wall clock again when a new run starts after a microtask', async () => {
    const clock = createBatchClock();
    Date.now = () => 1000;
    expect(clock()).toBe(1000);
    await Promise.resolve();
    Date.now = () => 5000;
    expect(clock()).toBe(5000);
  });
});

import { waitFor } from './wait-for';

describe('waitFor', () => {
  test('resolves once the check holds', async () => {
    let calls = 0;
    await waitFor(() => ++calls === 3, 'the third call');
    expect(calls).toBe(3);
  });

  test('counts a throwing check as not yet', async () => {
    let calls = 0;
    await waitFor(async () => {
      if (++calls < 3) throw new Error('not listening');
      return true;
    }, 'a server');
    expect(calls).toBe(3);
  });

  test('names what it waited for and the last error when time runs out', async () => {
    await expect(
      waitFor(
        () => {
          throw new Error('connection refused');
        },
        'the sorter',
        30,
      ),
    ).rejects.toThrow('timed out after 30 ms waiting for the sorter (last error: connection refused)');
    await expect(waitFor(() => false, 'nothing', 30)).rejects.toThrow(/^timed out after 30 ms waiting for nothing$/);
  });
});

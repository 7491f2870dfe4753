import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createMetrics } from '../observability/metrics';
import { createAdmission } from './admission';

/** An app whose one route holds its admission slot until the test lets it go, then answers. */
async function startHeldApp(maxConcurrent: number) {
  const metrics = createMetrics({ defaultMetrics: false });
  const admission = createAdmission(maxConcurrent, { metrics });
  const started: string[] = [];
  const holds = new Map<string, () => void>();
  const app = express();
  app.post('/batch/:name', admission.admit, (req, res) => {
    const name = String(req.params.name);
    started.push(name);
    holds.set(name, () => {
      admission.release(res);
      res.json({ name });
    });
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const depth = async () => (await metrics.admissionQueueDepth.get()).values[0]?.value ?? 0;
  return {
    url,
    started,
    holds,
    depth,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const waitUntil = async (condition: () => boolean | Promise<boolean>) => {
  const deadline = Date.now() + 5000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met within 5 s');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('createAdmission', () => {
  test('starts a request only when a slot is free, in arrival order', async () => {
    const app = await startHeldApp(1);
    try {
      const a = fetch(`${app.url}/batch/a`, { method: 'POST' });
      await waitUntil(() => app.started.length === 1);
      const b = fetch(`${app.url}/batch/b`, { method: 'POST' });
      await waitUntil(async () => (await app.depth()) === 1);
      const c = fetch(`${app.url}/batch/c`, { method: 'POST' });
      await waitUntil(async () => (await app.depth()) === 2);
      expect(app.started).toEqual(['a']);
      app.holds.get('a')?.();
      await waitUntil(() => app.started.length === 2);
      expect(app.started).toEqual(['a', 'b']);
      app.holds.get('b')?.();
      await waitUntil(() => app.started.length === 3);
      app.holds.get('c')?.();
      expect((await Promise.all([a, b, c])).map((r) => r.status)).toEqual([200, 200, 200]);
      expect(await app.depth()).toBe(0);
    } finally {
      await app.close();
    }
  });

  test('gives up the place of a client that leaves while waiting, and frees the slot of one that leaves while running', async () => {
    const app = await startHeldApp(1);
    try {
      const leavingRunning = new AbortController();
      const a = fetch(`${app.url}/batch/a`, { method: 'POST', signal: leavingRunning.signal }).catch(() => undefined);
      await waitUntil(() => app.started.length === 1);
      const leavingWaiting = new AbortController();
      const b = fetch(`${app.url}/batch/b`, { method: 'POST', signal: leavingWaiting.signal }).catch(() => undefined);
      await waitUntil(async () => (await app.depth()) === 1);
      leavingWaiting.abort();
      await waitUntil(async () => (await app.depth()) === 0);
      leavingRunning.abort();
      await Promise.all([a, b]);
      const c = fetch(`${app.url}/batch/c`, { method: 'POST' });
      await waitUntil(() => app.started.length === 2);
      expect(app.started).toEqual(['a', 'c']);
      app.holds.get('c')?.();
      expect((await c).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClassifyItem, ClassifyResult } from '../types';

/** How the fake answers the next requests; speaks the /classify wire format, not the real sorter's logic. */
export type FakeSorterMode =
  | { kind: 'answer'; delayMs?: number; dropIds?: readonly string[]; override?: Partial<Omit<ClassifyResult, 'id'>> }
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'malformed' }
  | { kind: 'wrong_shape' }
  | { kind: 'hang' };

export interface FakeSorter {
  url: string;
  /** Items of every request received, in order. */
  requests: ClassifyItem[][];
  /** Headers of every request received, in order. */
  headers: IncomingMessage['headers'][];
  /** Most requests the fake was answering at the same time. */
  readonly maxConcurrent: number;
  setMode(...modes: FakeSorterMode[]): void;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 speaking POST /classify; answers `severity: error` for bodies containing "fail". */
export async function startFakeSorter(): Promise<FakeSorter> {
  let modes: FakeSorterMode[] = [{ kind: 'answer' }];
  const requests: ClassifyItem[][] = [];
  const headers: IncomingMessage['headers'][] = [];
  const hanging = new Set<ServerResponse>();
  let concurrent = 0;
  let maxConcurrent = 0;
  const server: Server = createServer((req, res) => {
    concurrent++;
    maxConcurrent = Math.max(maxConcurrent, concurrent);
    res.on('close', () => concurrent--);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const items = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { items: ClassifyItem[] }).items;
      requests.push(items);
      headers.push(req.headers);
      // The last mode sticks, so a test can say "fail twice, then answer".
      const [mode, ...next] = modes;
      if (next.length > 0) modes = next;
      // Like the real sorter, an item sent without an id is answered under a random one.
      respond(
        mode,
        items.map((item) => ({ ...item, id: item.id ?? randomUUID() })),
        res,
        hanging,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    headers,
    get maxConcurrent() {
      return maxConcurrent;
    },
    setMode: (...next) => {
      modes = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function respond(
  mode: FakeSorterMode,
  items: IdentifiedItem[],
  res: ServerResponse,
  hanging: Set<ServerResponse>,
): void {
  switch (mode.kind) {
    case 'answer': {
      const results = items
        .filter((item) => !mode.dropIds?.includes(item.id))
        .map((item) => ({ ...answer(item), ...mode.override }));
      const send = (): void => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            request_id: 'fake',
            results,
            stats: {
              items: items.length,
              decided_by: { llm: results.length, cache: 0, rules: 0 },
              templates: 1,
              llm_calls: 1,
              duration_ms: 1,
            },
          }),
        );
      };
      if (mode.delayMs) setTimeout(send, mode.delayMs);
      else send();
      return;
    }
    case 'status':
      res.writeHead(mode.status, mode.retryAfter ? { 'retry-after': mode.retryAfter } : {}).end('{"error":"fake"}');
      return;
    case 'malformed':
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"results": [');
      return;
    case 'wrong_shape':
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ results: [{ id: items[0]?.id }] }));
      return;
    case 'hang':
      hanging.add(res);
      return;
  }
}

type IdentifiedItem = ClassifyItem & { id: string };

function answer(item: IdentifiedItem): ClassifyResult {
  const failing = JSON.stringify(item.body ?? item.content).includes('fail');
  return {
    id: item.id,
    severity: failing ? 'error' : 'info',
    category: failing ? 'error' : 'noise',
    forward_to: failing ? 'alerting' : 'storage',
    confidence: 0.9,
    decided_by: 'llm',
    reason: 'fake sorter',
    template: { id: 't1', text: String(item.body) },
  };
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * Speaks the OpenAI chat-completions API over real HTTP on loopback; not an LLM. When told to answer, it classifies
 * the items it finds in the prompt with a few keyword checks, so tests can tell its answers from the rules'.
 */
export type FakeLlmBehaviour =
  | { kind: 'answer'; order?: 'as_asked' | 'reversed' }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'rate_limited'; retryAfterSeconds: number; delayMs?: number }
  | { kind: 'server_error' }
  | { kind: 'client_error'; status: 400 | 401 | 404 }
  | { kind: 'malformed_json' }
  | { kind: 'wrong_shape' }
  | { kind: 'missing_items'; answer: number }
  | { kind: 'hang' };

export interface PromptItem {
  id: string;
  type: string;
  text: string;
  /** Redacted attributes as JSON, when the item had any. */
  attributes?: string;
}

export interface ReceivedCall {
  readonly authorization: string | undefined;
  readonly rawBody: string;
  readonly model: string;
  readonly responseFormat: unknown;
  readonly items: PromptItem[];
}

export interface FakeLlmServer {
  /** Base URL for the OpenAI SDK (ends in /v1). */
  readonly baseUrl: string;
  readonly calls: ReceivedCall[];
  behave(behaviour: FakeLlmBehaviour): void;
  close(): Promise<void>;
}

export function fakeAnswerFor(item: PromptItem) {
  const t = item.text.toLowerCase();
  const severity = /fatal|panic|critical/.test(t)
    ? 'critical'
    : /error|fail|exception/.test(t)
      ? 'error'
      : /warn/.test(t)
        ? 'warning'
        : /debug/.test(t)
          ? 'debug'
          : 'info';
  const category = /auth|login|password|denied/.test(t)
    ? 'security'
    : /down|unreachable|crash/.test(t)
      ? 'availability'
      : severity === 'error'
        ? 'error'
        : 'noise';
  const forward_to =
    severity === 'critical' || severity === 'error' ? 'alerting' : severity === 'warning' ? 'storage' : 'archive';
  return { id: item.id, severity, category, forward_to, confidence: 0.93, reason: `fake-llm saw ${severity}` };
}

function completion(content: string, items: number) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: 'fake',
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content, refusal: null } }],
    usage: { prompt_tokens: 100 + items * 20, completion_tokens: items * 30, total_tokens: 100 + items * 50 },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function promptItems(body: { messages?: Array<{ role: string; content: string }> }): PromptItem[] {
  const user = body.messages?.find((m) => m.role === 'user');
  try {
    return (JSON.parse(user?.content ?? '{}') as { items?: PromptItem[] }).items ?? [];
  } catch {
    return [];
  }
}

export async function startFakeLlmServer(): Promise<FakeLlmServer> {
  let behaviour: FakeLlmBehaviour = { kind: 'answer' };
  const calls: ReceivedCall[] = [];
  const sockets = new Set<Socket>();

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const rawBody = await readBody(req);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions')
      return send(res, 404, { error: { message: 'not found' } });
    const body = JSON.parse(rawBody) as {
      model: string;
      response_format?: unknown;
      messages?: Array<{ role: string; content: string }>;
    };
    const items = promptItems(body);
    calls.push({
      authorization: req.headers.authorization,
      rawBody,
      model: body.model,
      responseFormat: body.response_format,
      items,
    });
    const answers = items.map(fakeAnswerFor);
    const current = behaviour;
    switch (current.kind) {
      case 'answer':
        return send(
          res,
          200,
          completion(
            JSON.stringify({ results: current.order === 'reversed' ? [...answers].reverse() : answers }),
            items.length,
          ),
        );
      case 'slow':
        await new Promise((r) => setTimeout(r, current.delayMs));
        return send(res, 200, completion(JSON.stringify({ results: answers }), items.length));
      case 'rate_limited':
        if (current.delayMs) await new Promise((r) => setTimeout(r, current.delayMs));
        return send(
          res,
          429,
          { error: { message: 'rate limited', type: 'rate_limit' } },
          { 'retry-after': String(current.retryAfterSeconds) },
        );
      case 'server_error':
        return send(res, 500, { error: { message: 'upstream exploded' } });
      case 'client_error':
        return send(res, current.status, { error: { message: 'bad request' } });
      case 'malformed_json':
        return send(res, 200, completion('{"results": [ {"id": ', items.length));
      case 'wrong_shape':
        return send(
          res,
          200,
          completion(JSON.stringify({ classifications: answers.map((a) => a.severity) }), items.length),
        );
      case 'missing_items':
        return send(res, 200, completion(JSON.stringify({ results: answers.slice(0, current.answer) }), items.length));
      case 'hang':
        return; // never answers; close() destroys the socket
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, { error: { message: 'fake failed' } }));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    calls,
    behave(b) {
      behaviour = b;
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

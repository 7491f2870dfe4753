import * as http from 'node:http';
import * as https from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';
import * as zlib from 'node:zlib';
import type { Labels } from '../entry';
import { decodeJsonPush, decodeProtobufPush, type DecodedStream } from '../protocols/loki/decode';
import { formatLabels } from '../protocols/loki/labels';
import { waitFor } from '@obs/schema/testing';

export interface ReceivedEntry {
  labels: Labels;
  timestampNs: bigint;
  line: string;
  structuredMetadata: Labels;
  /** The request's X-Scope-OrgID; absent when it had none. */
  tenant?: string;
}

export interface ReceivedRequest {
  status: number;
  headers: http.IncomingHttpHeaders;
  entries: number;
  /** Over https with `requestCert`: the common name of the client certificate the push came with. */
  clientCertificate?: string;
}

export interface FailureScript {
  status: number;
  /** How many requests get this answer. */
  times: number;
  retryAfter?: string;
  body?: string;
}

export interface LokiPushReceiverOptions {
  /** false: only count entries and bytes (benchmarks); true (default): keep every entry for assertions. */
  record?: boolean;
  /** Waits this long before answering each push, like a distant backend (benchmarks of parallel_requests). */
  answerDelayMs?: number;
  /** Serve https with these settings (key, cert, and ca with requestCert to ask for client certificates). */
  tls?: https.ServerOptions;
}

/**
 * A test stand-in for Loki's push endpoint: a real HTTP server on 127.0.0.1 that decodes the real
 * wire format (snappy protobuf PushRequest, and JSON with optional gzip) and answers 204.
 * NOT Loki: no storage, no limits, no ordering checks; it can be scripted to answer 500/429/400.
 */
export class LokiPushReceiver {
  readonly entries: ReceivedEntry[] = [];
  readonly requests: ReceivedRequest[] = [];
  entryCount = 0;
  lineBytes = 0;
  #failures: FailureScript[] = [];
  #held: (() => void)[] | undefined;
  /** Push requests received and not yet answered, and the most there ever were at once. */
  inFlight = 0;
  maxInFlight = 0;
  #server: http.Server;
  #scheme: string;
  #record: boolean;
  #delayMs: number;

  private constructor(server: http.Server, options: LokiPushReceiverOptions) {
    this.#server = server;
    this.#scheme = options.tls ? 'https' : 'http';
    this.#record = options.record ?? true;
    this.#delayMs = options.answerDelayMs ?? 0;
  }

  static async start(options: LokiPushReceiverOptions = {}): Promise<LokiPushReceiver> {
    const server = options.tls ? https.createServer(options.tls) : http.createServer();
    const receiver = new LokiPushReceiver(server, options);
    server.on('request', (req, res) => receiver.#handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  /** The push URL to configure a sink with. */
  get url(): string {
    return `${this.#scheme}://127.0.0.1:${this.port}/loki/api/v1/push`;
  }

  /** Queues scripted answers; each applies to the next `times` push requests, in order. */
  fail(script: FailureScript): void {
    this.#failures.push({ ...script });
  }

  /** Holds every push until the returned release() is called (to see how many a client keeps in flight). */
  hold(): () => void {
    const held: (() => void)[] = (this.#held = []);
    return () => {
      this.#held = undefined;
      for (const answer of held.splice(0)) answer();
    };
  }

  lines(): string[] {
    return this.entries.map((e) => e.line);
  }

  /** Entries grouped by their stream's label text, e.g. `{job="x"}`. */
  streams(): Map<string, ReceivedEntry[]> {
    const out = new Map<string, ReceivedEntry[]>();
    for (const entry of this.entries) {
      const key = formatLabels(entry.labels);
      const list = out.get(key) ?? [];
      list.push(entry);
      out.set(key, list);
    }
    return out;
  }

  waitForEntries(count: number, timeoutMs?: number): Promise<void> {
    return waitFor(
      () => this.entryCount >= count,
      `${count} entries at the receiver (have ${this.entryCount})`,
      timeoutMs,
    );
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    res.on('finish', () => this.inFlight--);
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = (): void => this.#answer(req, res, chunks);
      if (this.#held) this.#held.push(answer);
      else if (this.#delayMs > 0) setTimeout(answer, this.#delayMs);
      else answer();
    });
  }

  #answer(req: http.IncomingMessage, res: http.ServerResponse, chunks: Buffer[]): void {
    const answer = (status: number, body = '', headers: Record<string, string> = {}, entries = 0): void => {
      const peer = 'getPeerCertificate' in req.socket ? (req.socket as TLSSocket).getPeerCertificate() : undefined;
      const cn = peer?.subject?.CN;
      this.requests.push({ status, headers: req.headers, entries, ...(cn ? { clientCertificate: String(cn) } : {}) });
      res.writeHead(status, headers).end(body);
    };
    if (req.method !== 'POST' || !req.url?.endsWith('/api/v1/push')) return answer(404, 'not found');
    const script = this.#failures[0];
    if (script) {
      if (--script.times <= 0) this.#failures.shift();
      return answer(
        script.status,
        script.body ?? `scripted ${script.status}`,
        script.retryAfter ? { 'Retry-After': script.retryAfter } : {},
      );
    }
    let streams: DecodedStream[];
    try {
      streams = this.#decode(Buffer.concat(chunks), req.headers);
    } catch (err) {
      return answer(400, (err as Error).message);
    }
    const orgId = req.headers['x-scope-orgid'];
    const tenant = typeof orgId === 'string' ? { tenant: orgId } : {};
    let n = 0;
    for (const stream of streams) {
      for (const entry of stream.entries) {
        n++;
        this.lineBytes += entry.line.length;
        if (this.#record) this.entries.push({ labels: stream.labels, ...entry, ...tenant });
      }
    }
    this.entryCount += n;
    answer(204, '', {}, n);
  }

  #decode(body: Buffer, headers: http.IncomingHttpHeaders): DecodedStream[] {
    const type = headers['content-type'] ?? '';
    if (type.startsWith('application/x-protobuf')) return decodeProtobufPush(body, 256 * 1024 * 1024);
    if (type.startsWith('application/json')) {
      const text =
        headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(body).toString('utf8') : body.toString('utf8');
      return decodeJsonPush(text);
    }
    throw new Error(`unsupported content type ${JSON.stringify(type)}`);
  }
}

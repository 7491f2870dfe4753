import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { codecs } from '../protocols/otlp/codec';
import type { PartialSuccess, Signal, SignalData } from '../protocols/otlp/types';

/** One scripted answer: an HTTP status with optional Retry-After, or a 200 carrying partial success. */
export type ScriptedAnswer = { status: number; retryAfter?: string } | { partial: PartialSuccess };

export interface ReceivedExport {
  signal: Signal;
  headers: http.IncomingHttpHeaders;
  data: SignalData[Signal];
}

/** A real HTTP server that decodes OTLP/HTTP protobuf (gzip or not) like Tempo's receiver would; it is not Tempo. */
export class OtlpTestReceiver {
  readonly received: ReceivedExport[] = [];
  readonly script: ScriptedAnswer[] = [];
  attempts = 0;
  #server = http.createServer((req, res) => this.#handle(req, res));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  of<S extends Signal>(signal: S): SignalData[S][] {
    return this.received.filter((r) => r.signal === signal).map((r) => r.data as SignalData[S]);
  }

  #handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      this.attempts++;
      const signal = (req.url ?? '').replace(/^.*\/v1\//, '') as Signal;
      const codec = codecs[signal];
      const answer = this.script.shift();
      if (codec === undefined) return void res.writeHead(404).end();
      if (answer !== undefined && 'status' in answer) {
        res.writeHead(answer.status, answer.retryAfter !== undefined ? { 'retry-after': answer.retryAfter } : {});
        return void res.end();
      }
      const raw = Buffer.concat(chunks);
      const body = req.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw) : raw;
      this.received.push({ signal, headers: req.headers, data: codec.decodeProtobuf(body) });
      res.writeHead(200, { 'content-type': 'application/x-protobuf' });
      res.end(codec.encodeResponseProtobuf(answer?.partial));
    });
  }
}

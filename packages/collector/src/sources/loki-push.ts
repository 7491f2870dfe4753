import * as http from 'node:http';
import { z } from 'zod';
import type { ComponentDefinition, Logger, Source, SourceContext } from '../component';
import type { Consumer } from '../consumer';
import { copyLabels, nowNs, type Labels, type LogBatch, type LogEntry } from '../entry';
import { ProtocolError, retryAfterSeconds, ShutdownError, toHttpStatus } from '../errors';
import { decodedPush, type CheckedPush } from '../protocols/loki/checked-push';
import type { DecodedEntry } from '../protocols/loki/decode';
import { checkJsonPush } from '../protocols/loki/decode-json-incremental';
import { checkProtobufPush, uncompressPushBody } from '../protocols/loki/decode-protobuf-incremental';
import { TENANT_LABEL } from '../protocols/loki/tenant';
import { byContentType, HttpReceiverServer, mediaType, receiveBody } from './http-receiver';
import { unlimitedBudget, type InFlightBudget, type InFlightReservation } from './in-flight-budget';
import { applyPushTenant, headerTenant } from './push-tenant';
import { createSourceMetrics, type SourceMetrics } from './source-metrics';

export const lokiPushSourceConfig = z
  .object({
    listen_address: z
      .string()
      .min(1)
      .default('127.0.0.1')
      .describe('Address to listen on; 0.0.0.0 to accept from other hosts'),
    listen_port: z.number().int().min(0).max(65535).default(3500).describe('Port; 0 picks a free one'),
    labels: z
      .record(z.string(), z.string())
      .default({})
      .describe('Labels added to every entry; they win over a pushed label of the same name'),
    use_incoming_timestamp: z
      .boolean()
      .default(false)
      .describe('Keep the pushed timestamps; false stamps entries with the receive time (Alloy default)'),
    max_body_bytes: z
      .number()
      .int()
      .positive()
      .default(100 * 1024 * 1024)
      .describe('Larger request bodies (decompressed, too) get 413'),
    tenant_from_push: z
      .boolean()
      .default(false)
      .describe(
        "Let clients choose the Loki tenant: a pushed `__tenant_id__` label, else the X-Scope-OrgID header, overrides the loki sink's tenant_id. Off: a pushed `__tenant_id__` label gets 400 and the header is ignored",
      ),
  })
  .strict();

export type LokiPushSourceConfig = z.infer<typeof lokiPushSourceConfig>;

export const lokiPushSourceDefinition: ComponentDefinition<LokiPushSourceConfig, LokiPushSource, SourceContext> = {
  type: 'loki_push',
  description: 'Loki push API server: POST /loki/api/v1/push (JSON, gzip JSON, snappy protobuf) and /loki/api/v1/raw',
  config: lokiPushSourceConfig,
  create: (config, ctx) => createLokiPushSource(config, ctx),
};

export interface LokiPushSource extends Source {
  /** The bound port (useful with listen_port 0); 0 before start. */
  readonly port: number;
}

export function createLokiPushSource(config: LokiPushSourceConfig, ctx: SourceContext): LokiPushSource {
  return new LokiPush(
    config,
    ctx.id,
    ctx.logger,
    ctx.next,
    createSourceMetrics(ctx.registry, ctx.id),
    ctx.inFlight ?? unlimitedBudget,
  );
}

const PUSH_PATHS = new Set(['/loki/api/v1/push', '/api/v1/push']);
// Promtail's push target serves raw lines at /promtail/api/v1/raw; Alloy's at /loki/api/v1/raw.
const RAW_PATHS = new Set(['/loki/api/v1/raw', '/api/v1/raw', '/promtail/api/v1/raw']);

class LokiPush implements LokiPushSource {
  readonly #server = new HttpReceiverServer((req, res) => this.#handle(req, res));

  constructor(
    readonly config: LokiPushSourceConfig,
    readonly id: string,
    readonly logger: Logger,
    readonly next: Consumer<LogBatch>,
    readonly metrics: SourceMetrics,
    readonly inFlight: InFlightBudget,
  ) {}

  get port(): number {
    return this.#server.port;
  }

  async start(): Promise<void> {
    await this.#server.listen(this.config.listen_port, this.config.listen_address);
  }

  async shutdown(signal: AbortSignal): Promise<void> {
    await this.#server.close(signal);
  }

  async #handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    const reservation = this.inFlight.open();
    try {
      // A readiness probe is not a push: answered without counting in collector_push_requests_total.
      if (path === '/ready')
        return void res
          .writeHead(this.#server.stopping ? 503 : 200, { 'Content-Type': 'text/plain; charset=utf-8' })
          .end(this.#server.stopping ? 'shutting down' : 'ready');
      const isPush = PUSH_PATHS.has(path);
      if (!isPush && !RAW_PATHS.has(path))
        throw new ProtocolError(404, `no such endpoint ${path}; push to /loki/api/v1/push or /loki/api/v1/raw`);
      if (req.method !== 'POST') throw new ProtocolError(405, `${path} takes POST`);
      if (this.#server.stopping) throw new ShutdownError();
      const { push, bytes, keepTimestamps } = await this.#receive(req, isPush, reservation);
      await this.#handOn(push, keepTimestamps);
      this.metrics.bytes.inc(bytes);
      this.#answer(res, 204, '');
    } catch (err) {
      const status = toHttpStatus(err);
      const headers: Record<string, string> = {};
      if (status === 429 || status === 503) headers['Retry-After'] = String(retryAfterSeconds(err));
      const internal = status >= 500 && status !== 503;
      if (internal) this.logger.error('push request failed', { source: this.id, error: (err as Error).message });
      // An internal failure's message can name server paths: it goes to the log, not to the client.
      this.#answer(
        res,
        status,
        internal ? 'internal error; the collector log has the cause\n' : (err as Error).message + '\n',
        headers,
      );
    } finally {
      reservation.release();
    }
  }

  /** Reads and checks a request (body, labels, tenant): every stream of it, so nothing of a refused request is handed on. */
  async #receive(
    req: http.IncomingMessage,
    isPush: boolean,
    reservation: InFlightReservation,
  ): Promise<{ push: CheckedPush; bytes: number; keepTimestamps: boolean }> {
    // Loki's protobuf push is snappy-compressed by the format itself, whatever Content-Encoding says.
    const protobuf = isPush && mediaType(req) === 'application/x-protobuf';
    const { raw, body } = await receiveBody(
      req,
      { maxBytes: this.config.max_body_bytes, key: 'max_body_bytes' },
      reservation,
      { inflate: !protobuf },
    );
    const push = isPush ? await this.#checkedPush(req, body, reservation) : this.#rawPush(req, body);
    // Raw lines carry their receive time; pushed ones keep theirs only with use_incoming_timestamp.
    return { push, bytes: raw.length, keepTimestamps: !isPush || this.config.use_incoming_timestamp };
  }

  /**
   * Hands a checked push on a slice at a time (about 2,000 entries, decoded from the body as it goes for a large push; a
   * small push is one slice), each accepted before the next is read: the pipeline's back pressure applies between slices. The request's
   * in-flight reservation still holds its body meanwhile.
   */
  async #handOn(push: CheckedPush, keepTimestamps: boolean): Promise<void> {
    const receivedNs = nowNs();
    await push.read(async (slice) => {
      const entries: LogEntry[] = [];
      for (const { labels, entries: decoded } of slice) {
        for (const e of decoded)
          entries.push({
            timestampNs: keepTimestamps ? e.timestampNs : receivedNs,
            line: e.line,
            labels: copyLabels(labels),
            structuredMetadata: e.structuredMetadata,
            extracted: {},
          });
      }
      await this.next.consume({ entries }, this.#server.inFlight);
      this.metrics.lines.inc(entries.length);
    });
  }

  #answer(res: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
    this.metrics.requests(status).inc();
    if (res.headersSent) return;
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end(body);
  }

  readonly #decoders: Readonly<
    Record<string, (body: Buffer, reservation: InFlightReservation) => Promise<CheckedPush>>
  > = {
    'application/json': (body) => checkJsonPush(body),
    'application/x-protobuf': async (body, reservation) => {
      const raw = await uncompressPushBody(body, this.config.max_body_bytes);
      reservation.add(raw.length); // the uncompressed PushRequest counts against the in-flight limit, as inflated bodies do
      return checkProtobufPush(raw);
    },
  };

  /** The push with the source's labels applied to every stream and their tenant checked. */
  async #checkedPush(req: http.IncomingMessage, body: Buffer, reservation: InFlightReservation): Promise<CheckedPush> {
    const push = await byContentType(req, this.#decoders)(body, reservation);
    const header = headerTenant(req, this.config);
    const labels = push.labels.map((pushed, s) => this.#labelsOf(pushed, header, `streams[${s}] `));
    // Checked above for every stream, so labelsOf cannot refuse one while it is read.
    return {
      labels,
      read: (onSlice) =>
        push.read((slice) =>
          onSlice(slice.map((part) => ({ ...part, labels: this.#labelsOf(part.labels, header, '') }))),
        ),
    };
  }

  /** A pushed stream's labels with the source's own and the tenant applied. */
  #labelsOf(pushed: Labels, header: string | undefined, where: string): Labels {
    const labels = { ...pushed, ...this.config.labels };
    applyPushTenant(labels, this.config, pushed[TENANT_LABEL], header, where);
    return labels;
  }

  /** A raw body's lines as one stream with the source's labels; they take the receive time. */
  #rawPush(req: http.IncomingMessage, body: Buffer): CheckedPush {
    const labels = copyLabels(this.config.labels);
    applyPushTenant(labels, this.config, undefined, headerTenant(req, this.config), '');
    const entries: DecodedEntry[] = [];
    const receivedNs = nowNs();
    for (const line of body.toString('utf8').split('\n')) {
      const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line;
      if (trimmed !== '') entries.push({ timestampNs: receivedNs, line: trimmed, structuredMetadata: {} });
    }
    return decodedPush([{ labels, entries }]);
  }
}

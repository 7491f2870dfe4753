import * as http from 'node:http';
import type { ComponentDefinition, Source, SourceContext } from '../../component';
import { copyLabels, nowNs, type Labels, type LogEntry } from '../../entry';
import { ProtocolError, retryAfterSeconds, ShutdownError, toHttpStatus } from '../../errors';
import { byContentType, HttpReceiverServer, receiveBody } from '../http-receiver';
import { unlimitedBudget } from '../in-flight-budget';
import { applyPushTenant, headerTenant } from '../push-tenant';
import { createSourceMetrics, type SourceMetrics } from '../source-metrics';
import { herokuDrainSourceConfig, type HerokuDrainSourceConfig } from './config';
import { LogplexError, parseLogplexBody, type LogplexMessage } from './frames';

export const herokuDrainSourceDefinition: ComponentDefinition<
  HerokuDrainSourceConfig,
  HerokuDrainSource,
  SourceContext
> = {
  type: 'heroku_drain',
  description:
    "Heroku Logplex HTTPS drain: POST /heroku/api/v1/drain (application/logplex-1), with Promtail's __heroku_drain_* labels",
  config: herokuDrainSourceConfig,
  create: (config, ctx) => new HerokuDrainSource(config, ctx),
};

const DRAIN_PATH = '/heroku/api/v1/drain';

/**
 * Receives Logplex drain requests. A request is parsed whole before anything of it is handed on: a bad frame, or a
 * frame count other than Logplex-Msg-Count, is a 400 naming it, and Logplex sends the request again; a 204 follows
 * only once the pipeline took every entry.
 */
export class HerokuDrainSource implements Source {
  readonly id: string;
  readonly #config: HerokuDrainSourceConfig;
  readonly #ctx: SourceContext;
  readonly #metrics: SourceMetrics;
  readonly #server = new HttpReceiverServer((req, res) => this.#handle(req, res));

  constructor(config: HerokuDrainSourceConfig, ctx: SourceContext) {
    this.id = ctx.id;
    this.#config = config;
    this.#ctx = ctx;
    this.#metrics = createSourceMetrics(ctx.registry, ctx.id);
  }

  /** The bound port (useful with listen_port 0); 0 before start. */
  get port(): number {
    return this.#server.port;
  }

  async start(): Promise<void> {
    await this.#server.listen(this.#config.listen_port, this.#config.listen_address);
  }

  async #handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://drain');
    const reservation = (this.#ctx.inFlight ?? unlimitedBudget).open();
    try {
      if (url.pathname !== DRAIN_PATH)
        throw new ProtocolError(404, `no such endpoint ${url.pathname}; drain to ${DRAIN_PATH}`);
      if (req.method !== 'POST') throw new ProtocolError(405, `${DRAIN_PATH} takes POST`);
      if (this.#server.stopping) throw new ShutdownError();
      const parse = byContentType(req, { 'application/logplex-1': parseLogplexBody });
      // A tenant Loki would refuse is refused before the body (up to max_body_bytes) is read.
      const request = this.#requestLabels(url);
      applyPushTenant(request, this.#config, undefined, headerTenant(req, this.#config), '');
      const { raw, body } = await receiveBody(
        req,
        { maxBytes: this.#config.max_body_bytes, key: 'max_body_bytes' },
        reservation,
      );
      let messages: LogplexMessage[];
      try {
        messages = parse(body);
      } catch (err) {
        if (!(err instanceof LogplexError)) throw err;
        throw new ProtocolError(400, err.message);
      }
      const declared = req.headers['logplex-msg-count'];
      if (declared !== undefined && Number(declared) !== messages.length)
        throw new ProtocolError(
          400,
          `Logplex-Msg-Count header says ${JSON.stringify(declared)} frames, the body has ${messages.length}`,
        );
      const receivedNs = nowNs();
      const entries = (): LogEntry[] =>
        messages.map((m, i) => ({
          timestampNs: this.#config.use_incoming_timestamp ? m.timestampNs : receivedNs + BigInt(i),
          line: m.message,
          labels: messageLabels(m, copyLabels(request)),
          structuredMetadata: {},
          extracted: {},
        }));
      if (messages.length > 0) await this.#ctx.next.consume({ entries: entries() }, this.#server.inFlight);
      this.#metrics.lines.inc(messages.length);
      this.#metrics.bytes.inc(raw.length);
      this.#answer(res, 204, '');
    } catch (err) {
      const status = toHttpStatus(err);
      const headers: Record<string, string> = {};
      if (status === 429 || status === 503) headers['Retry-After'] = String(retryAfterSeconds(err));
      const internal = status >= 500 && status !== 503;
      const message = (err as Error).message;
      if (internal) this.#ctx.logger.error('drain request failed', { source: this.id, error: message });
      else if (status === 400) this.#ctx.logger.warn('drain request refused', { source: this.id, error: message });
      // An internal failure's message can name server paths: it goes to the log, not to the client.
      this.#answer(
        res,
        status,
        internal ? 'internal error; the collector log has the cause\n' : `${message}\n`,
        headers,
      );
    } finally {
      reservation.release();
    }
  }

  /** The source's labels and the query parameters as `__heroku_drain_param_<name>` (repeated ones joined with `,`). */
  #requestLabels(url: URL): Labels {
    const labels = copyLabels(this.#config.labels);
    for (const name of new Set(url.searchParams.keys()))
      labels[`__heroku_drain_param_${name}`] = url.searchParams.getAll(name).join(',');
    return labels;
  }

  #answer(res: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
    this.#metrics.requests(status).inc();
    if (res.headersSent) return;
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end(body);
  }

  async shutdown(signal: AbortSignal): Promise<void> {
    await this.#server.close(signal);
  }
}

/** A frame's `__heroku_drain_*` labels, added to `labels`, as Promtail's heroku_drain target sets them. */
function messageLabels(m: LogplexMessage, labels: Labels): Labels {
  labels.__heroku_drain_host = m.hostname;
  labels.__heroku_drain_app = m.appName;
  labels.__heroku_drain_proc = m.procId;
  labels.__heroku_drain_log_id = m.msgId;
  return labels;
}

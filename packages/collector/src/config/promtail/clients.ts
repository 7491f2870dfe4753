import { Block } from './block';
import { UNSUPPORTED_CLIENT_KEYS } from './unsupported';

export interface ConvertedSink {
  id: string;
  config: Record<string, unknown>;
}

/**
 * `clients:` (or the older single `client:`) -> one loki sink each, `loki`, `loki_1`, ...; `flagLabels`
 * (`-client.external-labels`) go to every client, under the labels the client sets itself, as in Promtail.
 */
export function convertClients(root: Block, flagLabels: Readonly<Record<string, string>>): ConvertedSink[] {
  const conv = root.conv;
  const list = root.has('clients') ? root.list('clients') : root.has('client') ? [root.raw('client')] : undefined;
  const key = root.has('clients') ? 'clients' : 'client';
  if (root.has('clients')) root.raw('client');
  if (!list || list.length === 0) {
    root.issue(key, 'Promtail needs at least one client: add `clients: [{ url: http://loki:3100/loki/api/v1/push }]`');
    return [];
  }
  const sinks: ConvertedSink[] = [];
  list.forEach((value, i) => {
    const at = key === 'clients' ? [key, i] : [key];
    const client = Block.of(value, at, conv);
    if (!client) return;
    const id = i === 0 ? 'loki' : `loki_${i}`;
    const out: PropertyKey[] = ['sinks', id];
    conv.origins.push({ out, from: at });
    sinks.push({ id, config: convertClient(client, out, flagLabels) });
  });
  return sinks;
}

function convertClient(
  c: Block,
  out: PropertyKey[],
  flagLabels: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const conv = c.conv;
  const config: Record<string, unknown> = { type: 'loki', url: c.string('url') };
  if (config.url === undefined) c.issue('url', 'required key is missing (the Loki push URL)');
  const set = setter(config, out, c);
  set('tenant_id', c.string('tenant_id'), 'tenant_id');
  set('batch_wait_ms', c.durationMs('batchwait'), 'batchwait');
  set('batch_size_bytes', c.number('batchsize'), 'batchsize');
  set('timeout_ms', c.durationMs('timeout'), 'timeout');
  set('headers', c.stringMap('headers'), 'headers');
  const external = { ...flagLabels, ...c.stringMap('external_labels') };
  set('external_labels', Object.keys(external).length > 0 ? external : undefined, 'external_labels');
  set('bearer_token', c.string('bearer_token'), 'bearer_token');
  set('bearer_token_file', c.string('bearer_token_file'), 'bearer_token_file');
  set('drop_rate_limited_batches', c.bool('drop_rate_limited_batches'), 'drop_rate_limited_batches');
  const auth = c.block('basic_auth');
  if (auth && Object.keys(auth.value).length > 0) {
    const passwordFile = auth.string('password_file');
    // An empty password (an unset variable) is sent as empty, as Promtail does.
    const password = auth.string('password') ?? (passwordFile === undefined ? '' : undefined);
    set(
      'basic_auth',
      {
        username: auth.string('username'),
        ...(password !== undefined ? { password } : {}),
        ...(passwordFile !== undefined ? { password_file: passwordFile } : {}),
      },
      'basic_auth',
    );
    auth.finish();
  }
  const backoff = c.block('backoff_config');
  if (backoff) {
    const retry: Record<string, unknown> = {};
    const put = setter(retry, [...out, 'retry'], backoff);
    put('min_backoff_ms', backoff.durationMs('min_period'), 'min_period');
    put('max_backoff_ms', backoff.durationMs('max_period'), 'max_period');
    put('max_retries', backoff.number('max_retries'), 'max_retries');
    backoff.finish();
    if (Object.keys(retry).length > 0) set('retry', retry, 'backoff_config');
  }
  // Settings of Go's HTTP client the loki sink has no counterpart for; they change nothing that reaches Loki.
  for (const key of ['follow_redirects', 'enable_http2', 'stream_lag_labels']) {
    if (c.has(key))
      conv.notes.push({ at: out, text: `Promtail's ${key}: ${String(c.raw(key))} has no counterpart and is left out` });
    else c.raw(key);
  }
  // The loki sink uses no proxy: settings that ask for none are taken, one that asks for the environment's is refused.
  if (c.bool('proxy_from_environment') === true)
    c.issue(
      'proxy_from_environment',
      'the loki sink connects to Loki directly and reads no proxy variables; remove the key or set it to false',
    );
  if (c.string('no_proxy') !== undefined)
    conv.notes.push({ at: out, text: "Promtail's no_proxy is left out: the loki sink uses no proxy" });
  const tls = c.block('tls_config');
  if (tls) set('tls', clientTls(tls, out), 'tls_config');
  c.finish(UNSUPPORTED_CLIENT_KEYS);
  return config;
}

// TLS keys of Promtail's client (Prometheus' TLS config) the loki sink's `tls` takes as they are.
const TLS_KEYS = ['ca_file', 'cert_file', 'key_file', 'server_name'] as const;

/** tls_config -> the loki sink's `tls`; inline PEM and TLS versions other than Node's own minimum are refused at their line. */
function clientTls(tls: Block, out: PropertyKey[]): Record<string, unknown> | undefined {
  const config: Record<string, unknown> = {};
  const put = setter(config, [...out, 'tls'], tls);
  for (const key of TLS_KEYS) put(key, tls.string(key), key);
  const skip = tls.bool('insecure_skip_verify');
  if (skip === true) config.insecure_skip_verify = true;
  const min = tls.string('min_version');
  if (min !== undefined && min !== 'TLS12')
    tls.issue(
      'min_version',
      `only TLS12 is taken (the loki sink negotiates TLS 1.2 or 1.3), got ${JSON.stringify(min)}`,
    );
  const inline = 'PEM written in the config is not taken; put it in a file and use ca_file, cert_file and key_file';
  tls.finish({
    ca: inline,
    cert: inline,
    key: inline,
    max_version: 'remove it: the loki sink negotiates TLS 1.2 or 1.3',
  });
  return Object.keys(config).length > 0 ? config : undefined;
}

/**
 * Sets `key` of `target`, the converted config at `out`, unless the value is undefined, and records that it came from
 * `from` in `block`.
 */
function setter(
  target: Record<string, unknown>,
  out: PropertyKey[],
  block: Block,
): (key: string, value: unknown, from: string) => void {
  return (key, value, from) => {
    if (value === undefined) return;
    target[key] = value;
    block.conv.origins.push({ out: [...out, key], from: [...block.at, from] });
  };
}

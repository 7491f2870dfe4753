import type { Block } from './block';
import { UNSUPPORTED_SERVER_KEYS } from './unsupported';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'];
// Keys of Promtail's server block (top level and a loki_push_api's) that tune Go's HTTP/gRPC servers; the
// collector's servers have no such knobs.
export const SERVER_NO_COUNTERPART = [
  'grpc_listen_address',
  'grpc_listen_port',
  'grpc_listen_network',
  'http_listen_network',
  'register_instrumentation',
  'graceful_shutdown_timeout',
  'http_server_read_timeout',
  'http_server_write_timeout',
  'http_server_idle_timeout',
  'grpc_server_max_recv_msg_size',
  'grpc_server_max_send_msg_size',
  'grpc_server_max_concurrent_streams',
  'log_format',
  'health_check_target',
  'profiling_enabled',
  'enable_runtime_reload',
  'log_source_ips_enabled',
  'log_request_headers',
];

/** `server:` -> the collector's own HTTP server (/metrics, /healthz, /readyz) and its log level. */
export function convertServer(server: Block): Record<string, unknown> {
  const conv = server.conv;
  const out: Record<string, unknown> = {};
  // Promtail listens on every interface, port 80, unless told otherwise.
  const address = server.string('http_listen_address');
  out.http_listen_address = address === undefined || address === '' ? '0.0.0.0' : address;
  out.http_listen_port = server.number('http_listen_port') ?? 80;
  conv.origins.push(
    { out: ['server', 'http_listen_address'], from: [...server.at, 'http_listen_address'] },
    { out: ['server', 'http_listen_port'], from: [...server.at, 'http_listen_port'] },
  );
  const level = server.string('log_level');
  if (level !== undefined) {
    if (LOG_LEVELS.includes(level)) out.log_level = level;
    else server.issue('log_level', `expected one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(level)}`);
  }
  if (server.bool('disable') === true) {
    conv.notes.push({
      at: ['server'],
      text: "Promtail's server.disable: the collector always serves /metrics, /healthz and /readyz",
    });
  }
  const left = SERVER_NO_COUNTERPART.filter((key) => server.has(key));
  for (const key of SERVER_NO_COUNTERPART) server.raw(key);
  if (left.length > 0)
    conv.notes.push({
      at: ['server'],
      text: `left out, no counterpart in the collector (it serves no gRPC and logs JSON): ${left.join(', ')}`,
    });
  server.finish(UNSUPPORTED_SERVER_KEYS);
  return out;
}

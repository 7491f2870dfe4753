// Promtail blocks the collector cannot run, each with what to use instead; the loader names the block and its line.

const SD =
  'the collector has no service discovery: list the files in static_configs or file_sd_configs files (`__path__` globs, `{a,b}` alternatives) or receive the logs with a loki_push_api scrape config';
const PUSH_INSTEAD = 'forward these logs to a loki_push_api or syslog scrape config (or an otlp source) instead';

/** Keys of a scrape config. */
export const UNSUPPORTED_SCRAPE_KEYS: Readonly<Record<string, string>> = {
  journal:
    'read the systemd journal by forwarding it as RFC 5424 syslog (e.g. rsyslog omfwd with TCP) to a syslog scrape config, or `journalctl -f -o cat` into a file tailed with static_configs',
  windows_events: "Windows event logs cannot be read by the collector; use Grafana Alloy's loki.source.windowsevent",
  kubernetes_sd_configs:
    'pods cannot be discovered without the Kubernetes API; on each node tail /var/log/pods/*/*/*.log with static_configs and a `cri: {}` stage, and take namespace, pod and container (what the __meta_kubernetes_* relabel_configs gave) from the path with a regex stage on `filename` (docs/promtail.md shows the config)',
  docker_sd_configs: 'tail /var/lib/docker/containers/*/*-json.log with static_configs and a `docker: {}` stage',
  consul_sd_configs: SD,
  consulagent_sd_configs: SD,
  dns_sd_configs: SD,
  ec2_sd_configs: SD,
  openstack_sd_configs: SD,
  azure_sd_configs: SD,
  gce_sd_configs: SD,
  serverset_sd_configs: SD,
  triton_sd_configs: SD,
  marathon_sd_configs: SD,
  nerve_sd_configs: SD,
  gcplog: `Google Cloud Pub/Sub is not read by the collector; ${PUSH_INSTEAD}`,
  kafka: `Kafka is not read by the collector; ${PUSH_INSTEAD}`,
  azure_event_hubs: `Azure Event Hubs are not read by the collector; ${PUSH_INSTEAD}`,
  cloudflare: `the Cloudflare Logpull API is not read by the collector; ${PUSH_INSTEAD}`,
};

/** Root keys of a Promtail file. */
export const UNSUPPORTED_ROOT_KEYS: Readonly<Record<string, string>> = {
  tracing:
    'the collector does not trace itself; set enabled: false or remove the block (its own metrics are on /metrics)',
  wal: "Promtail's client WAL is not read; give the sink a disk queue instead (`queue: { type: disk }` in the converted config)",
};

/** Keys of `server:`. */
export const UNSUPPORTED_SERVER_KEYS: Readonly<Record<string, string>> = {
  http_tls_config: "the collector's own HTTP server is plain HTTP; put a TLS proxy in front of it",
  grpc_tls_config: 'the collector serves no gRPC',
  http_path_prefix: 'the collector serves /metrics, /healthz and /readyz at the root; remove the prefix',
};

/** Keys of a client. */
export const UNSUPPORTED_CLIENT_KEYS: Readonly<Record<string, string>> = {
  proxy_url:
    'the loki sink connects to Loki directly and supports no proxy; remove the key and let this host reach Loki',
  proxy_connect_header: 'the loki sink supports no proxy; remove the key',
  http_headers: 'use `headers: { Name: value }`',
  oauth2: 'use bearer_token(_file) or basic_auth',
  authorization: 'use bearer_token(_file) or basic_auth',
};

/** Pipeline stages Promtail has and the collector does not. */
export const UNSUPPORTED_STAGES: Readonly<Record<string, string>> = {
  geoip: 'GeoIP lookups are not offered; remove the stage',
  eventlogmessage: 'Windows event log messages are not read by the collector; remove the stage',
};

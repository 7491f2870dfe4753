import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError } from '../../errors';
import { applyRelabel } from '../../relabel/apply';
import { relabelRuleSchema } from '../../relabel/config';
import { parseConfig } from '../load';
import { looksLikePromtail } from './detect';
import { openPromtailConfig } from './open';

const HEAD = `clients:
  - url: http://127.0.0.1:3100/loki/api/v1/push
`;

function issues(text: string, env: NodeJS.ProcessEnv = {}, expandEnv = false): string[] {
  try {
    parseConfig(text, '/etc/promtail/config.yml', env, { format: 'promtail', expandEnv });
    return [];
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.issues.map((i) => `${i.line}:${i.col} ${i.path}: ${i.message}`);
  }
}

const converted = (text: string, env: NodeJS.ProcessEnv = {}, expandEnv = false): Record<string, unknown> =>
  openPromtailConfig('/etc/promtail/config.yml', text, env, expandEnv).value;

describe('Promtail config conversion', () => {
  test('tells a Promtail file from a collector file by its root keys', () => {
    expect(looksLikePromtail('server:\n  http_listen_port: 9080\nclients: []\nscrape_configs: []\n')).toBe(true);
    expect(looksLikePromtail('server:\n  http_listen_port: 9080\nsources: {}\nsinks: {}\n')).toBe(false);
    expect(looksLikePromtail('# scrape_configs: in a comment\nsinks: {}\n')).toBe(false);
  });

  test('converts a client with every covered key into a loki sink', () => {
    const config = converted(`clients:
  - url: https://logs.example.com/loki/api/v1/push
    tenant_id: team-a
    batchwait: 2s
    batchsize: 524288
    timeout: 30s
    basic_auth: { username: "123", password_file: /run/secrets/loki }
    headers: { X-Env: prod }
    external_labels: { host: box1 }
    backoff_config: { min_period: 1s, max_period: 1m, max_retries: 0 }
    drop_rate_limited_batches: true
  - url: http://127.0.0.1:3100/loki/api/v1/push
    bearer_token_file: /run/secrets/token
scrape_configs: []
`);
    expect(config.sinks).toEqual({
      loki: {
        type: 'loki',
        url: 'https://logs.example.com/loki/api/v1/push',
        tenant_id: 'team-a',
        batch_wait_ms: 2000,
        batch_size_bytes: 524288,
        timeout_ms: 30000,
        basic_auth: { username: '123', password_file: '/run/secrets/loki' },
        headers: { 'X-Env': 'prod' },
        external_labels: { host: 'box1' },
        retry: { min_backoff_ms: 1000, max_backoff_ms: 60000, max_retries: 0 },
        drop_rate_limited_batches: true,
      },
      loki_1: { type: 'loki', url: 'http://127.0.0.1:3100/loki/api/v1/push', bearer_token_file: '/run/secrets/token' },
    });
  });

  test('takes server, positions, target_config and file_watch_config as Promtail means them', () => {
    const config = converted(`server: { http_listen_port: 9080, log_level: debug }
positions: { filename: /var/lib/promtail/positions.yaml, ignore_invalid_yaml: true }
target_config: { sync_period: 30s }
global: { file_watch_config: { min_poll_frequency: 100ms, max_poll_frequency: 1s } }
${HEAD}scrape_configs:
  - job_name: app
    static_configs: [{ targets: [localhost], labels: { __path__: /var/log/app/*.log, __path_exclude__: /var/log/app/*.gz } }]
`);
    expect(config.server).toEqual({ http_listen_address: '0.0.0.0', http_listen_port: 9080, log_level: 'debug' });
    expect(config.storage_path).toBe('/var/lib/promtail/collector');
    expect(config.sources).toEqual({
      app: {
        type: 'file',
        targets: [{ __path__: '/var/log/app/*.log', __path_exclude__: '/var/log/app/*.gz' }],
        promtail_positions: { filename: '/var/lib/promtail/positions.yaml', ignore_invalid_yaml: true },
        sync_period_ms: 30000,
        poll_interval_ms: 100,
        forward_to: ['pipelines.app'],
      },
    });
  });

  test('names metrics promtail_custom_<name> and moves config: up, as Promtail exposes them', () => {
    const config = converted(`${HEAD}scrape_configs:
  - job_name: app
    static_configs: [{ targets: [localhost], labels: { __path__: /var/log/*.log } }]
    pipeline_stages:
      - metrics:
          bytes: { type: Counter, description: d, config: { match_all: true, count_entry_bytes: true, action: add } }
          latency: { type: histogram, source: dur, config: { buckets: [0.1, 1] } }
`) as { pipelines: { app: { stages: unknown[] } } };
    expect(config.pipelines.app.stages).toEqual([
      {
        metrics: {
          counter: [
            {
              name: 'bytes',
              prefix: 'promtail_custom_',
              description: 'd',
              match_all: true,
              count_entry_bytes: true,
              action: 'add',
            },
          ],
          histogram: [{ name: 'latency', prefix: 'promtail_custom_', source: 'dur', buckets: [0.1, 1] }],
        },
      },
    ]);
  });

  test('turns loki_push_api into a loki_push source whose relabel_configs run on each entry, then drop __ labels', () => {
    const config = converted(`${HEAD}scrape_configs:
  - job_name: push
    loki_push_api:
      server: { http_listen_port: 3500, grpc_listen_port: 3600 }
      labels: { pushserver: p1 }
      use_incoming_timestamp: true
    relabel_configs:
      - { source_labels: [__tenant_id__], target_label: tenant }
`) as { sources: unknown; pipelines: { push: { stages: unknown[] } } };
    expect(config.sources).toEqual({
      push: {
        type: 'loki_push',
        listen_address: '0.0.0.0',
        listen_port: 3500,
        labels: { pushserver: 'p1' },
        use_incoming_timestamp: true,
        forward_to: ['pipelines.push'],
      },
    });
    expect(config.pipelines.push.stages).toEqual([
      {
        relabel: {
          rules: [
            { source_labels: ['__tenant_id__'], target_label: 'tenant' },
            { regex: '__.*', action: 'labeldrop' },
          ],
        },
      },
    ]);
  });

  test('turns syslog into a syslog source and refuses what it cannot receive', () => {
    const text = `${HEAD}scrape_configs:
  - job_name: syslog
    syslog:
      listen_address: 0.0.0.0:1514
      idle_timeout: 60s
      label_structured_data: yes
      labels: { job: syslog }
`;
    const config = converted(text) as { sources: unknown; pipelines: { syslog: { stages: unknown[] } } };
    expect(config.sources).toEqual({
      syslog: {
        type: 'syslog',
        listen_address: '0.0.0.0:1514',
        idle_timeout_ms: 60000,
        label_structured_data: true,
        labels: { job: 'syslog' },
        forward_to: ['pipelines.syslog'],
      },
    });
    expect(config.pipelines.syslog.stages).toEqual([{ relabel: { rules: [{ regex: '__.*', action: 'labeldrop' }] } }]);
    expect(issues(text.replace('idle_timeout: 60s', 'listen_protocol: udp\n      syslog_format: rfc3164'))).toEqual([
      '7:7 scrape_configs[0].syslog.listen_protocol: only tcp is supported, got "udp" (send RFC 5424 over TCP instead)',
      '8:7 scrape_configs[0].syslog.syslog_format: only rfc5424 is supported, got "rfc3164"',
    ]);
  });

  test('expands ${VAR} only with -config.expand-env, an unset one as empty, as Promtail does', () => {
    const text = `${HEAD}scrape_configs:
  - job_name: app
    static_configs: [{ targets: [localhost], labels: { __path__: "\${LOGS:-/var/log}/*.log", env: "\${ENV}", team: "\${TEAM}" } }]
`;
    const labels = (c: Record<string, unknown>) => (c.sources as { app: { targets: unknown[] } }).app.targets[0];
    expect(labels(converted(text, { ENV: 'prod' }, true))).toEqual({ __path__: '/var/log/*.log', env: 'prod' });
    expect(labels(converted(text, { ENV: 'prod' }, false))).toEqual({
      __path__: '${LOGS:-/var/log}/*.log',
      env: '${ENV}',
      team: '${TEAM}',
    });
  });

  test("-config.expand-env takes envsubst's := and = defaults and $${, and names any other ${...} at its line", () => {
    const text = `clients:
  - url: \${LOKI:=http://127.0.0.1:3100/loki/api/v1/push}
    tenant_id: \${TENANT=ops}
scrape_configs:
  - job_name: app
    static_configs: [{ targets: [localhost], labels: { __path__: /var/log/*.log, lit: "$\${1}" } }]
    relabel_configs:
      - { source_labels: [lit], target_label: host, replacement: "\${HOSTNAME^^}" }
      - { source_labels: [lit], target_label: group, replacement: "\${1}" }
`;
    expect(issues(text, {}, true)).toEqual([
      '8:67 : -config.expand-env: ${HOSTNAME^^} is not expanded here (only ${VAR}, ${VAR:-default}, ${VAR:=default} and ${VAR=default} are); write $1 for a regex group, or $${ for a literal ${',
      '9:68 : -config.expand-env: ${1} is not expanded here (only ${VAR}, ${VAR:-default}, ${VAR:=default} and ${VAR=default} are); write $1 for a regex group, or $${ for a literal ${',
    ]);
    const ok = converted(text.split('\n').slice(0, 6).join('\n') + '\n', {}, true);
    expect(ok.sinks).toEqual({
      loki: { type: 'loki', url: 'http://127.0.0.1:3100/loki/api/v1/push', tenant_id: 'ops' },
    });
    expect((ok.sources as { app: { targets: unknown[] } }).app.targets).toEqual([
      { __path__: '/var/log/*.log', lit: '${1}' },
    ]);
  });

  test.each(['{}', '{ insecure_skip_verify: false }'])(
    'takes a client tls_config of %s, which only restates verifying the server, and adds nothing to the sink',
    (tls) => {
      const text = `clients:\n  - url: https://logs.example.com/loki/api/v1/push\n    tls_config: ${tls}\nscrape_configs: []\n`;
      expect(issues(text)).toEqual([]);
      expect(converted(text).sinks).toEqual({
        loki: { type: 'loki', url: 'https://logs.example.com/loki/api/v1/push' },
      });
    },
  );

  test("takes a client tls_config's files, server name and insecure_skip_verify as the loki sink's tls", () => {
    const text = `clients:
  - url: https://loki.internal/loki/api/v1/push
    tls_config:
      ca_file: /etc/promtail/ca.crt
      cert_file: /etc/promtail/client.crt
      key_file: /etc/promtail/client.key
      server_name: loki.internal
      insecure_skip_verify: true
      min_version: TLS12
scrape_configs: []
`;
    expect(issues(text)).toEqual([]);
    expect(converted(text).sinks).toEqual({
      loki: {
        type: 'loki',
        url: 'https://loki.internal/loki/api/v1/push',
        tls: {
          ca_file: '/etc/promtail/ca.crt',
          cert_file: '/etc/promtail/client.crt',
          key_file: '/etc/promtail/client.key',
          server_name: 'loki.internal',
          insecure_skip_verify: true,
        },
      },
    });
  });

  test('reports every issue at its line in the Promtail file, not-covered blocks with what to use instead', () => {
    expect(
      issues(`server:
  http_listen_port: 9080
  http_path_prefix: /promtail
clients:
  - url: not a url
    batchwait: soon
    tls_config: { ca: PEM }
scrape_configs:
  - job_name: app
    static_configs:
      - targets: [localhost]
        labels: { __path__: /x/*.log, 1bad: x }
    pipeline_stages:
      - regex: { expression: '(' }
      - geoip: { db: x }
      - metrics: { m: { type: Summary } }
      - json: { expresions: {} }
      - labels: { "bad-name": x }
  - job_name: journal
    journal: { max_age: 12h }
  - job_name: k8s
    kubernetes_sd_configs: [{ role: pod }]
  - job_name: nothing
tracing: { enabled: true }
unknown_block: {}
`),
    ).toEqual([
      '3:3 server.http_path_prefix: "http_path_prefix" is not supported by the collector: the collector serves /metrics, /healthz and /readyz at the root; remove the prefix',
      '5:5 clients[0].url: invalid URL, got "not a url"',
      '6:5 clients[0].batchwait: expected a duration such as 10s or 1m30s, got "soon"',
      '7:19 clients[0].tls_config.ca: "ca" is not supported by the collector: PEM written in the config is not taken; put it in a file and use ca_file, cert_file and key_file',
      '12:39 scrape_configs[0].static_configs[0].labels.1bad: invalid label name "1bad" (use [a-zA-Z_][a-zA-Z0-9_]*)',
      '14:18 scrape_configs[0].pipeline_stages[0].regex.expression: invalid regular expression: /(/: Unterminated group',
      '15:9 scrape_configs[0].pipeline_stages[1].geoip: stage "geoip" is not supported by the collector: GeoIP lookups are not offered; remove the stage',
      '16:25 scrape_configs[0].pipeline_stages[2].metrics.m.type: expected Counter, Gauge or Histogram, got "Summary"',
      '17:9 scrape_configs[0].pipeline_stages[3].json: set `expressions` or `regex`',
      '17:17 scrape_configs[0].pipeline_stages[3].json.expresions: unknown key "expresions"',
      '18:19 scrape_configs[0].pipeline_stages[4].labels.bad-name: invalid label name (use [a-zA-Z_][a-zA-Z0-9_]*), got "bad-name"',
      '20:5 scrape_configs[1].journal: "journal" is not supported by the collector: read the systemd journal by forwarding it as RFC 5424 syslog (e.g. rsyslog omfwd with TCP) to a syslog scrape config, or `journalctl -f -o cat` into a file tailed with static_configs',
      '22:5 scrape_configs[2].kubernetes_sd_configs: "kubernetes_sd_configs" is not supported by the collector: pods cannot be discovered without the Kubernetes API; on each node tail /var/log/pods/*/*/*.log with static_configs and a `cri: {}` stage, and take namespace, pod and container (what the __meta_kubernetes_* relabel_configs gave) from the path with a regex stage on `filename` (docs/promtail.md shows the config)',
      '23:5 scrape_configs[3]: a scrape config needs static_configs, file_sd_configs, loki_push_api, syslog, gelf or heroku_drain',
      '24:12 tracing.enabled: tracing is not supported by the collector: the collector does not trace itself; set enabled: false or remove the block (its own metrics are on /metrics)',
      '25:1 unknown_block: unknown key "unknown_block" in this Promtail block',
    ]);
  });

  test("a string key takes a scalar as written, as Go's yaml.v2 does (1.50, 0755, yes, a date, 0x1F)", () => {
    const config = converted(`clients:
  - url: http://127.0.0.1:3100/loki/api/v1/push
    tenant_id: 0042
    external_labels: &fleet
      version: 1.50
      mode: 0755
      canary: yes
      released: 2026-12-06
      mask: 0x1F
      big: 1e3
scrape_configs:
  - job_name: 2024
    static_configs:
      - targets: [10.0.0.1]
        labels:
          <<: *fleet
          y: 1
          __path__: /var/log/app.log
    pipeline_stages:
      - logfmt: { mapping: { n: count, on: state } }
`) as {
      sinks: { loki: Record<string, unknown> };
      sources: Record<string, { targets: unknown }>;
      pipelines: Record<string, { stages: unknown }>;
    };
    const fleet = { version: '1.50', mode: '0755', canary: 'yes', released: '2026-12-06', mask: '0x1F', big: '1e3' };
    expect(config.sinks.loki).toMatchObject({ tenant_id: '0042', external_labels: fleet });
    expect(config.sources['_2024'].targets).toEqual([{ __path__: '/var/log/app.log', ...fleet, y: '1' }]);
    // Keys are names, never booleans (YAML 1.1 would read n as false and on as true).
    expect(config.pipelines['_2024'].stages).toEqual([{ logfmt: { mapping: { n: 'count', on: 'state' } } }]);
  });

  test('a second YAML document is an error at its `---` (yaml.v2 would silently read only the first)', () => {
    expect(issues(`${HEAD}scrape_configs: []\n---\nscrape_configs: []\n`)).toEqual([
      "4:1 : YAML: a second YAML document starts here (`---`); a config file is one document (Go's yaml.v2, which Promtail uses, would silently ignore this one): merge it into the first or remove it",
    ]);
  });

  test('file_sd_configs: a file that is not a list of target groups, or not .json/.yml/.yaml, is an error naming it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'file-sd-'));
    try {
      fs.writeFileSync(path.join(dir, 'broken.json'), '[{"targets": ["localhost"], "labels": {"job": "a"}},\n');
      fs.writeFileSync(path.join(dir, 'typo.yaml'), '- targets: [localhost]\n  lables: { job: a }\n');
      const file = path.join(dir, 'config.yml');
      const text = `${HEAD}scrape_configs:
  - job_name: sd
    file_sd_configs:
      - files: [broken.json, typo.yaml, targets.txt]
      - refresh_interval: 5m
`;
      let error: unknown;
      try {
        parseConfig(text, file, {}, { format: 'promtail' });
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).issues.map((i) => `${i.line}:${i.col} ${i.path}: ${i.message}`)).toEqual([
        `6:17 scrape_configs[0].file_sd_configs[0].files[0]: file_sd file ${dir}/broken.json:2:1: YAML: Flow sequence must end with a ]`,
        `6:30 scrape_configs[0].file_sd_configs[0].files[1]: file_sd file ${dir}/typo.yaml:1:3: target group 0: unknown key "lables" (expected targets and labels)`,
        '6:41 scrape_configs[0].file_sd_configs[0].files[2]: a file_sd file must end in .json, .yml or .yaml, got "targets.txt"',
        '7:9 scrape_configs[0].file_sd_configs[1].files: required key is missing (a list of .json, .yml or .yaml files with target groups)',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('turns gelf and heroku_drain into their sources, with the __ labels dropped after relabel_configs', () => {
    const config = converted(`${HEAD}scrape_configs:
  - job_name: gelf
    gelf: { listen_address: 127.0.0.1:12201, use_incoming_timestamp: true, labels: { job: gelf } }
    relabel_configs:
      - { source_labels: [__gelf_message_host], target_label: host }
  - job_name: gelf-defaults
    gelf: {}
  - job_name: heroku
    heroku_drain:
      server: { http_listen_port: 8080 }
      labels: { job: heroku }
      use_incoming_timestamp: true
`) as { sources: unknown; pipelines: Record<string, { stages: unknown[] }> };
    expect(config.sources).toEqual({
      gelf: {
        type: 'gelf',
        listen_address: '127.0.0.1:12201',
        labels: { job: 'gelf' },
        use_incoming_timestamp: true,
        forward_to: ['pipelines.gelf'],
      },
      'gelf-defaults': { type: 'gelf', listen_address: '0.0.0.0:12201', forward_to: ['pipelines.gelf-defaults'] },
      heroku: {
        type: 'heroku_drain',
        listen_address: '0.0.0.0',
        listen_port: 8080,
        labels: { job: 'heroku' },
        use_incoming_timestamp: true,
        tenant_from_push: true,
        forward_to: ['pipelines.heroku'],
      },
    });
    const drop = { regex: '__.*', action: 'labeldrop' };
    expect(config.pipelines.gelf.stages).toEqual([
      { relabel: { rules: [{ source_labels: ['__gelf_message_host'], target_label: 'host' }, drop] } },
    ]);
    const [herokuDrop] = config.pipelines.heroku.stages as [{ relabel: { rules: [unknown] } }];
    const rule = relabelRuleSchema.parse(herokuDrop.relabel.rules[0]);
    const labels = Object.fromEntries(
      ['__tenant_id__', '__tenant_id', '__tenant_id___', '__tenant_idx', '__t', '__', '__heroku_drain_app', 'job'].map(
        (name) => [name, 'v'],
      ),
    );
    expect(applyRelabel([rule], labels)).toEqual({ __tenant_id__: 'v', job: 'v' });
  });

  test('gelf and heroku_drain keys are checked at their line; windows_events and eventlogmessage are refused with what to use', () => {
    expect(
      issues(`${HEAD}scrape_configs:
  - job_name: gelf
    gelf: { listen_address: ':12201', use_incoming_timestamp: yes please }
  - job_name: heroku
    heroku_drain: { server: { http_listen_port: 8080, http_tls_config: {} }, tls: true }
  - job_name: windows
    windows_events: { eventlog_name: Application }
    pipeline_stages:
      - eventlogmessage: { source: message }
`),
    ).toEqual([
      '5:39 scrape_configs[0].gelf.use_incoming_timestamp: expected boolean, got "yes please"',
      '7:55 scrape_configs[1].heroku_drain.server.http_tls_config: "http_tls_config" is not supported by the collector: the collector\'s own HTTP server is plain HTTP; put a TLS proxy in front of it',
      '7:78 scrape_configs[1].heroku_drain.tls: unknown key "tls" in this Promtail block',
      '9:5 scrape_configs[2].windows_events: "windows_events" is not supported by the collector: Windows event logs cannot be read by the collector; use Grafana Alloy\'s loki.source.windowsevent',
      '11:9 scrape_configs[2].pipeline_stages[0].eventlogmessage: stage "eventlogmessage" is not supported by the collector: Windows event log messages are not read by the collector; remove the stage',
    ]);
    // The collector's own schema checks the converted source, and names the Promtail key.
    expect(issues(`${HEAD}scrape_configs:\n  - job_name: gelf\n    gelf: { listen_address: 12201 }\n`)).toEqual([
      '5:13 scrape_configs[0].gelf.listen_address: expected host:port, e.g. 0.0.0.0:12201 or :12201, got "12201"',
    ]);
  });

  test('proxy settings: asking for no proxy is taken, asking for one is an error (the loki sink connects directly)', () => {
    const client = (keys: string): string =>
      `clients:\n  - url: http://127.0.0.1:3100/loki/api/v1/push\n${keys}scrape_configs: []\n`;
    expect(issues(client('    proxy_from_environment: false\n    no_proxy: localhost\n'))).toEqual([]);
    expect(issues(client('    proxy_from_environment: true\n    proxy_url: http://proxy:3128\n'))).toEqual([
      '3:5 clients[0].proxy_from_environment: the loki sink connects to Loki directly and reads no proxy variables; remove the key or set it to false',
      '4:5 clients[0].proxy_url: "proxy_url" is not supported by the collector: the loki sink connects to Loki directly and supports no proxy; remove the key and let this host reach Loki',
    ]);
  });

  test("a loki_push_api server takes the tuning keys Promtail's server block has, and refuses TLS at its line", () => {
    const push = (keys: string): string => `${HEAD}scrape_configs:
  - job_name: push
    loki_push_api:
      server:
        http_listen_port: 3500
${keys}`;
    const tuning = [
      'grpc_listen_port: 3600',
      'http_server_read_timeout: 30s',
      'http_server_write_timeout: 1m30s',
      'grpc_server_max_recv_msg_size: 8388608',
      'http_listen_network: tcp',
      'log_level: warn',
    ];
    expect(issues(push(tuning.map((k) => `        ${k}\n`).join('')))).toEqual([]);
    expect(issues(push('        http_tls_config: { cert_file: /etc/tls.crt }\n'))).toEqual([
      '8:9 scrape_configs[0].loki_push_api.server.http_tls_config: "http_tls_config" is not supported by the collector: the collector\'s own HTTP server is plain HTTP; put a TLS proxy in front of it',
    ]);
  });
});

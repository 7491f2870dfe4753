import type { Labels } from '../../entry';

/** A worked example for one stage: shown in docs/stages.md and run by its test, so the docs cannot lie. */
export interface StageExample {
  /** A YAML stage list; the last stage is the one documented, earlier ones only set up its input. */
  yaml: string;
  line: string;
  labels?: Labels;
  /** What the example must produce; the test checks the real output against it. */
  expected: {
    dropped?: string;
    ts?: string;
    line?: string;
    labels?: Labels;
    extracted?: Record<string, unknown>;
    structured_metadata?: Labels;
  };
}

/** Examples by stage type. Stages without one are listed in the docs without an example. */
export const stageExamples: Record<string, StageExample> = {
  cri: {
    yaml: '- cri: {}',
    line: '2025-12-26T21:45:32.123456789Z stderr F payment failed: card declined',
    expected: {
      ts: '2025-12-26T21:45:32.123456789Z',
      line: 'payment failed: card declined',
      labels: { stream: 'stderr' },
      extracted: {
        time: '2025-12-26T21:45:32.123456789Z',
        stream: 'stderr',
        flags: 'F',
        content: 'payment failed: card declined',
      },
    },
  },
  docker: {
    yaml: '- docker: {}',
    line: '{"log":"payment accepted\\n","stream":"stdout","time":"2025-12-26T21:45:32.1234567Z"}',
    expected: {
      ts: '2025-12-26T21:45:32.123456700Z',
      line: 'payment accepted\n',
      labels: { stream: 'stdout' },
      extracted: { output: 'payment accepted\n', stream: 'stdout', timestamp: '2025-12-26T21:45:32.1234567Z' },
    },
  },
  regex: {
    yaml: `- regex:
    expression: '^(?P<date>\\S+)\\|(?P<latency>\\d+)\\|(?P<method>[^|]+)\\|(?P<status>[A-Z]+)$'`,
    line: '2025-12-26|300|CashIn|SUCCESS',
    expected: { extracted: { date: '2025-12-26', latency: '300', method: 'CashIn', status: 'SUCCESS' } },
  },
  json: {
    yaml: `- json:
    expressions:
      level: ""
      user: user.name
      request_id: '"request-id"'`,
    line: '{"level":"warn","user":{"name":"ann"},"request-id":"r-7"}',
    expected: { extracted: { level: 'warn', user: 'ann', request_id: 'r-7' } },
  },
  logfmt: {
    yaml: `- logfmt:
    mapping: { level: "", duration: dur }`,
    line: 'level=error dur=1.5s msg="upstream timed out"',
    expected: { extracted: { level: 'error', duration: '1.5s' } },
  },
  static_labels: {
    yaml: '- static_labels: { values: { parse_status: failed, env: prod } }',
    line: 'anything',
    expected: { labels: { parse_status: 'failed', env: 'prod' } },
  },
  labels: {
    yaml: `- regex: { expression: '^(?P<level>\\w+) (?P<code>\\d+)' }
- labels: { values: { level: "", status_code: code } }`,
    line: 'warn 503 upstream down',
    expected: { labels: { level: 'warn', status_code: '503' } },
  },
  structured_metadata: {
    yaml: `- logfmt: { mapping: { trace_id: "" } }
- structured_metadata: { values: { trace_id: "" } }`,
    line: 'msg=ok trace_id=4bf92f3577b34da6',
    expected: { structured_metadata: { trace_id: '4bf92f3577b34da6' } },
  },
  match: {
    yaml: `- match:
    selector: '{app="api"} |= "error"'
    stages:
      - static_labels: { values: { alert: "yes" } }`,
    line: 'an error happened',
    labels: { app: 'api' },
    expected: { labels: { app: 'api', alert: 'yes' } },
  },
  drop: {
    yaml: `- regex: { expression: '^(?P<level>\\w+)' }
- drop: { source: level, value: debug, drop_counter_reason: debug_noise }`,
    line: 'debug cache warmed',
    expected: { dropped: 'debug_noise' },
  },
  output: {
    yaml: `- json: { expressions: { message: msg } }
- output: { source: message }`,
    line: '{"msg":"user signed in","level":"info"}',
    expected: { line: 'user signed in' },
  },
  pack: {
    yaml: '- pack: { labels: [pod], ingest_timestamp: false }',
    line: 'started',
    labels: { job: 'api', pod: 'api-7d9' },
    expected: { line: '{"pod":"api-7d9","_entry":"started"}', labels: { job: 'api' } },
  },
  relabel: {
    yaml: "- relabel:\n    rules:\n      - { source_labels: [__syslog_host], target_label: host }\n      - { regex: '__.*', action: labeldrop }",
    line: 'disk full',
    labels: { __syslog_host: 'db-1', job: 'syslog' },
    expected: { line: 'disk full', labels: { job: 'syslog', host: 'db-1' } },
  },
  label_drop: {
    yaml: '- label_drop: { values: [filename] }',
    line: 'x',
    labels: { job: 'api', filename: '/var/log/api.log' },
    expected: { labels: { job: 'api' } },
  },
  label_keep: {
    yaml: '- label_keep: { values: [job] }',
    line: 'x',
    labels: { job: 'api', filename: '/var/log/api.log', pod: 'api-7d9' },
    expected: { labels: { job: 'api' } },
  },
  decolorize: {
    yaml: '- decolorize: {}',
    line: '\u001b[31mERROR\u001b[0m disk full',
    expected: { line: 'ERROR disk full' },
  },
  replace: {
    yaml: `- replace: { expression: 'password=(\\S+)', replace: '****' }`,
    line: 'login user=ann password=hunter2 ok',
    expected: { line: 'login user=ann password=**** ok' },
  },
  template: {
    yaml: `- regex: { expression: '^(?P<level>\\w+)' }
- template: { source: level, template: '{{ ToUpper .Value }}' }`,
    line: 'warn disk at 91%',
    expected: { extracted: { level: 'WARN' } },
  },
  timestamp: {
    yaml: `- regex: { expression: '^(?P<time>\\S+)' }
- timestamp: { source: time, format: RFC3339Nano }`,
    line: '2025-12-26T21:45:32.123456789Z payment accepted',
    expected: { ts: '2025-12-26T21:45:32.123456789Z' },
  },
  tenant: {
    yaml: `- tenant: { label: team }`,
    line: 'x',
    labels: { team: 'payments' },
    expected: { labels: { team: 'payments', __tenant_id__: 'payments' } },
  },
  redact: {
    yaml: '- redact: {}',
    line: 'password reset sent to ann@example.com',
    expected: { line: 'password reset sent to <EMAIL>' },
  },
  truncate: {
    yaml: `- truncate:
    rule:
      - { limit: 16, suffix: "..." }`,
    line: 'a very long line that Loki would reject one day',
    expected: { line: 'a very long l...' },
  },
  pattern: {
    yaml: `- pattern:
    pattern: '<ip> - - [<_>] "<method> <path> <_>" <status> <_>'`,
    line: '10.0.0.1 - - [26/Dec/2025:21:45:32 +0000] "GET /api/v1/users HTTP/1.1" 200 512',
    expected: { extracted: { ip: '10.0.0.1', method: 'GET', path: '/api/v1/users', status: '200' } },
  },
  structured_metadata_drop: {
    yaml: `- logfmt: { mapping: { trace_id: "", user: "" } }
- structured_metadata: { values: { trace_id: "", user: "" } }
- structured_metadata_drop: { values: [user] }`,
    line: 'msg=ok trace_id=4bf92f3577b34da6 user=ann',
    expected: { structured_metadata: { trace_id: '4bf92f3577b34da6' } },
  },
  luhn: {
    yaml: `- luhn: { replacement: '<card>', delimiters: ' -' }`,
    line: 'charged 4111 1111 1111 1111 for order 1234567890123',
    expected: { line: 'charged <card> for order 1234567890123' },
  },
};

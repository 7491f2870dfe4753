import type { Category, ForwardTo, Severity } from '@obs/schema';
import { createRulesClassifier, type RulesInput } from './classifier';

interface Expected {
  severity: Severity;
  category: Category;
  forwardTo: ForwardTo;
  rule: string;
}

const classifier = createRulesClassifier();

describe('createRulesClassifier', () => {
  test.each<[string, RulesInput, Expected]>([
    [
      'pages on out of memory when the JVM says so',
      { text: 'java.lang.OutOfMemoryError: Java heap space' },
      { severity: 'critical', category: 'availability', forwardTo: 'alerting', rule: 'out_of_memory' },
    ],
    [
      'pages on the kernel OOM killer when it kills a process',
      { text: 'Out of memory: Killed process 4242 (java) total-vm:1234kB' },
      { severity: 'critical', category: 'availability', forwardTo: 'alerting', rule: 'out_of_memory' },
    ],
    [
      'pages on a full disk when a write fails with ENOSPC',
      { text: 'write /data/wal/0001: no space left on device' },
      { severity: 'critical', category: 'availability', forwardTo: 'alerting', rule: 'disk_full' },
    ],
    [
      'pages on a Go panic when a goroutine dump follows',
      { text: 'panic: runtime error: index out of range\n\ngoroutine 1 [running]:\nmain.main()' },
      { severity: 'critical', category: 'availability', forwardTo: 'alerting', rule: 'panic' },
    ],
    [
      'pages on a crash when a process exits non-zero',
      { text: 'worker exited with code 137, restarting' },
      { severity: 'error', category: 'availability', forwardTo: 'alerting', rule: 'crash' },
    ],
    [
      'treats a Java stack frame as an error when no level is given',
      { text: '    at com.example.Foo.bar(Foo.java:42)' },
      { severity: 'error', category: 'error', forwardTo: 'storage', rule: 'stack_trace' },
    ],
    [
      'treats a Python traceback as an error when no level is given',
      { text: 'Traceback (most recent call last):\n  File "app.py", line 3, in <module>' },
      { severity: 'error', category: 'error', forwardTo: 'storage', rule: 'stack_trace' },
    ],
    [
      'flags a failed password as a security warning when sshd logs it',
      { text: 'Failed password for root from 10.0.0.1 port 22 ssh2' },
      { severity: 'warning', category: 'security', forwardTo: 'storage', rule: 'auth_failure' },
    ],
    [
      'flags an invalid user as a security warning when sshd logs it',
      { text: 'Invalid user admin from 10.0.0.1' },
      { severity: 'warning', category: 'security', forwardTo: 'storage', rule: 'auth_failure' },
    ],
    [
      'pages on a break-in attempt when sshd suspects one',
      { text: 'reverse mapping checking getaddrinfo for x.example [1.2.3.4] failed - POSSIBLE BREAK-IN ATTEMPT!' },
      { severity: 'error', category: 'security', forwardTo: 'alerting', rule: 'intrusion' },
    ],
    [
      'flags permission denied as a security error when a file is refused',
      { text: 'open /etc/shadow: permission denied' },
      { severity: 'error', category: 'security', forwardTo: 'alerting', rule: 'access_denied' },
    ],
    [
      'reads an expired certificate as a security error',
      { text: 'x509: certificate has expired or is not yet valid' },
      { severity: 'error', category: 'security', forwardTo: 'alerting', rule: 'tls_failure' },
    ],
    [
      'reads a timeout as a performance warning when a call timed out',
      { text: 'upstream request timed out after 30s' },
      { severity: 'warning', category: 'performance', forwardTo: 'storage', rule: 'timeout' },
    ],
    [
      'reads connection refused as an availability error',
      { text: 'dial tcp 10.0.0.5:5432: connect: connection refused' },
      { severity: 'error', category: 'availability', forwardTo: 'alerting', rule: 'connection_failure' },
    ],
    [
      'reads a reset connection as an availability warning',
      { text: 'read: connection reset by peer' },
      { severity: 'warning', category: 'availability', forwardTo: 'storage', rule: 'connection_lost' },
    ],
    [
      'reads an unavailable service as an availability error',
      { text: 'payments backend is unavailable' },
      { severity: 'error', category: 'availability', forwardTo: 'alerting', rule: 'unavailable' },
    ],
    [
      'reads an invalid config as a configuration error',
      { text: 'invalid configuration: missing key "listen_addr"' },
      { severity: 'error', category: 'configuration', forwardTo: 'storage', rule: 'config_error' },
    ],
    [
      'reads a missing setting as a configuration error',
      { text: 'missing required setting DATABASE_URL' },
      { severity: 'error', category: 'configuration', forwardTo: 'storage', rule: 'config_error' },
    ],
    [
      'reads a deprecation as configuration info',
      { text: 'option --foo is deprecated, use --bar' },
      { severity: 'info', category: 'configuration', forwardTo: 'storage', rule: 'deprecated' },
    ],
    [
      'reads a corrected hardware error as a warning when it was handled',
      { text: 'instruction cache parity error corrected' },
      { severity: 'warning', category: 'error', forwardTo: 'storage', rule: 'recovered' },
    ],
    [
      'reads rate limiting as a performance warning',
      { text: 'client throttled: too many requests' },
      { severity: 'warning', category: 'performance', forwardTo: 'storage', rule: 'throttled' },
    ],
    [
      'records an accepted login as an audit event',
      { text: 'Accepted publickey for deploy from 10.0.0.1 port 50000 ssh2' },
      { severity: 'info', category: 'audit', forwardTo: 'storage', rule: 'audit' },
    ],
    [
      'records sudo as an audit event',
      { text: 'sudo: alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/ls' },
      { severity: 'info', category: 'audit', forwardTo: 'storage', rule: 'audit' },
    ],
    [
      'records a role change as an audit event',
      { text: 'role admin granted to user bob by carol' },
      { severity: 'info', category: 'audit', forwardTo: 'storage', rule: 'audit' },
    ],
    [
      'archives a health check as debug noise when nothing is wrong',
      { text: 'GET /healthz 200 1ms' },
      { severity: 'debug', category: 'noise', forwardTo: 'archive', rule: 'health_check' },
    ],
    [
      'archives a successful request from an access log line',
      { text: '10.0.0.1 - - [x] "GET /index.html HTTP/1.1" 200 512' },
      { severity: 'info', category: 'noise', forwardTo: 'archive', rule: 'http_ok' },
    ],
    [
      'archives a heartbeat as debug noise',
      { text: 'heartbeat from node-3 received' },
      { severity: 'debug', category: 'noise', forwardTo: 'archive', rule: 'health_check' },
    ],
    [
      'archives routine chatter when no rule matches',
      { text: 'cache warmed with entries' },
      { severity: 'info', category: 'noise', forwardTo: 'archive', rule: 'no_signal' },
    ],
    [
      'takes an uppercase ERROR word as the stated level',
      { text: '2024-01-01 ERROR something odd happened here' },
      { severity: 'error', category: 'error', forwardTo: 'storage', rule: 'stated_level' },
    ],
    [
      'keeps the stated INFO level when the content looks like a failure',
      { text: 'INFO retry 1 of 3 failed, will retry' },
      { severity: 'info', category: 'error', forwardTo: 'storage', rule: 'failure' },
    ],
    [
      'raises a stated WARN to critical when the content is out of memory',
      { text: 'WARN cannot allocate memory for buffer' },
      { severity: 'critical', category: 'availability', forwardTo: 'alerting', rule: 'out_of_memory' },
    ],
    [
      'archives a stated DEBUG line as debug',
      { text: 'DEBUG entering handler' },
      { severity: 'debug', category: 'noise', forwardTo: 'archive', rule: 'stated_level' },
    ],
    [
      'reads a syslog priority when the line starts with one',
      { text: '<11>myapp: something bad' },
      { severity: 'error', category: 'error', forwardTo: 'storage', rule: 'stated_level' },
    ],
    [
      'reads level=warn when the line is logfmt',
      { text: 'ts=1 level=warn msg="queue growing"' },
      { severity: 'warning', category: 'error', forwardTo: 'storage', rule: 'stated_level' },
    ],
    [
      'reads a JSON level when the line is JSON',
      { text: '{"level":"fatal","msg":"cannot continue"}' },
      { severity: 'critical', category: 'error', forwardTo: 'alerting', rule: 'failure' },
    ],
    [
      'uses the OTel severity_text attribute when it is set',
      { text: 'user profile refreshed', attributes: { severity_text: 'WARN' } },
      { severity: 'warning', category: 'error', forwardTo: 'storage', rule: 'stated_level' },
    ],
    [
      'uses the OTel severity_number attribute when it is set',
      { text: 'user profile refreshed', attributes: { severity_number: 17 } },
      { severity: 'error', category: 'error', forwardTo: 'storage', rule: 'stated_level' },
    ],
    [
      'reads a 503 from http.status_code as an availability error',
      { text: 'GET /api/orders', type: 'span', attributes: { 'http.status_code': 503 } },
      { severity: 'error', category: 'availability', forwardTo: 'alerting', rule: 'http_5xx' },
    ],
    [
      'reads a 500 from an access log line as an error',
      { text: '10.0.0.1 - - [x] "POST /api HTTP/1.1" 500 12' },
      { severity: 'error', category: 'error', forwardTo: 'storage', rule: 'http_5xx' },
    ],
    [
      'reads a 429 as a performance warning',
      { text: 'GET /api', attributes: { 'http.response.status_code': '429' } },
      { severity: 'warning', category: 'performance', forwardTo: 'storage', rule: 'http_429' },
    ],
    [
      'reads a 401 as a security warning',
      { text: 'status=401 path=/admin' },
      { severity: 'warning', category: 'security', forwardTo: 'storage', rule: 'http_auth' },
    ],
    [
      'reads a 403 as a security warning',
      { text: '"GET /admin HTTP/1.1" 403 0' },
      { severity: 'warning', category: 'security', forwardTo: 'storage', rule: 'http_auth' },
    ],
    [
      'reads an error span status as an error when the text says nothing',
      { text: 'charge card', type: 'span', attributes: { 'otel.status_code': 'ERROR' } },
      { severity: 'error', category: 'error', forwardTo: 'storage', rule: 'span_error' },
    ],
    [
      'keeps the content category and raises severity when a span errored with a timeout',
      { text: 'db query timed out', type: 'span', attributes: { 'status.code': 2 } },
      { severity: 'error', category: 'performance', forwardTo: 'storage', rule: 'timeout' },
    ],
  ])('%s', (_behaviour, input, expected) => {
    expect(classifier.classify(input)).toMatchObject(expected);
  });

  test('gives a confidence within 0..1 and a reason naming the rule when a rule decides', () => {
    const decision = classifier.classify({ text: 'Failed password for root from 10.0.0.1 port 22 ssh2' });
    expect(decision.confidence).toBeGreaterThan(0.5);
    expect(decision.confidence).toBeLessThanOrEqual(1);
    expect(decision.reason).toContain('auth_failure');
  });

  test('is more confident when the stated level agrees with the rule than when it does not', () => {
    const agreeing = classifier.classify({ text: 'ERROR connection refused by db' });
    const alone = classifier.classify({ text: 'connection refused by db' });
    const disagreeing = classifier.classify({ text: 'DEBUG connection refused by db' });
    expect(agreeing.confidence).toBeGreaterThan(alone.confidence);
    expect(disagreeing.confidence).toBeLessThan(alone.confidence);
  });

  test.each<[string, string, Partial<Expected> & { reason: string }]>([
    [
      'raises a stated INFO to critical and says so when the content is out of memory',
      '2024-03-05T10:15:30Z INFO supervisor: Out of memory: Killed process 4242 (java)',
      {
        severity: 'critical',
        rule: 'out_of_memory',
        reason: 'stated level INFO (header); raised: out of memory (rule out_of_memory)',
      },
    ],
    [
      'raises a stated WARN to critical when the content reports data loss',
      '2024-03-05 10:15:30,001 WARN [wal] store.Journal: 12 writes lost after checksum mismatch',
      {
        severity: 'critical',
        rule: 'data_loss',
        reason: 'stated level WARN (header); raised: data loss or corruption (rule data_loss)',
      },
    ],
    [
      'raises a stated INFO to error when a process was killed by a signal',
      'Mar  5 10:15:30 web-01 supervisord[77]: INFO exited: worker (terminated by signal 9)',
      { severity: 'error', rule: 'killed', reason: 'stated level INFO (header); raised: process killed (rule killed)' },
    ],
    [
      'keeps a stated DEBUG level when the content would raise it',
      'D/MemoryProbe( 812): simulating out of memory for the test harness',
      {
        severity: 'debug',
        rule: 'out_of_memory',
        reason: 'stated level D (header); content: out of memory (rule out_of_memory)',
      },
    ],
    [
      'keeps the stated level over a non-raising finding and names both',
      '2024-03-05 10:15:30,001 WARN [main] org.acme.Db: connection refused by primary, using replica',
      {
        severity: 'warning',
        rule: 'connection_failure',
        reason: 'stated level WARN (header); content: connection failure (rule connection_failure)',
      },
    ],
    [
      'reads a logcat one-letter level from the header of a raw line',
      '03-05 10:15:30.123  1820  1903 D PowerManager: acquire lock=1, flags=0x1',
      { severity: 'debug', rule: 'stated_level', reason: 'stated level D (header)' },
    ],
    [
      'reads a caught exception as a warning when no level is stated',
      'caught end of stream exception',
      { severity: 'warning', rule: 'exception', reason: 'exception (rule exception)' },
    ],
    [
      'reads an unexpected exception as an error when no level is stated',
      'Unexpected exception in request loop',
      { severity: 'error', rule: 'unhandled_exception', reason: 'unhandled exception (rule unhandled_exception)' },
    ],
    [
      'reads a machine check as critical when no level is stated',
      'machine check interrupt on cpu 3',
      { severity: 'critical', rule: 'hardware_fault', reason: 'hardware fault (rule hardware_fault)' },
    ],
  ])('%s', (_behaviour, text, expected) => {
    expect(classifier.classify({ text })).toMatchObject(expected);
  });

  test('classifies a parsed line by its stated level and message when a stream parser split it', () => {
    const decision = classifier.classifyParsed({
      parsed: { message: 'disk scrub complete', level: { raw: 'W', severity: 'warning', source: 'header' } },
    });
    expect(decision).toMatchObject({ severity: 'warning', rule: 'stated_level', reason: 'stated level W (header)' });
  });

  test('lets the content rules decide when a parsed line states no level', () => {
    expect(classifier.classifyParsed({ parsed: { message: 'upstream request timed out after 30s' } })).toMatchObject({
      severity: 'warning',
      rule: 'timeout',
    });
  });

  test('decides from the head of the text when the text is very long', () => {
    const decision = classifier.classify({ text: `ERROR boom ${'x'.repeat(100_000)} out of memory` });
    expect(decision).toMatchObject({ severity: 'error', rule: 'stated_level' });
  });
});

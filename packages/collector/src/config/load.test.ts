import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { z } from 'zod';
import { ConfigError, type ConfigIssue } from '../errors';
import { sinkDefinitions } from '../sinks/registry';
import { sourceDefinitions } from '../sources/registry';
import { loadConfig, parseConfig } from './load';

// Stand-in component types so these tests do not depend on which real sources and sinks are registered.
sourceDefinitions.test_listener = {
  type: 'test_listener',
  description: 'test-only source type; listens nowhere',
  config: z.strictObject({ listen_address: z.string().default('0.0.0.0'), listen_port: z.number().int() }),
  create: () => {
    throw new Error('not built in config tests');
  },
};
sinkDefinitions.test_sink = {
  type: 'test_sink',
  description: 'test-only sink type; sends nowhere',
  config: z.strictObject({ url: z.string().url().optional() }),
  create: () => {
    throw new Error('not built in config tests');
  },
};

function issuesOf(text: string, env: NodeJS.ProcessEnv = {}, file = '/cfg/collector.yaml'): ConfigIssue[] {
  try {
    parseConfig(text, file, env);
  } catch (err) {
    if (err instanceof ConfigError) return err.issues;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

function lines(issues: ConfigIssue[]): string[] {
  return issues.map((i) => `${i.line}:${i.col} ${i.path}: ${i.message}`);
}

const VALID = `
server:
  http_listen_port: 0
sources:
  push:
    type: test_listener
    listen_port: 3500
    forward_to: [pipelines.tx]
pipelines:
  tx:
    stages:
      - static_labels: { values: { parse_status: failed } }
      - regex: { expression: '^(?P<method>\\w+) (?P<status>\\d+)$' }
      - labels: { values: { method: "", status: } }
      - match:
          selector: '{method=~".+"}'
          stages:
            - static_labels: { values: { parse_status: success } }
    routes:
      - { selector: '{status="500"}', forward_to: [sinks.alerting] }
    default_forward_to: [sinks.storage]
sinks:
  alerting: { type: test_sink }
  storage: { type: test_sink, url: "\${STORAGE_URL:-http://127.0.0.1:3100}" }
`;

describe('parseConfig', () => {
  test('returns the sources, pipelines and sinks with parsed configs when the config is valid', () => {
    const config = parseConfig(VALID, '/cfg/collector.yaml', {});
    expect(config.server).toEqual({ http_listen_address: '127.0.0.1', http_listen_port: 0 });
    expect(config.storage_path).toBe('/cfg/data/collector'); // from the config file's folder
    expect(config.sources).toEqual([
      {
        id: 'push',
        type: 'test_listener',
        forward_to: ['pipelines.tx'],
        config: { listen_address: '0.0.0.0', listen_port: 3500 },
      },
    ]);
    expect(config.pipelines.map((p) => [p.id, p.stages.map((s) => s.type)])).toEqual([
      ['tx', ['static_labels', 'regex', 'labels', 'match']],
    ]);
    expect(config.pipelines[0].routes[0].selector.matches({ labels: { status: '500' }, line: '' })).toBe(true);
    expect(config.pipelines[0].default_forward_to).toEqual(['sinks.storage']);
    expect(config.sinks[1]).toEqual({ id: 'storage', type: 'test_sink', config: { url: 'http://127.0.0.1:3100' } });
    expect(Object.isFrozen(config.pipelines[0])).toBe(true);
  });

  test.each([
    [
      'reports an unknown key with its line, column and path when a stage has a typo',
      'pipelines:\n  p:\n    stages:\n      - regex: { expresion: "(?P<a>a)" }\n    forward_to: [sinks.s]\nsinks:\n  s: { type: test_sink }\n',
      [
        '4:9 pipelines.p.stages[0].regex.expression: required key is missing (expected string)',
        '4:18 pipelines.p.stages[0].regex.expresion: unknown key "expresion"',
      ],
    ],
    [
      'says what was expected and what was found when a value has the wrong type',
      'server:\n  http_listen_port: "abc"\n',
      ['2:3 server.http_listen_port: expected number, got string'],
    ],
    [
      'lists the known types when a source type is unknown',
      'sources:\n  a: { type: nope, forward_to: [sinks.s] }\nsinks:\n  s: { type: test_sink }\n',
      [
        expect.stringMatching(
          /^2:8 sources\.a\.type: unknown source type "nope" \(expected one of .*test_listener.*\)$/,
        ),
      ],
    ],
    [
      "reports a misspelt forward_to as an unknown key beside the missing one, and the type's own issues with them",
      'sources:\n  a:\n    type: test_listener\n    listen_port: "1"\n    forwad_to: [sinks.s]\nsinks:\n  s: { type: test_sink }\n',
      [
        '2:3 sources.a.forward_to: required key is missing (expected array)',
        '4:5 sources.a.listen_port: expected number, got string',
        '5:5 sources.a.forwad_to: unknown key "forwad_to"',
      ],
    ],
    [
      'rejects forward_to on a sink, which sends nowhere further',
      'sinks:\n  s: { type: test_sink, forward_to: [sinks.t] }\n  t: { type: test_sink }\n',
      ['2:25 sinks.s.forward_to: unknown key "forward_to"'],
    ],
    [
      'reports a target that does not exist at the place it is written',
      'sources:\n  a:\n    type: test_listener\n    listen_port: 1\n    forward_to: [pipelines.missing]\n',
      ['5:18 sources.a.forward_to[0]: target pipelines.missing does not exist'],
    ],
    [
      'reports a cycle between pipelines',
      'pipelines:\n  a: { stages: [], forward_to: [pipelines.b] }\n  b: { stages: [], forward_to: [pipelines.a] }\n',
      ['2:33 pipelines.a.forward_to[0]: cycle: pipelines.a -> pipelines.b -> pipelines.a'],
    ],
    [
      'reports two components claiming one listen address',
      'server: { http_listen_port: 3500 }\nsources:\n  a: { type: test_listener, listen_port: 3500, forward_to: [sinks.s] }\nsinks:\n  s: { type: test_sink }\n',
      ['3:29 sources.a.listen_port: 0.0.0.0:3500 is already claimed by server.http_listen_port'],
    ],
    [
      'names the unknown stage type and lists the known ones',
      'pipelines:\n  p:\n    stages: [ { regexp: {} } ]\n    forward_to: [sinks.s]\nsinks:\n  s: { type: test_sink }\n',
      [
        expect.stringMatching(
          /^3:17 pipelines\.p\.stages\[0\]\.regexp: unknown stage type "regexp" \(expected one of .*regex.*\)$/,
        ),
      ],
    ],
    [
      'points at the original text when an unset environment variable is referenced',
      'storage_path: ${DATA_DIR}/collector\n',
      ['1:15 : environment variable DATA_DIR is not set (write ${DATA_DIR:-} to allow it to be empty)'],
    ],
    [
      'keeps columns of the original file when an earlier variable on the line expanded to a longer value',
      'sinks:\n  s: { type: test_sink, url: "http://${HOST}", extra: 1 }\n',
      ['2:48 sinks.s.extra: unknown key "extra"'],
    ],
    [
      'rejects a pipeline with both forward_to missing and routes missing',
      'pipelines:\n  p: { stages: [] }\n',
      ['2:3 pipelines.p: a pipeline has exactly one of `forward_to` or `routes`'],
    ],
    [
      'reports a duplicate id at its second occurrence',
      'sinks:\n  s: { type: test_sink }\n  s: { type: test_sink }\n',
      ['3:3 : YAML: Map keys must be unique'],
    ],
    [
      'reports a YAML syntax error with its position',
      'sources:\n  a: [unclosed\n',
      [expect.stringMatching(/^3:1 : YAML: Flow sequence/)],
    ],
  ])('%s', (_name, text, expected) => {
    expect(lines(issuesOf(text, { HOST: 'a-much-longer-host-name.example' }))).toEqual(expected);
  });

  test('reports every issue at once when there are several in different sections', () => {
    const issues = issuesOf(
      'server: { http_listen_port: -1 }\nsources:\n  a: { type: nope, forward_to: [sinks.s] }\npipelines:\n  p: { stages: [ { drop: {} } ], forward_to: [sinks.x] }\nsinks:\n  s: { type: test_sink, bad: 1 }\n',
    );
    expect(issues.map((i) => i.path)).toEqual([
      'server.http_listen_port',
      'sources.a.type',
      'pipelines.p.stages[0].drop',
      'pipelines.p.forward_to[0]',
      'sinks.s.bad',
    ]);
  });

  test('reports an unset variable once, not again as the invalid value it leaves behind', () => {
    expect(lines(issuesOf('sinks:\n  s: { type: test_sink, url: "${URL}" }\n'))).toEqual([
      '2:31 : environment variable URL is not set (write ${URL:-} to allow it to be empty)',
    ]);
  });

  test('expands ${VAR:-default} with the default when the variable is empty or unset', () => {
    const config = parseConfig('storage_path: ${A:-/x}/${B:-y}\n', '/c.yaml', { A: '' });
    expect(config.storage_path).toBe('/x/y');
  });

  test('leaves variables alone on comment lines when they are not set', () => {
    expect(parseConfig('# url: ${NOT_SET}\nstorage_path: /d\n', '/c.yaml', {}).storage_path).toBe('/d');
  });

  test('orders pipelines after the pipelines they forward to', () => {
    const config = parseConfig(
      'pipelines:\n  a: { stages: [], forward_to: [pipelines.b] }\n  b: { stages: [], forward_to: [sinks.s] }\nsinks:\n  s: { type: test_sink }\n',
      '/c.yaml',
      {},
    );
    expect(config.pipelines.map((p) => p.id)).toEqual(['b', 'a']);
  });
});

describe('loadConfig with modules', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'collector-config-'));
    fs.mkdirSync(path.join(dir, 'modules'));
    fs.writeFileSync(
      path.join(dir, 'modules', 'tx.yaml'),
      [
        'arguments:',
        '  job: { description: job label }',
        '  status_label: { default: status }',
        'pipelines:',
        '  pipeline:',
        '    stages:',
        '      - static_labels: { values: { job: "${args.job}" } }',
        "      - regex: { expression: '(?P<${args.status_label}>\\d+)' }",
        '',
      ].join('\n'),
    );
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const main = (args: string): string =>
    `imports:\n  tx: ./modules/tx.yaml\npipelines:\n  prod:\n    module: tx.pipeline\n    arguments: ${args}\n    forward_to: [sinks.s]\nsinks:\n  s: { type: test_sink }\n`;

  test('instantiates the module pipeline with the arguments and defaults when they are valid', async () => {
    fs.writeFileSync(path.join(dir, 'c.yaml'), main('{ job: prod }'));
    const config = await loadConfig(path.join(dir, 'c.yaml'), {});
    expect(config.pipelines[0].module).toBe('tx.pipeline');
    expect(config.pipelines[0].stages).toEqual([
      { type: 'static_labels', config: { values: { job: 'prod' } } },
      {
        type: 'regex',
        config: expect.objectContaining({ expression: expect.objectContaining({ groupNames: ['status'] }) }),
      },
    ]);
  });

  test('reports a missing required argument and an undeclared one at the module use', async () => {
    fs.writeFileSync(path.join(dir, 'c.yaml'), main('{ jobb: prod }'));
    const err = await loadConfig(path.join(dir, 'c.yaml'), {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect(lines((err as ConfigError).issues)).toEqual([
      '6:5 pipelines.prod.arguments: required argument "job" of module tx is missing',
      '6:18 pipelines.prod.arguments.jobb: module tx declares no argument "jobb" (it declares job, status_label)',
    ]);
  });

  test('reports a bad stage inside the module file with the module file position and the use', async () => {
    fs.writeFileSync(path.join(dir, 'c.yaml'), main('{ job: prod, status_label: "bad-name" }'));
    const err = (await loadConfig(path.join(dir, 'c.yaml'), {}).catch((e: unknown) => e)) as ConfigError;
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0].file).toBe(path.join(dir, 'modules', 'tx.yaml'));
    expect(lines(err.issues)[0]).toMatch(
      /^8:18 pipelines\.pipeline\.stages\[1\]\.regex\.expression: .*\(in module use pipelines\.prod\)$/,
    );
  });

  test('says a module file is checked where it is imported when it is validated on its own', () => {
    const module =
      'arguments:\n  job: { default: app }\npipelines:\n  p:\n    stages: [ { static_labels: { values: { job: "${args.job}" } } } ]\n';
    expect(lines(issuesOf(module))).toEqual([
      '1:1 : this is a module file (only arguments and pipelines); it is checked where a config imports it (`imports: { NAME: FILE }`): validate that config',
    ]);
  });

  test('reports a missing config file as a config error', async () => {
    const err = (await loadConfig(path.join(dir, 'nope.yaml')).catch((e: unknown) => e)) as ConfigError;
    expect(err.message).toContain('cannot read config file: ENOENT');
  });
});

describe('parseConfig extras', () => {
  test("checks targets written in a source type's own *_forward_to keys", () => {
    sourceDefinitions.test_multi = {
      type: 'test_multi',
      description: 'test-only source with a second target list',
      config: z.strictObject({ traces_forward_to: z.array(z.string()).default([]) }),
      create: () => {
        throw new Error('not built in config tests');
      },
    };
    const issues = issuesOf(
      'sources:\n  a: { type: test_multi, forward_to: [sinks.s], traces_forward_to: [sinks.nope] }\nsinks:\n  s: { type: test_sink }\n',
    );
    expect(lines(issues)).toEqual(['2:69 sources.a.traces_forward_to[0]: target sinks.nope does not exist']);
  });
});

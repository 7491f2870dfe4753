import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { main } from '../src/cli';

// Each folder under test/promtail is a Promtail config with fixture lines and the entries Promtail's documented
// behaviour gives them; `@DIR@` stands for a fresh temporary folder.
const CASES_DIR = path.join(__dirname, 'promtail');
const CASES = fs.readdirSync(CASES_DIR).filter((d) => fs.existsSync(path.join(CASES_DIR, d, 'expected.ndjson'))).sort();

interface Entry {
  ts: string;
  labels: Record<string, string>;
  structured_metadata: Record<string, string>;
  line: string;
}

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c: Buffer) => out.push(c.toString()));
  stderr.on('data', (c: Buffer) => err.push(c.toString()));
  const code = await main(argv, { stdin: Readable.from(['']), stdout, stderr, env: {} });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** Entries as dry-run prints them; a timestamp taken at read time (within the run) reads as "read". */
function entries(stdout: string, fromMs: number, toMs: number): Entry[] {
  return stdout.trim().split('\n').filter(Boolean).map((text) => {
    const { ts, labels, structured_metadata, line } = JSON.parse(text) as Entry;
    const ms = Date.parse(`${ts.slice(0, 23)}Z`);
    return { ts: ms >= fromMs && ms <= toMs ? 'read' : ts, labels, structured_metadata, line };
  });
}

describe('Promtail configs in test/promtail', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promtail-case-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function prepare(name: string): { config: string; input: string; expected: Entry[] } {
    const read = (file: string): string => fs.readFileSync(path.join(CASES_DIR, name, file), 'utf8').replaceAll('@DIR@', dir);
    const config = path.join(dir, 'promtail.yaml');
    fs.writeFileSync(config, read('promtail.yaml'));
    const input = path.join(dir, 'logs', read('input-name').trim());
    fs.mkdirSync(path.dirname(input), { recursive: true });
    fs.copyFileSync(path.join(CASES_DIR, name, 'input.log'), input);
    const expected = read('expected.ndjson').trim().split('\n').map((l) => JSON.parse(l) as Entry);
    return { config, input, expected };
  }

  test.each(CASES)('%s: dry-run of the Promtail file gives the expected entries', async (name) => {
    const { config, input, expected } = prepare(name);
    const from = Date.now();
    const result = await cli(['dry-run', '-c', config, '--input', input]);
    expect(result.stderr).toMatch(/^dry-run /);
    expect(result.code).toBe(0);
    expect(entries(result.stdout, from, Date.now())).toEqual(expected);
  });

  test.each(CASES)('%s: the config `collector convert` prints gives the same entries', async (name) => {
    const { config, input, expected } = prepare(name);
    const converted = await cli(['convert', config]);
    expect(converted.code).toBe(0);
    const file = path.join(dir, 'collector.yaml');
    fs.writeFileSync(file, converted.stdout);
    const from = Date.now();
    const result = await cli(['dry-run', '-c', file, '--config.format=collector', '--input', input]);
    expect(result.code).toBe(0);
    expect(entries(result.stdout, from, Date.now())).toEqual(expected);
  });
});

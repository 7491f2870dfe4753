import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from './cli';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await main(argv, { stdout, stderr });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

describe('transactions-generator main', () => {
  test('writes exactly --count lines to stdout, repeatably with --seed and --start', async () => {
    const argv = ['--rate', '0', '--count', '2500', '--seed', '5', '--start', '2025-12-26T00:00:00Z'];
    const first = await run(argv);
    expect(first.code).toBe(0);
    expect(first.stdout.split('\n')).toHaveLength(2501);
    expect((await run(argv)).stdout).toBe(first.stdout);
  });

  test('appends to --output when given a file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-gen-'));
    try {
      const file = path.join(dir, 'transactions.log');
      fs.writeFileSync(file, 'existing\n');
      await run(['--rate', '0', '--count', '3', '--output', file]);
      expect(fs.readFileSync(file, 'utf8').split('\n').slice(0, 1)).toEqual(['existing']);
      expect(fs.readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(4);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('exits 2 and prints usage when an option is bad', async () => {
    const result = await run(['--malformed-share', '2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--malformed-share must be a number from 0 to 1');
    expect(result.stderr).toContain('Usage: transactions-generator');
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileGlob, expandGlob } from './glob';

describe('glob', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glob-'));
    for (const f of ['a.log', 'b.log', 'c.txt', 'x1.log', 'sub/d.log', 'sub/deep/e.log', 'sub/deep/f.txt']) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), '');
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const match = async (pattern: string) => (await expandGlob(compileGlob(path.join(dir, pattern)))).map((f) => path.relative(dir, f));

  test.each([
    ['*.log', ['a.log', 'b.log', 'x1.log']],
    ['?.log', ['a.log', 'b.log']],
    ['**/*.log', ['a.log', 'b.log', 'sub/d.log', 'sub/deep/e.log', 'x1.log']],
    ['sub/**', ['sub/d.log', 'sub/deep/e.log', 'sub/deep/f.txt']],
    ['*/*.log', ['sub/d.log']],
    ['a.log', ['a.log']],
    ['nothing/*.log', []],
  ])('matches %s', async (pattern, expected) => {
    expect(await match(pattern)).toEqual(expected);
  });

  test('keeps the folder before the first wildcard as the base', () => {
    expect(compileGlob('/var/log/app/*.log').base).toBe('/var/log/app');
  });
});

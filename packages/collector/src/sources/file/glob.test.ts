import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileExclude, compileGlob, expandGlob } from './glob';

describe('glob', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glob-'));
    const files = [
      'a.log',
      'b.log',
      'c.txt',
      'x1.log',
      'x2.log',
      'x10.log',
      '.hidden.log',
      '{a,b}.log',
      'sub/d.log',
      'sub/deep/e.log',
      'sub/deep/f.txt',
      'other/g.log',
      'other/deep/h.log',
      'third/i.log',
    ];
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), '');
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const match = async (pattern: string, exclude?: string) =>
    (await expandGlob(compileGlob(path.join(dir, pattern)), compileExclude(exclude && path.join(dir, exclude)))).map(
      (f) => path.relative(dir, f),
    );

  test.each([
    ['*.log', ['.hidden.log', 'a.log', 'b.log', 'x1.log', 'x10.log', 'x2.log', '{a,b}.log']],
    ['?.log', ['a.log', 'b.log']],
    [
      '**/*.log',
      [
        '.hidden.log',
        'a.log',
        'b.log',
        'other/deep/h.log',
        'other/g.log',
        'sub/d.log',
        'sub/deep/e.log',
        'third/i.log',
        'x1.log',
        'x10.log',
        'x2.log',
        '{a,b}.log',
      ],
    ],
    ['sub/**', ['sub/d.log', 'sub/deep/e.log', 'sub/deep/f.txt']],
    ['*/*.log', ['other/g.log', 'sub/d.log', 'third/i.log']],
    ['{a,c}.*', ['a.log', 'c.txt']],
    ['{sub,other}/**/*.log', ['other/deep/h.log', 'other/g.log', 'sub/d.log', 'sub/deep/e.log']],
    ['{sub/deep,third}/*.log', ['sub/deep/e.log', 'third/i.log']],
    ['x[0-9].log', ['x1.log', 'x2.log']],
    ['x[!1].log', ['x2.log']],
    ['x[0-9]*.log', ['x1.log', 'x10.log', 'x2.log']],
    ['\\{a,b\\}.log', ['{a,b}.log']],
    ['a.log', ['a.log']],
    ['nothing/*.log', []],
  ])('matches %s', async (pattern, expected) => {
    expect(await match(pattern)).toEqual(expected);
  });

  test.each([
    [
      '**/*.log',
      '**/deep/*',
      [
        '.hidden.log',
        'a.log',
        'b.log',
        'other/g.log',
        'sub/d.log',
        'third/i.log',
        'x1.log',
        'x10.log',
        'x2.log',
        '{a,b}.log',
      ],
    ],
    ['*.log', '{x*,.*}', ['a.log', 'b.log', '{a,b}.log']],
  ])('matches %s without __path_exclude__ %s', async (pattern, exclude, expected) => {
    expect(await match(pattern, exclude)).toEqual(expected);
  });

  test('keeps the folder before the first wildcard as the base', () => {
    expect(compileGlob('/var/log/app/*.log').base).toBe('/var/log/app');
    expect(compileGlob('/var/log/{app,web}/*.log').base).toBe('/var/log');
  });
});

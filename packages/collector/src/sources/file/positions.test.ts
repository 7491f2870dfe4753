import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Positions } from './positions';

describe('Positions', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'positions-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('reloads what was committed when opened again', async () => {
    const file = path.join(dir, 'positions.json');
    const p = await Positions.load(file);
    await p.commit({ path: '/a.log', dev: 1, ino: 2, offset: 30, size: 40 });
    await Promise.all([
      p.commit({ path: '/b.log', dev: 1, ino: 3, offset: 5, size: 5 }),
      p.commit({ path: '/a.log', dev: 1, ino: 2, offset: 40, size: 40 }),
    ]);
    const again = await Positions.load(file);
    expect(again.get('/a.log')).toEqual({ path: '/a.log', dev: 1, ino: 2, offset: 40, size: 40 });
    expect(again.get('/b.log')?.offset).toBe(5);
    expect(fs.readdirSync(dir)).toEqual(['positions.json']);
  });

  test('names the file when it is not valid JSON', async () => {
    const file = path.join(dir, 'positions.json');
    fs.writeFileSync(file, '{broken');
    await expect(Positions.load(file)).rejects.toThrow(`positions file ${file} is not valid JSON`);
  });
});

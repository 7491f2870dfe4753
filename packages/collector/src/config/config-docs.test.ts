import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError, formatIssue } from '../errors';
import { parseConfig } from './load';

// docs/config.md shows real configs and a real validate run; these tests keep them true.
const DOC = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'config.md'), 'utf8');
const EXAMPLE_DIR = path.join(__dirname, '..', '..', '..', '..', 'examples', 'transactions');

function blockAfter(heading: string, fence: string): string {
  const at = DOC.indexOf(heading);
  if (at < 0) throw new Error(`docs/config.md has no "${heading}"`);
  const start = DOC.indexOf('```' + fence + '\n', at) + fence.length + 4;
  return DOC.slice(start, DOC.indexOf('```', start));
}

describe('docs/config.md', () => {
  test('the layout example is a valid config', () => {
    const config = parseConfig(blockAfter('## Layout', 'yaml'), path.join(EXAMPLE_DIR, 'collector.yaml'), {});
    expect(config.pipelines.map((p) => p.id).sort()).toEqual(['by_severity', 'transactions']);
  });

  test('the validation error example prints exactly the issues shown', () => {
    const yaml = blockAfter('A real run against a broken file', 'yaml');
    const shown = blockAfter('A real run against a broken file', 'text')
      .split('\n')
      .filter((l) => l.startsWith('collector.yaml:'));
    let issues: string[] = [];
    try {
      parseConfig(yaml, path.join(EXAMPLE_DIR, 'collector.yaml'), {});
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      issues = err.issues.map((i) => formatIssue({ ...i, file: path.basename(i.file) }));
    }
    expect(issues).toEqual(shown);
  });
});

import * as fs from 'node:fs';
import * as path from 'node:path';
import { waitFor } from '@obs/schema/testing';
import { usePromtailRun } from './support/promtail-run';

// Log rotation under a Promtail static_configs glob, as logrotate does it: by rename (create) and by copytruncate.
// As Promtail tails: every line once, a file renamed away read to its end, a truncated one read again from its start.
describe('a Promtail file job while logrotate rotates its files', () => {
  const run = usePromtailRun('promtail-rotation-');

  test('sends every line once through a rename and a copytruncate, and not the rotated copies the glob misses', async () => {
    const logs = path.join(run.dir, 'logs');
    fs.mkdirSync(logs);
    const app = path.join(logs, 'app.log');
    const copy = path.join(logs, 'copy.log');
    fs.writeFileSync(app, 'a1\na2\n');
    fs.writeFileSync(copy, 'c1\n');
    await run.start(`${run.head()}target_config:
  sync_period: 200ms
scrape_configs:
  - job_name: rotating
    static_configs:
      - targets: [localhost]
        labels:
          job: rotating
          __path__: ${logs}/*.log
`);
    await run.receiver.waitForEntries(3);
    const byFile = (file: string): string[] =>
      run.receiver.entries.filter((e) => e.labels.filename === file).map((e) => e.line);
    // create: the last line goes to the old file after its rename, the new file starts empty.
    fs.renameSync(app, `${app}.1`);
    fs.appendFileSync(`${app}.1`, 'a3\n');
    fs.writeFileSync(app, 'b1\n');
    // copytruncate: the copy is made, then the file is cut to 0 and written again.
    fs.appendFileSync(copy, 'c2\n');
    // Lines written between the copy and the cut are lost, with Promtail too: the copy is made once c2 was read.
    await waitFor(() => byFile(copy).includes('c2'), 'c2 read before the copytruncate');
    fs.copyFileSync(copy, `${copy}.1`);
    fs.truncateSync(copy, 0);
    fs.appendFileSync(copy, 'c3\n');
    await run.receiver.waitForEntries(7);
    expect(byFile(app)).toEqual(['a1', 'a2', 'a3', 'b1']);
    expect(byFile(copy)).toEqual(['c1', 'c2', 'c3']);
    expect(run.receiver.entries).toHaveLength(7);
  });
});

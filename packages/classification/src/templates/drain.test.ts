import { createTemplateMiner } from './drain';
import { maskTokens } from './masking';
import { templateIdOf } from './template-id';

describe('createTemplateMiner', () => {
  test('groups lines into one template when they differ only in masked variables', () => {
    const miner = createTemplateMiner();
    const first = miner.add('user 42 failed login from 10.0.0.1');
    const second = miner.add('user 7 failed login from 10.0.0.9');
    expect(first.isNew).toBe(true);
    expect(second).toEqual({
      templateId: first.templateId,
      answerKey: first.templateId,
      template: 'user <*> failed login from <*>',
      isNew: false,
      size: 2,
    });
    expect(miner.clusterCount).toBe(1);
  });

  test('keeps separate templates when lines differ in their constant words', () => {
    const miner = createTemplateMiner();
    const a = miner.add('disk check started on node 4');
    const b = miner.add('disk check finished on node 4');
    expect(a.templateId).not.toBe(b.templateId);
    expect(miner.clusterCount).toBe(2);
  });

  test('generalises a word position to <*> when it shows three distinct values', () => {
    const miner = createTemplateMiner();
    miner.add('Invalid user alice from 10.0.0.1');
    miner.add('Invalid user bob from 10.0.0.2');
    expect(miner.clusterCount).toBe(2);
    const third = miner.add('Invalid user carol from 10.0.0.3');
    expect(third.template).toBe('Invalid user <*> from <*>');
    expect(third.size).toBe(3);
    expect(miner.clusterCount).toBe(1);
    expect(miner.match('Invalid user alice from 10.0.0.1')?.templateId).toBe(third.templateId);
  });

  test('generalises a position that holds a variable-like token when a second line differs there', () => {
    const miner = createTemplateMiner();
    miner.add('job x1y2 done');
    const second = miner.add('job z3w4 done');
    expect(second.template).toBe('job <*> done');
    expect(second.isNew).toBe(false);
  });

  test('gives the same template the same id when mined by separate miners', () => {
    const one = createTemplateMiner().add('cache miss for key 17');
    const two = createTemplateMiner().add('cache miss for key 99');
    expect(one.templateId).toBe(two.templateId);
    expect(one.templateId).toBe(templateIdOf('cache miss for key <*>'));
    expect(one.templateId).toMatch(/^[0-9a-f]{16}$/);
  });

  test('keeps the first id and answer key when a cluster generalises over a variable', () => {
    const miner = createTemplateMiner();
    const before = miner.add('job x1y2 done');
    const after = miner.add('job z3w4 done');
    expect(after.template).toBe('job <*> done');
    expect(after.templateId).toBe(before.templateId);
    expect(after.answerKey).toBe(before.answerKey);
    expect(miner.match('job x1y2 done')?.templateId).toBe(before.templateId);
  });

  test('keeps the id but changes the answer key when a cluster generalises over a word', () => {
    const miner = createTemplateMiner();
    const first = miner.add('connect to alpha failed 3');
    const wider = miner.add('connect to <IPV4> failed 4');
    expect(wider).toMatchObject({ templateId: first.templateId, template: 'connect to <*> failed <*>' });
    expect(wider.answerKey).not.toBe(first.answerKey);
    expect(wider.answerKey.startsWith(first.templateId)).toBe(true);
    expect(miner.add('connect to <IPV4> failed 5').answerKey).toBe(wider.answerKey);
  });

  test('records merged ids so resolve maps them to the surviving id when word siblings merge', () => {
    const miner = createTemplateMiner();
    const alice = [miner.add('Invalid user alice from 10.0.0.1'), miner.add('Invalid user alice from 10.0.0.2')];
    const bob = miner.add('Invalid user bob from 10.0.0.3');
    const carol = miner.add('Invalid user carol from 10.0.0.4');
    expect(carol.templateId).toBe(alice[0]?.templateId);
    expect(bob.templateId).not.toBe(carol.templateId);
    expect(miner.resolve(bob.templateId)).toBe(carol.templateId);
    expect(miner.resolve(carol.templateId)).toBe(carol.templateId);
    expect(carol.answerKey).not.toBe(alice[0]?.answerKey);
  });

  test('keeps serving the answer key of a narrower template to its lines when its cluster merges with others', () => {
    const miner = createTemplateMiner();
    const root = miner.add('login failed for account root via ssh');
    const guest = miner.add('login failed for account guest via ssh');
    const third = miner.add('login failed for account admin via ssh');
    expect(third.answerKey).not.toBe(root.answerKey);
    expect(miner.add('login failed for account root via ssh').answerKey).toBe(root.answerKey);
    expect(miner.add('login failed for account guest via ssh').answerKey).toBe(guest.answerKey);
    expect(miner.add('login failed for account other via ssh').answerKey).toBe(third.answerKey);
  });

  test('scans a bounded number of clusters per line when a leaf holds many', () => {
    const miner = createTemplateMiner({ maxCandidates: 4, maxClusters: 1000 });
    const words = Array.from(
      { length: 200 },
      (_, i) => `w${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}x`,
    );
    for (const w of words) miner.add(`7 ${w} ${w}a ${w}b ${w}c`);
    expect(miner.clusterCount).toBe(200);
    // The oldest cluster is beyond the candidates scanned, but a line that fits it exactly still finds it.
    expect(miner.match(`9 ${words[0]} ${words[0]}a ${words[0]}b ${words[0]}c`)?.isNew).toBe(false);
  });

  test('does not learn when match is called on an unseen line', () => {
    const miner = createTemplateMiner();
    miner.add('request served in 12 ms');
    expect(miner.match('completely different text here')).toBeUndefined();
    expect(miner.match('request served in 40 ms')).toMatchObject({
      template: 'request served in <*>',
      isNew: false,
      size: 1,
    });
    expect(miner.clusterCount).toBe(1);
  });

  test('evicts the least recently used cluster when maxClusters is reached', () => {
    const miner = createTemplateMiner({ maxClusters: 2 });
    miner.add('alpha event happened');
    miner.add('beta thing occurred here');
    miner.match('alpha event happened');
    miner.add('gamma');
    expect(miner.clusterCount).toBe(2);
    expect(miner.match('alpha event happened')).toBeDefined();
    expect(miner.match('beta thing occurred here')).toBeUndefined();
  });

  test('stays within maxClusters when fed many distinct templates', () => {
    const miner = createTemplateMiner({ maxClusters: 50 });
    const words = ['red', 'green', 'blue', 'cyan', 'magenta', 'yellow', 'black', 'white', 'grey', 'pink'];
    for (const a of words) for (const b of words) for (const c of words) miner.add(`${a} ${b} ${c}`);
    expect(miner.clusterCount).toBeLessThanOrEqual(50);
  });

  test('routes lines to the wildcard child when a node has maxChildren children', () => {
    const miner = createTemplateMiner({ maxChildren: 2, depth: 1 });
    miner.add('alpha starts now');
    miner.add('beta starts now');
    miner.add('gamma starts now');
    // beta, gamma and delta share the wildcard child, so a third distinct word generalises them; alpha keeps its own.
    expect(miner.add('delta starts now')).toMatchObject({ template: '<*> starts now', isNew: false, size: 3 });
    expect(miner.clusterCount).toBe(2);
  });

  test.each([
    ['the value of one key differs', 'acquire wake lock name=alpha, pid=7', 'acquire wake lock name=beta, pid=9'],
    ['only the number inside a name differs', 'no server for domain storage234', 'no server for domain storage1412'],
  ])('joins one template at once when %s', (_case, first, second) => {
    const miner = createTemplateMiner();
    const a = miner.add(first);
    expect(miner.add(second)).toMatchObject({ templateId: a.templateId, isNew: false });
  });

  test('keeps templates apart when tokens with a variable differ in their constant words', () => {
    const miner = createTemplateMiner();
    const plain = miner.add('session opened for user <*> by (uid=0)');
    const login = miner.add('session opened for user <*> by LOGIN(uid=0)');
    expect(login.templateId).not.toBe(plain.templateId);
  });

  test('requires more shared tokens when similarityThreshold is higher', () => {
    const loose = createTemplateMiner({ similarityThreshold: 0.5 });
    const strict = createTemplateMiner({ similarityThreshold: 0.9 });
    for (const miner of [loose, strict]) {
      miner.add('worker k9x88 m7z66 q7 ok');
      miner.add('worker a1b22 c3d44 q7 ok');
    }
    expect(loose.clusterCount).toBe(1);
    expect(strict.clusterCount).toBe(2);
  });

  test.each([
    ['depth', { depth: 0 }, /templates\.depth must be an integer >= 1, got 0/],
    [
      'similarityThreshold',
      { similarityThreshold: 1.5 },
      /templates\.similarityThreshold must be within 0\.\.1, got 1\.5/,
    ],
    ['maxChildren', { maxChildren: 1 }, /templates\.maxChildren must be an integer >= 2, got 1/],
    ['maxClusters', { maxClusters: 0 }, /templates\.maxClusters must be an integer >= 1, got 0/],
    ['maxCandidates', { maxCandidates: 0 }, /templates\.maxCandidates must be an integer >= 1, got 0/],
  ])('rejects an invalid %s when the miner is created', (_name, options, message) => {
    expect(() => createTemplateMiner(options)).toThrow(message);
  });

  test('addMasked learns a line split by maskTokens exactly as add learns the line', () => {
    const byText = createTemplateMiner();
    const byTokens = createTemplateMiner();
    for (const line of [
      'user 42 failed login from 10.0.0.1',
      'user 7 failed login from 10.0.0.9',
      'disk check started on node 4',
    ]) {
      expect(byTokens.addMasked(maskTokens(line))).toEqual(byText.add(line));
    }
  });
});

// The judging half of bench/pii/leaks.js on small cases written here.
import { besideIn, judgeSpans, masked, metricNamesAndLabels, occursIn, tallyPaths } from '../../bench/pii/support';

describe('occursIn', () => {
  test('When a value stands in output as is, JSON-escaped or escaped twice (a prompt inside a JSON body), then it is found', () => {
    const value = 'p"w\\d';
    expect(occursIn(`pass ${value} end`, value)).toBe(true);
    expect(occursIn(JSON.stringify({ text: `pass ${value}` }), value)).toBe(true);
    expect(occursIn(JSON.stringify({ content: JSON.stringify({ text: `pass ${value}` }) }), value)).toBe(true);
  });

  test('When a short value is only part of a longer number or word, then it is not found', () => {
    expect(occursIn('ts_ns=1796605880101001000 id=e3a0610010638e00', '1001')).toBe(false);
    expect(occursIn('uid=1001 gid=5', '1001', { before: '=' })).toBe(true);
  });

  test('When a number stands alone in output but beside neither of its neighbours in the line, then it is not that value', () => {
    const beside = besideIn('id => uid=1204(svc) gid=100', '1204');
    expect(occursIn('took 1204 ms', '1204', beside)).toBe(false);
    expect(occursIn('id => uid=1204(<USER>)', '1204', beside)).toBe(true);
  });

  test('When the line itself glued the value to a letter, then output glued the same way counts', () => {
    expect(occursIn('mysql -pS3cr3tx', 'S3cr3tx')).toBe(false);
    expect(occursIn('mysql -pS3cr3tx', 'S3cr3tx', besideIn('run mysql -pS3cr3tx now', 'S3cr3tx'))).toBe(true);
  });
});

describe('masked', () => {
  test('When a value is printed, then only its type, first 3 characters and length appear', () => {
    const text = masked({ type: 'secret_kv', value: 'hunter2-long-secret' });
    expect(text).toBe('secret_kv "hun"+16 (19 chars)');
    expect(text).not.toContain('hunter2');
  });
});

describe('judgeSpans and tallyPaths', () => {
  const lines = [
    { text: 'login ok user=alice', spans: [{ type: 'user', value: 'alice' }] },
    { text: 'token=abc123xyz sent', spans: [{ type: 'secret_kv', value: 'abc123xyz' }] },
    { text: 'bob logged in; ping bob', spans: [{ type: 'user', value: 'bob' }] },
  ];
  // In process alice and the token are redacted; line 3 keeps its first bob (a scanner miss).
  const redacted = ['login ok user=<USER>', 'token=<SECRET_KV> sent', 'bob logged in; ping <USER>'];

  test("When values turn up in a path, then each is a scanner miss, another line's text, or the path's own leak", () => {
    const judged = judgeSpans(lines, redacted, {
      sorter: '{"id":"alice","text":"login ok user=<USER>"} bob',
      collector: 'token=<SECRET_KV> sent',
    });
    expect(judged.map((s) => [s.value, s.missed, s.leakedOn])).toEqual([
      ['alice', false, ['sorter']],
      ['abc123xyz', false, []],
      ['bob', true, ['sorter']],
    ]);
    const tally = tallyPaths(judged, ['sorter', 'collector']);
    expect(tally.sorter).toMatchObject({ leaked: 2, missed: 1, background: 0 });
    expect(tally.sorter?.own.map((s) => s.value)).toEqual(['alice']);
    expect(tally.collector).toMatchObject({ leaked: 0, missed: 0, background: 0, own: [] });
  });

  test("When another line's redacted text keeps the same value, then a hit is background, not the path's own", () => {
    const judged = judgeSpans(
      [
        { text: 'user=carol', spans: [{ type: 'user', value: 'carol' }] },
        { text: 'carol singers', spans: [] },
      ],
      ['user=<USER>', 'carol singers'],
      { sorter: 'carol singers' },
    );
    expect(tallyPaths(judged, ['sorter']).sorter).toMatchObject({ leaked: 1, missed: 0, background: 1, own: [] });
  });
});

describe('metricNamesAndLabels', () => {
  test('When metrics are searched, then sample values are left out and names and label values stay', () => {
    const text = '# TYPE process_max_fds gauge\nprocess_max_fds 20000\nsorter_items_total{type="log",id="u-20000"} 7\n';
    expect(metricNamesAndLabels(text)).toBe(
      '# TYPE process_max_fds\nprocess_max_fds\nsorter_items_total{type="log",id="u-20000"}\n',
    );
  });
});

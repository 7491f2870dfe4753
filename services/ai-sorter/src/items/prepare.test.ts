import { createTemplateMiner, maskTokens } from '@obs/classification';
import { createMetrics } from '../observability/metrics';
import { createItemPreparer } from './item-preparer';
import { createRedactor } from '@obs/pii';
import { createItemTools, prepareItems, redactItems, type IncomingItem } from './prepare';

// The per-item step inline (workers: 0): the same function the worker threads run.
const deps = () => ({
  preparer: createItemPreparer({ workers: 0 }),
  miner: createTemplateMiner(),
  metrics: createMetrics({ defaultMetrics: false }),
});

describe('prepareItems', () => {
  test('mines the message without its header when lines differ in time, host and pid', async () => {
    const prepared = await prepareItems(
      [
        { id: 'a', type: 'log', payload: 'Jun 14 15:16:01 combo sshd[19939]: connection closed by 10.0.0.1' },
        { id: 'b', type: 'log', payload: 'Jun 15 02:04:59 other sshd[20882]: connection closed by 10.0.0.2' },
      ],
      deps(),
    );
    expect(prepared[0]?.templateId).toBe(prepared[1]?.templateId);
    expect(prepared[1]?.template).toBe('connection closed by <*>');
    expect(prepared[1]?.text).toBe('Jun 15 02:04:59 other sshd[20882]: connection closed by <IPV4>');
  });

  test('keeps the level the header states when a line has one', async () => {
    const [item] = await prepareItems(
      [{ id: 'a', type: 'log', payload: '2024-05-01 12:00:00,123 WARN [main] disk almost full' }],
      deps(),
    );
    expect(item?.level).toMatchObject({ severity: 'warning', source: 'header' });
    expect(item?.template).toBe('disk almost full');
  });

  test('groups a host name that embeds a redacted address like the unredacted name when mined', async () => {
    const prepared = await prepareItems(
      [
        { id: 'a', type: 'log', payload: 'reverse lookup (62.99.164.82.sh.example.at) failed' },
        { id: 'b', type: 'log', payload: 'reverse lookup (host-7.example.at) failed' },
      ],
      deps(),
    );
    expect(prepared[0]?.text).not.toContain('62.99.164.82');
    expect(prepared[0]?.templateId).toBe(prepared[1]?.templateId);
  });
});

describe('prepareItems redaction across the header', () => {
  test.each([
    [
      'a sudo line names its user right after the program',
      'Jan  3 04:05:06 bastion sudo:   qpalmer : TTY=pts/1 ; PWD=/srv ; USER=root ; COMMAND=/bin/ls',
      'qpalmer',
    ],
    [
      'an FTP daemon names its user in brackets before the event',
      'Sat Jun  7 11:22:33 2025 [pid 4410] [kbarlow] FAIL LOGIN: Client "192.0.2.77"',
      'kbarlow',
    ],
  ])('When %s, then neither the redacted line nor its template keeps the name', async (_case, line, name) => {
    expect(createRedactor().redact(line).text).not.toContain(name);
    const [item] = await prepareItems([{ id: 'a', type: 'log', payload: line }], deps());
    expect(item?.text).not.toContain(name);
    expect(item?.template).not.toContain(name);
  });

  test('When the header keeps its values, then the template is the message as before', async () => {
    const [item] = await prepareItems(
      [
        {
          id: 'a',
          type: 'log',
          payload: 'Jun 14 15:16:01 combo sshd[19939]: Failed password for ghostly from 10.0.0.9',
        },
      ],
      deps(),
    );
    expect(item?.text).toBe('Jun 14 15:16:01 combo sshd[19939]: Failed password for <USER> from <IPV4>');
    expect(item?.template).toBe('Failed password for <*> from <*>');
  });
});

describe('prepareItems redaction of structured fields', () => {
  test('When a structured body holds credentials and names under keys that say what they are only beside them, then the attributes keep none', async () => {
    const secrets = {
      auth: 'Zq81bXk2Lw93nHf0Tt5sRv7YpQe4Ma6c',
      apiKey: 'Hy6tR2wQ9zLk3Vb8Nm1Px4Cs7Dj0Fg5e',
      token: '77c1e0a9b2d84f3e6a5b9c0d1e2f3a4b5c6d7e8f',
      name: 'orlaith.b',
    };
    const body = {
      msg: 'authentication failed',
      auth: secrets.auth,
      request: { headers: { 'X-Api-Key': [secrets.apiKey] }, Authorization: `Token ${secrets.token}` },
      'user.name': secrets.name,
      status: 401,
    };
    const [item] = await prepareItems([{ id: 'a', type: 'log', payload: body }], deps());
    const sent = JSON.stringify(item);
    for (const value of Object.values(secrets)) expect(sent).not.toContain(value);
    expect(item?.attributes).toMatchObject({ msg: 'authentication failed', status: 401 });
  });

  test('When the field taken as the message is a name only its key reveals, then neither text nor template keeps it', async () => {
    const body = { type: 'user', name: 'tquillon', email: 'tq@example.org', role: 'write' };
    const [item] = await prepareItems([{ id: 'a', type: 'log', payload: body }], deps());
    expect(item?.text).not.toContain('tquillon');
    expect(item?.template).not.toContain('tquillon');
  });
});

describe('redactItems: the timestamps /sort echoes', () => {
  test('When items carry timestamps, then each comes back redacted with its item, in order, and is counted', () => {
    const { lines, redactions } = redactItems(
      [
        { type: 'log', payload: 'a', timestamp: '2026-01-01T00:00:00Z' },
        { type: 'log', payload: 'b' },
        { type: 'log', payload: { message: 'c' }, timestamp: 'seen 10.1.2.3 by jane@example.com' },
      ],
      createItemTools({}),
    );
    expect(lines.map((line) => line.timestamp)).toEqual(['2026-01-01T00:00:00Z', undefined, 'seen <IPV4> by <EMAIL>']);
    expect(redactions).toEqual({ ipv4: 1, email: 1 });
  });
});

describe('prepareItems: where the message starts in the redacted line, from its one redaction', () => {
  /** The message as found before by redacting the header alone too: the redacted line past where the two agree. */
  function messageByHeaderAlone(items: readonly IncomingItem[], hashKey: string | undefined): (string | undefined)[] {
    const { parsers, redactor } = createItemTools(hashKey === undefined ? {} : { piiHashKey: hashKey });
    return items.map(({ payload, attributes }) => {
      const raw = payload as string;
      const parsed = parsers.for(attributes).parse(raw, attributes);
      if (parsed.messageStart === 0 || parsed.message !== raw.slice(parsed.messageStart)) return undefined;
      const text = redactor.redact(raw).text;
      const header = redactor.redact(raw.slice(0, parsed.messageStart)).text;
      let i = 0;
      while (i < text.length && text[i] === header[i]) i++;
      return text.slice(i);
    });
  }

  const headers = [
    'Jun 14 15:16:01 web-3 sshd[19939]: ',
    'May  1 12:00:00 10.20.30.40 kernel: ',
    '2024-05-01 12:00:00,123 WARN [main] ',
    '2024-05-01T12:00:00.123Z INFO ',
    '2024-05-01 12:00:00.123+0000 ERROR [worker-7] ',
    '[2024-05-01 12:00:00] production.ERROR: ',
    'I0501 12:00:00.123456   12345 controller.go:123] ',
    '<34>1 2024-05-01T12:00:00Z host-9 app 1234 ID47 - ',
    '01/05/2024 12:00:00 PM [Thread-3] DEBUG ',
  ];
  const messages = [
    'connection closed by 10.0.0.1 port 22',
    'user jane.doe@example.com changed her phone to +44 20 7946 0958',
    'Failed password for invalid user admin from 192.0.2.7',
    'GET /api/v1/users?email=li%40shop.example.fr 200',
    'payment declined for card 4111 1111 1111 1111',
    'login rejected: password=Zq81bXk2Lw93 for tnakamura',
    'disk almost full',
  ];
  // A stream whose header no fixed shape tells is learned as its first three tokens: a value of several words
  // (an IBAN) can then start in the header and end in the message.
  const learned = Array.from({ length: 64 }, (_, i) => `${1000 + i * 7} ${20000 + i * 13} t${300 + i} job ${i} done`);
  const straddling = ['1999 4410 DE89 3704 0044 0532 0130 00 refused', '2006 4417 GB33 BUKB 2020 1555 5555 55 held'];

  test.each([
    ['plain placeholders', undefined],
    ['hashed placeholders', 'k1'],
  ])('When lines of many header shapes hold values, then the message is as found before (%s)', (_what, hashKey) => {
    const lines = [...headers.flatMap((h) => messages.map((m) => h + m)), ...learned, ...straddling];
    const stream = { 'service.name': 'batch' };
    const items: IncomingItem[] = lines.map((payload, i) => ({
      type: 'log',
      payload,
      ...(i < headers.length * messages.length ? {} : { attributes: stream }),
    }));
    const before = messageByHeaderAlone(items, hashKey);
    const { lines: now } = redactItems(items, createItemTools(hashKey === undefined ? {} : { piiHashKey: hashKey }));
    const compared = before.flatMap((message, i) => (message === undefined ? [] : [i]));
    expect(compared.length).toBeGreaterThan(headers.length * messages.length + learned.length / 2);
    expect(compared.slice(-2)).toEqual([lines.length - 2, lines.length - 1]);
    for (const i of compared)
      expect([lines[i], now[i]?.messageTokens]).toEqual([lines[i], maskTokens(before[i] ?? '')]);
    // The straddling IBAN is the message's, whole.
    expect(now.slice(-2).map((line) => line.messageTokens.join(' '))).toEqual(['<*> refused', '<*> held']);
  });

  test('When only the whole line reveals a name in the header, then the message starts at the header end as for a name kept', async () => {
    const prepared = await prepareItems(
      [
        { id: 'a', type: 'log', payload: '2025-01-09 08:15:42.001+0000 INFO  [svc_backup]: logged in' },
        { id: 'b', type: 'log', payload: '2025-01-09 08:15:43.120+0000 INFO  [ingest-7]: logged in' },
      ],
      deps(),
    );
    expect(prepared[1]?.text).toBe('2025-01-09 08:15:43.120+0000 INFO  [<USER>]: logged in');
    expect(prepared.map((item) => item.template)).toEqual(['logged in', 'logged in']);
  });
});

import { createTemplateMiner } from '@obs/classification';
import { createMetrics } from '../observability/metrics';
import { createItemPreparer } from './item-preparer';
import { createRedactor } from '@obs/pii';
import { prepareItems } from './prepare';

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

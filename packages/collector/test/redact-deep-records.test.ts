import { useCollectorRun } from './support/collector-run';
import { startRedactRun } from './support/redact-run';

const depth = 100_000;
/** JSON text of `leaf` under `depth - 1` objects (`{"a":{"a":…}}`) or arrays, built as text: JSON.stringify overflows. */
function deepJson(kind: 'object' | 'array', leaf: string): string {
  const [open, close] = kind === 'object' ? ['{"a":', '}'] : ['[', ']'];
  return `${open.repeat(depth - 1)}${leaf}${close.repeat(depth - 1)}`;
}

describe('the redact stage on records nested 100,000 deep, through a Loki push', () => {
  const run = useCollectorRun('redact-deep-');

  /** Runs a collector whose pushes go through `stages` to the receiver; answers the push URL. */
  const start = async (stages: string): Promise<string> =>
    (await startRedactRun(run, stages, 'max_line_size_bytes: 4194304')).loki;

  const push = (url: string, line: string, metadata?: Record<string, string>) =>
    fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: `{"streams":[{"stream":{"job":"app"},"values":[${JSON.stringify(['1', line, ...(metadata ? [metadata] : [])])}]}]}`,
    });

  test.each(['object', 'array'] as const)(
    'When structured metadata holds JSON %ss nested 100,000 deep, then its email is replaced and its spelling kept',
    async (kind) => {
      const url = await start('      - redact: {}');
      const leaf = '{"contact":"ops@example.net","password":"Zq81bXk2","port":8443}';
      const res = await push(url, 'deep metadata', { trace: deepJson(kind, leaf), owner: 'jo@example.org' });
      expect(res.status).toBe(204);
      await run.receiver.waitForEntries(1);
      expect(run.receiver.entries[0]?.structuredMetadata).toEqual({
        trace: deepJson(kind, '{"contact":"<EMAIL>","password":"<SECRET_KV>","port":8443}'),
        owner: '<EMAIL>',
      });
    },
  );

  test.each(['object', 'array'] as const)(
    'When a json stage extracts %ss nested 100,000 deep and redact has them as source, then they leave redacted',
    async (kind) => {
      const url = await start(`      - json: { expressions: { attrs: "" } }
      - redact: { source: attrs }
      - output: { source: attrs }`);
      const res = await push(
        url,
        `{"attrs":${deepJson(kind, '{"contact":"ops@example.net","user.name":"hvolkova"}')}}`,
      );
      expect(res.status).toBe(204);
      await run.receiver.waitForEntries(1);
      expect(run.receiver.lines()).toEqual([deepJson(kind, '{"contact":"<EMAIL>","user.name":"<USER>"}')]);
    },
  );
});

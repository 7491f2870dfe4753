import { codecs, type SignalCodec } from './codec';
import { decodeJsonIncrementally } from './decode-json-incremental';
import { decodeProtobufIncrementally } from './decode-protobuf-incremental';
import { protoTypes } from './proto';
import { countEventLoopTurns } from '../../testing/event-loop-turns';
import type { Signal } from './types';

// Every byte a slice (sliceBytes 1) and no size threshold, so the walk, not the one-call decode, answers.
const walkAll = { minBytes: 0, sliceBytes: 1 };

const attrs = (n: number) => [
  { key: 'service.name', value: { stringValue: `svc-${n}` } },
  {
    key: 'deep',
    value: { kvlistValue: { values: [{ key: 'k', value: { arrayValue: { values: [{ intValue: n }] } } }] } },
  },
];

const requests: Record<Signal, Record<string, unknown>> = {
  logs: {
    resourceLogs: [0, 1].map((r) => ({
      resource: { attributes: attrs(r) },
      schemaUrl: 'https://example.com/r',
      scopeLogs: [0, 1].map((s) => ({
        scope: { name: `scope-${s}`, version: '1', attributes: attrs(s) },
        logRecords: [0, 1, 2].map((i) => ({
          timeUnixNano: `${1_700_000_000_000_000_000 + i}`,
          severityNumber: 9,
          body: { stringValue: `line ${r}.${s}.${i}` },
          attributes: attrs(i),
          traceId: '0102030405060708090a0b0c0d0e0f10',
          spanId: '0102030405060708',
        })),
      })),
    })),
  },
  traces: {
    resourceSpans: [0, 1].map((r) => ({
      resource: { attributes: attrs(r) },
      scopeSpans: [
        {
          scope: { name: 's' },
          spans: [0, 1].map((i) => ({
            traceId: '0102030405060708090a0b0c0d0e0f10',
            spanId: `01020304050607${i}0`,
            name: `op ${i}`,
            kind: 2,
            startTimeUnixNano: '1',
            endTimeUnixNano: '2',
            events: [{ name: 'e', attributes: attrs(i) }],
            status: { code: 1 },
          })),
        },
      ],
    })),
  },
  metrics: {
    resourceMetrics: [0, 1].map((r) => ({
      resource: { attributes: attrs(r) },
      scopeMetrics: [
        {
          scope: { name: 'm' },
          metrics: [
            { name: 'up', gauge: { dataPoints: [{ asInt: '1', timeUnixNano: '10', attributes: attrs(r) }] } },
            {
              name: 'lat',
              histogram: {
                aggregationTemporality: 1,
                dataPoints: [{ count: '3', sum: 1.5, bucketCounts: ['1', 2], explicitBounds: [0.5] }],
              },
            },
          ],
        },
      ],
    })),
  },
};

function body<S extends Signal>(signal: S): Uint8Array {
  const codec = codecs[signal] as SignalCodec<S>;
  return codec.encodeProtobuf(codec.decodeJson(JSON.stringify(requests[signal])));
}

/** What a decode answers: its data, or its error's class and message. */
async function outcome(decode: () => unknown): Promise<unknown> {
  try {
    return { data: await decode() };
  } catch (err) {
    return { error: `${(err as Error).name}: ${(err as Error).message}` };
  }
}

/** A small deterministic generator, so a failure replays. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
}

describe('decodeProtobufIncrementally', () => {
  test.each(['logs', 'traces', 'metrics'] as const)(
    'decodes a %s request as the one-call decode does',
    async (signal) => {
      const bytes = body(signal);
      expect(await decodeProtobufIncrementally(signal, bytes, walkAll)).toEqual(codecs[signal].decodeProtobuf(bytes));
    },
  );

  test('names the field of a bad item after checking the rest of the body, as the one-call decode', async () => {
    type Record = { traceId: Uint8Array };
    const wire = protoTypes('logs').request.decode(body('logs')) as {
      resourceLogs: [unknown, { scopeLogs: [{ logRecords: [Record, Record, Record] }, { logRecords: [Record] }] }];
    };
    wire.resourceLogs[1].scopeLogs[0].logRecords[2].traceId = new Uint8Array(3);
    wire.resourceLogs[1].scopeLogs[1].logRecords[0].traceId = new Uint8Array(5);
    const bytes = protoTypes('logs').request.encode(wire).finish();
    const expected = await outcome(() => codecs.logs.decodeProtobuf(bytes));
    expect(expected).toEqual({
      error: 'OtlpWireError: resourceLogs[1].scopeLogs[0].logRecords[2].traceId: expected 16 bytes, got 3',
    });
    expect(await outcome(() => decodeProtobufIncrementally('logs', bytes, walkAll))).toEqual(expected);
    // A wire error after the bad item wins, as it does when the whole message is decoded first.
    const truncated = bytes.subarray(0, bytes.length - 3);
    expect(await outcome(() => decodeProtobufIncrementally('logs', truncated, walkAll))).toEqual(
      await outcome(() => codecs.logs.decodeProtobuf(truncated)),
    );
  });

  test.each(['logs', 'traces', 'metrics'] as const)(
    'answers %s bodies with corrupted bytes exactly as the one-call decode',
    async (signal) => {
      const next = random(12);
      const original = body(signal);
      for (let round = 0; round < 400; round++) {
        const bytes = Uint8Array.from(original);
        for (let flips = 1 + Math.floor(next() * 3); flips > 0; flips--)
          bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
        expect([round, await outcome(() => decodeProtobufIncrementally(signal, bytes, walkAll))]).toEqual([
          round,
          await outcome(() => codecs[signal].decodeProtobuf(bytes)),
        ]);
      }
    },
  );

  test('gives the event loop turns while it decodes a large body', async () => {
    const one = body('logs');
    const repeated = Buffer.concat(Array.from({ length: 2000 }, () => one)); // repeated resourceLogs concatenate
    const turns = countEventLoopTurns();
    const data = await decodeProtobufIncrementally('logs', repeated, { minBytes: 0, sliceBytes: 16 * 1024 });
    turns.stop();
    expect(codecs.logs.count(data)).toBe(2000 * 12);
    expect(turns.count).toBeGreaterThan(repeated.length / (16 * 1024) / 2);
  });
});

describe('decodeJsonIncrementally', () => {
  const json = (signal: Signal, space?: number): Buffer => Buffer.from(JSON.stringify(requests[signal], null, space));
  const both = async (signal: Signal, text: Buffer) => [
    await outcome(() => decodeJsonIncrementally(signal, text, walkAll)),
    await outcome(() => codecs[signal].decodeJson(text.toString('utf8'))),
  ];

  test.each(['logs', 'traces', 'metrics'] as const)(
    'decodes a %s request as the one-call decode does',
    async (signal) => {
      for (const text of [json(signal), json(signal, 2)]) {
        const [incremental, once] = await both(signal, text);
        expect(once).toHaveProperty('data');
        expect(incremental).toEqual(once);
      }
    },
  );

  test('counts the last of a repeated key, as JSON.parse', async () => {
    const good = JSON.stringify(requests.logs.resourceLogs);
    const bad = '[{"scopeLogs":[{"logRecords":[{"traceId":"zz"}]}]}]';
    for (const text of [
      `{"resourceLogs":${bad},"resourceLogs":${good}}`,
      `{"resourceLogs":${good},"resourceLogs":${bad}}`,
      `{"resourceLogs":[{"scopeLogs":5,"scopeLogs":null}]}`,
    ]) {
      const [incremental, once] = await both('logs', Buffer.from(text));
      expect(incremental).toEqual(once);
    }
  });

  test.each(['logs', 'traces', 'metrics'] as const)(
    'answers %s bodies with values of the wrong shape exactly as the one-call decode',
    async (signal) => {
      const next = random(7);
      const replacements: unknown[] = [
        null,
        1,
        -1,
        'x',
        '1',
        true,
        [],
        {},
        [null],
        { a: 1 },
        [1, 'x'],
        { stringValue: 5 },
      ];
      let refused = 0;
      for (let round = 0; round < 400; round++) {
        const request = JSON.parse(JSON.stringify(requests[signal])) as unknown;
        const containers: Record<string, unknown>[] = [];
        const collect = (v: unknown): void => {
          if (typeof v !== 'object' || v === null) return;
          containers.push(v as Record<string, unknown>);
          for (const child of Object.values(v)) collect(child);
        };
        collect(request);
        const target = containers[Math.floor(next() * containers.length)] ?? {};
        const keys = Object.keys(target);
        const key = keys[Math.floor(next() * keys.length)] ?? 'extra';
        target[key] = replacements[Math.floor(next() * replacements.length)];
        const [incremental, once] = await both(signal, Buffer.from(JSON.stringify(request)));
        expect([round, incremental]).toEqual([round, once]);
        if (once !== undefined && 'error' in (once as object)) refused++;
      }
      expect(refused).toBeGreaterThan(40); // the changes reach the checks
    },
  );

  test.each(['logs', 'traces', 'metrics'] as const)(
    'refuses %s bodies with broken syntax as the one-call decode does',
    async (signal) => {
      const next = random(3);
      const original = json(signal);
      const bytes = Buffer.from('{}[],:"\\ 0an-.e');
      for (let round = 0; round < 400; round++) {
        const text = Buffer.from(original);
        text[Math.floor(next() * text.length)] = bytes[Math.floor(next() * bytes.length)] ?? 0x20;
        const [incremental, once] = await both(signal, text);
        // A syntax error names the byte and field instead of V8's position; any other answer is the same.
        const invalid = (o: unknown): boolean =>
          String((o as { error?: string }).error).startsWith('OtlpWireError: invalid JSON:');
        if (invalid(once)) expect([round, invalid(incremental)]).toEqual([round, true]);
        else expect([round, incremental]).toEqual([round, once]);
      }
    },
  );
});

import { trainContextModel, type TrainingSettings } from './train';
import { defaultTrainingSettings } from './train';
import { createScannerWithContextModel } from '../testing/context-scanner';
import type { LabeledLine } from '../testing/score-corpus';

// Our own small corpus: user names after `avatar` and `as`, secrets after `-pw`, and look-alikes in the same places
// (prose words, UUIDs, hex digests, versions) that are no PII.
const names = ['ravi', 'mina_k', 'oleg.s', 'tomas7', 'ayla', 'jun.park', 'femi2', 'lotte_v', 'wren', 'kasia9'];
const secrets = ['Qz8rT2mW9xLp', 'h7Ka0PzQe4Vb', 'Mx2Lq9Rt7Ws3', 'Vb5Nc8Xz1Qa4', 'Tr6Yp3Ls0Kd9'];
const prose = ['joined', 'left', 'expected', 'usual', 'planned', 'needed', 'before', 'today'];

function trainingLines(): LabeledLine[] {
  const lines: LabeledLine[] = [];
  names.forEach((name, i) => {
    lines.push({ text: `[srv] avatar ${name} joined the game`, spans: [{ type: 'user', value: name }] });
    lines.push({
      text: `relay: connected to 10.1.0.${i + 2} as ${name}, tls ok`,
      spans: [{ type: 'user', value: name }],
    });
    const secret = secrets[i % secrets.length] ?? '';
    lines.push({ text: `kadmin -q "addprinc -pw ${secret} ${name}"`, spans: [{ type: 'secret_kv', value: secret }] });
  });
  prose.forEach((word, i) => {
    lines.push({ text: `[srv] avatar count ${i} ${word}`, spans: [] });
    lines.push({ text: `relay: connected as ${word}, tls ok`, spans: [] });
    lines.push({ text: `[srv] avatar session 3f1c9a2e-7b4d-4c1a-9e8f-0a1b2c3d4e5${i} ${word}`, spans: [] });
    lines.push({ text: `relay: build as 2.${i}.1 sha ${'9c4e1f0b'.repeat(5).slice(i)}`, spans: [] });
  });
  return lines;
}

const settings: TrainingSettings = {
  ...defaultTrainingSettings,
  dimension: 1 << 14,
  epochs: 20,
  learningRate: 0.2,
  smallestWeight: 0.01,
};

describe('context model', () => {
  const trained = trainContextModel(trainingLines(), settings);
  const scanner = createScannerWithContextModel(trained.file);

  test('finds a new name in a position no rule covers, and a new secret after a flag no rule knows', () => {
    const rulesAlone = createScannerWithContextModel(null);
    expect(rulesAlone.scan('[srv] avatar zoltan_b joined the game')).toEqual([]);
    expect(scanner.scan('[srv] avatar zoltan_b joined the game')).toEqual([
      { type: 'user', start: 13, end: 21, value: 'zoltan_b' },
    ]);
    expect(scanner.scan('relay: connected to 10.9.9.9 as greta.h, tls ok').map((m) => [m.type, m.value])).toEqual([
      ['ipv4', '10.9.9.9'],
      ['user', 'greta.h'],
    ]);
    expect(scanner.scan('kadmin -q "addprinc -pw Pk3Wz9Lm2Qr8 anon"').map((m) => [m.type, m.value])).toContainEqual([
      'secret_kv',
      'Pk3Wz9Lm2Qr8',
    ]);
  });

  test('prose words, UUIDs, hex digests and versions in those positions are not found', () => {
    for (const text of [
      '[srv] avatar count 12 restarted',
      'relay: connected as intended, tls ok',
      '[srv] avatar session 0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70 resumed',
      'relay: build as 3.4.2 sha 0b7a1c9e4d2f6a8b0c1d3e5f7a9b1c3d5e7f9a0b',
    ]) {
      expect(scanner.scan(text)).toEqual([]);
    }
  });

  test("never overrides a rule's match, and respects the types option", () => {
    expect(scanner.scan('[srv] avatar ana@example.org joined the game').map((m) => m.type)).toEqual(['email']);
    const emailOnly = createScannerWithContextModel(trained.file, { types: ['email'] });
    expect(emailOnly.scan('[srv] avatar zoltan_b joined the game')).toEqual([]);
    const usersOnly = createScannerWithContextModel(trained.file, { types: ['user'] });
    expect(usersOnly.scan('kadmin -q "addprinc -pw Pk3Wz9Lm2Qr8 anon"').map((m) => m.type)).not.toContain('secret_kv');
  });

  test('training is reproducible: the same lines give the same file', () => {
    expect(JSON.stringify(trainContextModel(trainingLines(), settings).file)).toBe(JSON.stringify(trained.file));
  });
});

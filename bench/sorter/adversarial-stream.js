// A seeded, high-cardinality log stream for the miner's worst case: UUIDs, hex ids and numbers in many positions and
// words drawn from a 50,000-word vocabulary, half from 500 templates with variable slots and half free-form lines.
'use strict';

/** mulberry32: a small seeded PRNG, so every run sees the same stream. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const syllables = [
  'ka',
  'lo',
  'mi',
  'ne',
  'ru',
  'sa',
  'ti',
  'vo',
  'xe',
  'zu',
  'bra',
  'cle',
  'dro',
  'fli',
  'gru',
  'pha',
  'qui',
  'sto',
  'tre',
  'wha',
];
const levels = ['INFO', 'WARN', 'ERROR', 'DEBUG'];

function createAdversarialStream({ seed = 42, vocabulary = 50_000, templates = 500 } = {}) {
  const random = prng(seed);
  const pick = (n) => Math.floor(random() * n);
  const words = new Set();
  while (words.size < vocabulary) {
    let w = '';
    for (let n = 2 + pick(3); n > 0; n--) w += syllables[pick(syllables.length)];
    words.add(w);
  }
  const vocab = [...words];
  const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[pick(16)]).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  const variables = [
    () => uuid(),
    () => hex(16),
    () => String(pick(1_000_000)),
    () => `${pick(256)}.${pick(256)}.${pick(256)}.${pick(256)}`,
    () => `id=${pick(99999)}`,
  ];
  const variable = () => variables[pick(variables.length)]();
  const skeletons = Array.from({ length: templates }, () =>
    Array.from({ length: 4 + pick(12) }, () => {
      const r = random();
      if (r < 0.55) return { fixed: vocab[pick(vocab.length)] };
      if (r < 0.85) return { fixed: undefined };
      return { word: true };
    }),
  );
  let second = 0;
  return function nextLine() {
    second++;
    const header = `2024-05-0${1 + (second % 9)}T12:${String(Math.floor(second / 60) % 60).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}.${String(pick(1000)).padStart(3, '0')}Z ${levels[pick(levels.length)]} [worker-${pick(64)}]`;
    const parts = [];
    if (random() < 0.5) {
      for (const slot of skeletons[pick(skeletons.length)])
        parts.push(slot.fixed ?? (slot.word ? vocab[pick(vocab.length)] : variable()));
    } else {
      for (let n = 5 + pick(16); n > 0; n--) parts.push(random() < 0.5 ? vocab[pick(vocab.length)] : variable());
    }
    return `${header} ${parts.join(' ')}`;
  };
}

module.exports = { createAdversarialStream, prng };

import { createLineWords, foldWord, scanWords, wordHash } from './words';

describe('context words', () => {
  test('words split at camelCase; each hash is the hash of the folded word', () => {
    const text = 'dbPassword=X9; ClientUsername: bob42 a0b1c2d3e4f5g6h7k8';
    const words = createLineWords();
    scanWords(text, words);
    const folded = Array.from({ length: words.count }, (_, i) =>
      foldWord(text, words.starts[i] ?? 0, words.ends[i] ?? 0),
    );
    expect(folded).toEqual(['db', 'password', 'x0', 'client', 'username', 'bob00', '~long']);
    folded.forEach((w, i) => expect(words.hashes[i]).toBe(wordHash(w)));
  });

  test('tables grow past 256 words', () => {
    const words = createLineWords();
    scanWords('w '.repeat(1000), words);
    expect(words.count).toBe(1000);
  });
});

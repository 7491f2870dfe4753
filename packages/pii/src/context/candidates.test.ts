import { findCandidates } from './candidates';

function candidates(text: string): string[] {
  const out: string[] = [];
  findCandidates(text, (start, end) => out.push(text.slice(start, end)));
  return out;
}

describe('context candidates', () => {
  test('a chunk, the value after = or :, and the pieces between separators', () => {
    const found = candidates('curl -d "username=root@pam&password=e9YtVmTmKoMM" https://h');
    expect(found).toEqual(expect.arrayContaining(['root', 'pam', 'e9YtVmTmKoMM', 'username', 'password']));
    expect(found).toContain('root@pam&password=e9YtVmTmKoMM');
  });

  test('the name after a DOMAIN\\ prefix, before a realm, and inside quotes and brackets', () => {
    expect(candidates('user CORP\\alice')).toContain('alice');
    expect(candidates('Kerberos: bob_k@EXAMPLE.ORG for krbtgt/EXAMPLE.ORG')).toEqual(
      expect.arrayContaining(['bob_k', 'EXAMPLE.ORG', 'krbtgt']),
    );
    expect(candidates("MCAUSER('carol5') (dosei)")).toEqual(expect.arrayContaining(['carol5', 'dosei']));
  });

  test('sentence punctuation and an escape backslash are trimmed; an escaped line break separates', () => {
    expect(candidates('denied to mallory.')).toContain('mallory');
    expect(candidates('user=m.rossi\\npassword=er14Z')).toEqual(expect.arrayContaining(['m.rossi', 'er14Z']));
  });

  test('each range once, nothing without a letter or digit, nothing of one character', () => {
    const found = candidates('a == -- x=y alice');
    expect(found.filter((c) => c === 'alice')).toHaveLength(1);
    expect(found).not.toContain('==');
    expect(found).not.toContain('x');
  });

  test('a 1 MB chunk of separators gives at most one candidate per piece, plus the chunk and two tails', () => {
    const line = 'a@b.'.repeat(250_000);
    let count = 0;
    findCandidates(line, () => count++);
    expect(count).toBeLessThanOrEqual(250_000 + 3);
  });
});

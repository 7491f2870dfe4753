import { generatedKey } from './generated-key';

describe('a value a generator made', () => {
  const loose = { minEntropy: 3.5 };
  const strict = { minEntropy: 4 };

  it('takes hex of 20+ with a letter and a digit, in one case', () => {
    expect(generatedKey('4f9a0c27be81d3365a7e', loose)).toBe(true);
    expect(generatedKey('4F9A0C27BE81D3365A7E', loose)).toBe(true);
    expect(generatedKey('40912837465019283746', loose)).toBe(false);
    expect(generatedKey('deadbeefcafefacefeedbead', loose)).toBe(false);
  });

  it('takes a mix of small letters, capitals and digits at the entropy asked', () => {
    expect(generatedKey('Qm7vT2xLp9RwZ4kN', loose)).toBe(true);
    expect(generatedKey('aaaaBBBB11112222', loose)).toBe(false);
    // 16 distinct characters are 4 bits a character: the strict threshold needs that much.
    expect(generatedKey('Qm7vT2xLp9RwZ4kN', strict)).toBe(true);
    expect(generatedKey('Qm7vT2xLp9RwZ4kQ', strict)).toBe(false);
  });

  it('refuses the dots of a path and the shapes the caller names', () => {
    expect(generatedKey('Qm7vT2x../Lp9RwZ4kN', loose)).toBe(false);
    expect(generatedKey('Qm7vT2xLp9RwZ4kN', { ...loose, notGenerated: /^Qm/ })).toBe(false);
    expect(generatedKey('https://Qm7vT2xLp9RwZ4kN', { ...strict, notGenerated: /:\/\// })).toBe(false);
  });

  it("refuses a key's file name", () => {
    expect(generatedKey('AuthKey_7Q2K9XJ4LM.p8', loose)).toBe(false);
    expect(generatedKey('Qm7vT2xLp9RwZ4kN.pem', loose)).toBe(false);
  });

  it("refuses a document's or a package's file name", () => {
    expect(generatedKey('Qm7vT2xLp9RwZ4kN.pdf', loose)).toBe(false);
    expect(generatedKey('Qm7vT2xLp9RwZ4kN.jar', loose)).toBe(false);
    expect(generatedKey('Qm7vT2xLp9RwZ4kN.webp', loose)).toBe(false);
  });

  it('reads past a vendor prefix only when asked', () => {
    expect(generatedKey('acme_live_Qm7vT2xLp9RwZ4kN', { ...loose, afterVendorPrefix: true })).toBe(true);
    expect(generatedKey('acme_live_4f9a0c27be81d3365a7e', { ...loose, afterVendorPrefix: true })).toBe(true);
    expect(generatedKey('acme_live_4f9a0c27be81d3365a7e', loose)).toBe(false);
  });
});

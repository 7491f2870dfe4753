import { createPiiScanner } from '../scanner';
import { findValues } from '../testing';
import { createKeyInProseDetector } from './key-in-prose';

describe('a generated key or token after the word that names it', () => {
  const detector = createKeyInProseDetector();
  const scanner = createPiiScanner();

  test.each([
    [
      'hex after api key',
      'quota exceeded for api key 7f31c0a9be2d44e18c5a6b0f93d2e7a1 on /v2/search',
      ['7f31c0a9be2d44e18c5a6b0f93d2e7a1'],
    ],
    [
      'hex after with key',
      'client ready with key 9a0e4b7c21d38f65e0b9a4c7d2e18f3b60a5c9d4 (basic)',
      ['9a0e4b7c21d38f65e0b9a4c7d2e18f3b60a5c9d4'],
    ],
    [
      'capital hex after a device word',
      'provisioned node 12: LoRa key 5C0E19A3B7D24F6E8A1C3B5D7F9E0A2C',
      ['5C0E19A3B7D24F6E8A1C3B5D7F9E0A2C'],
    ],
    [
      'a base64 key after HMAC key',
      'webhook signed with HMAC key Tq3vZ8wLp2Xk9Rm4Ny7Bc1Hd6Fs0Ga5J',
      ['Tq3vZ8wLp2Xk9Rm4Ny7Bc1Hd6Fs0Ga5J'],
    ],
    [
      'a camelCase name and a blank',
      'init: integrationKey Wm4Rt7Yq2Np9Lx3Vb8Kc5Hz1Jd6Fs0Ga set',
      ['Wm4Rt7Yq2Np9Lx3Vb8Kc5Hz1Jd6Fs0Ga'],
    ],
    [
      'a quoted key with a prefix',
      'gateway rejected key "ck_test_4f09b2e7a1c85d36e0f9" for tenant 7',
      ['ck_test_4f09b2e7a1c85d36e0f9'],
    ],
    [
      'a spaced name and =',
      'sync: site key=b81f0c6e2a9d47d3b5e08a1c6f2d9e47 region=eu',
      ['b81f0c6e2a9d47d3b5e08a1c6f2d9e47'],
    ],
    [
      'hex after api token',
      'uploaded frame 118 (api token 0d3e6a9f1b2c4d5e6f708192a3b4c5d6e7f80912)',
      ['0d3e6a9f1b2c4d5e6f708192a3b4c5d6e7f80912'],
    ],
  ])('finds it: %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
    const scanned = scanner.scan(text).map((m) => m.value);
    for (const value of expected) expect(scanned).toContain(value);
  });

  test.each([
    [
      'a key of no secret named before it',
      'cache key 4f1a9c0e2b7d3e6f8a5c1b9d0e2f7a3c, public key Qm8Xr2Lt5Vw9Nb3Kc7Hz1Jd4Fs6Ga0P',
    ],
    [
      'a glued key and its pair, the key rules',
      'PublicKey = Qm8Xr2Lt5Vw9Nb3Kc7Hz1Jd4Fs6Ga0P= auth_pubkey=Wm4Rt7Yq2Np9Lx3Vb8Kc5Hz1Jd6Fs',
    ],
    ['a bare key pair, the key rules', '(token=tok_Zq81Lm4Xv7Bn2Kc9Ty5) key: 4f1a9c0e2b7d3e6f8a5c1b9d'],
    [
      'words, a UUID and a short value',
      'key rotation scheduled; idempotency key 0c1f7e2a-55b9-4e0d-9a61-3f2be7d40c18; key a1b2c3',
    ],
    ['a camelCase word after the key', 'token ServiceAccountTokenProjection enabled; api key MissingPermissionError'],
    ["a key's file name", 'apns: loaded key AuthKey_7Q2K9XJ4LM.p8 and signing key Release_Qm8Xr2Lt5Vw9.pem'],
  ])('leaves %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});

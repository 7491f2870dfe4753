import { createPiiScanner } from '../scanner';
import { findValues } from '../testing';
import { createDeviceKeysDetector } from './device-keys';

describe('the 128-bit keys device standards name', () => {
  const detector = createDeviceKeysDetector();
  const scanner = createPiiScanner();

  test.each([
    [
      "a SIM's Ki and OPc beside its IMSI",
      'provision imsi=001010000012345 Ki=0A1B2C3D4E5F60718293A4B5C6D7E8F9 OPc=f0e1d2c3b4a5968778695a4b3c2d1e0f amf=8000',
      ['0A1B2C3D4E5F60718293A4B5C6D7E8F9', 'f0e1d2c3b4a5968778695a4b3c2d1e0f'],
    ],
    [
      'K and OP in a subscriber line',
      'HSS add IMSI 001019876543210 K 9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b OP: 11223344556677889900aabbccddeeff',
      ['9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b', '11223344556677889900aabbccddeeff'],
    ],
    [
      "a meter's DLMS keys",
      'meter MTR-77 keys loaded: GUEK=5D3A0F9E8C7B6A594837261504F3E2D1 GAK=0F1E2D3C4B5A69788796A5B4C3D2E1F0',
      ['5D3A0F9E8C7B6A594837261504F3E2D1', '0F1E2D3C4B5A69788796A5B4C3D2E1F0'],
    ],
    [
      "a KNX device's FDSK",
      'commissioning 1.1.4 FDSK 7A6B5C4D3E2F1A0B9C8D7E6F5A4B3C2D ok',
      ['7A6B5C4D3E2F1A0B9C8D7E6F5A4B3C2D'],
    ],
    [
      'a LoRaWAN session key',
      'join accepted DevAddr=26011F2B NwkSKey=3c4d5e6f708192a3b4c5d6e7f8091a2b',
      ['3c4d5e6f708192a3b4c5d6e7f8091a2b'],
    ],
  ])('finds %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
    const scanned = scanner.scan(text).map((m) => m.value);
    for (const value of expected) expect(scanned).toContain(value);
  });

  test.each([
    ['K and OP without a subscriber', 'cache k=0A1B2C3D4E5F60718293A4B5C6D7E8F9 op=f0e1d2c3b4a5968778695a4b3c2d1e0f'],
    ['a value of another length', 'imsi 001010000012345 Ki=0A1B2C3D4E5F6071 GUEK=5D3A0F9E8C7B6A594837261504F3E2D1AA'],
    ['digits alone', 'imsi 001010000012345 K=00000000000000000000000000000001'],
    ['the name inside a word', 'skip=0A1B2C3D4E5F60718293A4B5C6D7E8F9 imsi 1 desk 0A1B2C3D4E5F60718293A4B5C6D7E8F9'],
  ])('leaves %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});

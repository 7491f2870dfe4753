import { findValues } from '../testing';
import { createJwtDetector } from './jwt';

const token =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

describe('jwt detector', () => {
  const detector = createJwtDetector();

  test.each([
    ['finds a whole token when it is in a query string', `GET /cb?id_token=${token}&x=1`, [token]],
    [
      'finds an unsigned token when the signature is empty',
      'jwt eyJhbGciOiJub25lIn0.eyJzdWIiOiIxMjMifQ. end',
      ['eyJhbGciOiJub25lIn0.eyJzdWIiOiIxMjMifQ.'],
    ],
    ['finds the three parts when a sentence continues after a dot', `token ${token}.Next`, [token]],
    [
      'finds all five parts when the token is a JWE',
      'jwe eyJhbGciOiJSU0EtT0FFUCJ9.OKOawDo13gRp.48V1_ALb6US04U3b.5eym8TW_c8SuK.XFBoMYUZodetZdvTiFvSkQ ok',
      ['eyJhbGciOiJSU0EtT0FFUCJ9.OKOawDo13gRp.48V1_ALb6US04U3b.5eym8TW_c8SuK.XFBoMYUZodetZdvTiFvSkQ'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['ignores a lone base64 JSON segment when there is no payload', 'hdr eyJhbGciOiJIUzI1NiJ9 only'],
    ['ignores dotted words when they are not base64 JSON', 'a.b.c and com.example.Main'],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});

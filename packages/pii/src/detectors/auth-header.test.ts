import { findValues } from '../testing';
import { createAuthHeaderDetector } from './auth-header';

describe('auth header detector', () => {
  const detector = createAuthHeaderDetector();

  test.each([
    ['finds a bearer token when in a header line', 'Authorization: Bearer abc123.def-456_ghi', ['abc123.def-456_ghi']],
    [
      'finds a basic credential when it decodes to user:password',
      'authorization="Basic dXNlcjpwYXNzd29yZA=="',
      ['dXNlcjpwYXNzd29yZA=='],
    ],
    [
      'finds a bearer token when lower-case in JSON',
      '{"authorization":"bearer 9f8e7d6c5b4a39281706"}',
      ['9f8e7d6c5b4a39281706'],
    ],
    [
      'finds a token when the header uses another scheme',
      'Authorization: token ghp_16C7e42F292c6912E7710c838347Ae178B4a',
      ['ghp_16C7e42F292c6912E7710c838347Ae178B4a'],
    ],
    ['finds a credential when the header has no scheme', 'proxy-authorization: 8c1f2e3d4b5a6978', ['8c1f2e3d4b5a6978']],
    [
      'keeps a session id whole when a ! joins its parts (Salesforce)',
      'Authorization: Bearer 00D5g000004AbCd!AR8AQKL0jCIZwsAHQ3RYUUS1t9uwq.zB4q3k',
      ['00D5g000004AbCd!AR8AQKL0jCIZwsAHQ3RYUUS1t9uwq.zB4q3k'],
    ],
    [
      "finds the credential when Rails' token scheme names it",
      'Authorization: Token token="k2Pq8vN1xZ7rT4mW" and Authorization: Token token=Qm3_xV9pL2sR8tY1',
      ['k2Pq8vN1xZ7rT4mW', 'Qm3_xV9pL2sR8tY1'],
    ],
    [
      'finds an API key when an Authorization header carries it as Basic without user:password',
      'POST /v2/push authorization: Basic Tz3kQ8vLm2Xw9RtY7pBn4HcJ6sFd1GaE -> 202',
      ['Tz3kQ8vLm2Xw9RtY7pBn4HcJ6sFd1GaE'],
    ],
    [
      'finds a Basic credential when a shell escapes the blank before it',
      'zap.sh -config header=Authorization:\\ Basic\\ c2Nhbm5lcjpQbHVtLTc3IQ==',
      ['c2Nhbm5lcjpQbHVtLTc3IQ=='],
    ],
  ])('%s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['ignores challenge parameters when the word after Bearer is short', 'WWW-Authenticate: Bearer realm="api"'],
    ['ignores prose when the word after Bearer is not a token', 'Bearer authentication failed for user'],
    [
      'ignores prose when Basic is followed by a word that is not base64 user:pass',
      'basic auth enabled, Basic configuration loaded',
    ],
    ['ignores the header name when it is used in prose', 'authorization failed: missing header'],
    [
      'ignores a Basic credential when it is the documentation example username:password',
      'Authorization: Basic dXNlcm5hbWU6cGFzc3dvcmQ=, the example of the docs',
    ],
    [
      'ignores a parameter name when SigV4 names the key id',
      'Authorization=AWS4-HMAC-SHA256 Credential=AKIAFOMWORS7RFRFMYLQ/20250502/eu-west-1/rds/aws4_request',
    ],
    [
      'ignores a JWT when Bearer or an Authorization header carries it (it is a jwt)',
      'authorization: Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJvcHMifQ.c2lnbmF0dXJl; Authorization=eyJ0eXAiOiJKV1QifQ.eyJpc3MiOiJ4In0.',
    ],
    [
      'ignores an opaque word after Basic when no Authorization header names it',
      'fallback to basic Tz3kQ8vLm2Xw9RtY7pBn4HcJ6sFd1GaE mode',
    ],
    [
      "ignores Digest's parameter names when they follow the scheme",
      'Authorization: Digest username="ops", realm="api", qop=auth',
    ],
    [
      "ignores documentation's stand-ins when in capitals",
      'Authorization: Bearer YOUR_ACCESS_TOKEN or authorization: Basic YOUR_API_KEY',
    ],
    [
      "ignores an auth-param's name when Bearer precedes it (RFC 7235)",
      'token_type=Bearer access_token=[FILTERED] and token_type=Bearer access_token=<redacted>',
    ],
    [
      'ignores a scheme when a stand-in follows it',
      '"Authorization":"ApiKey-v1 $REDACTED" --header \'Authorization: DeepL-Auth-Key [yourAuthKey]\'',
    ],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});

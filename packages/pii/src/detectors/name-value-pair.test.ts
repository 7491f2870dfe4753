import { createPiiScanner } from '../scanner';
import { findValues } from '../testing';
import { createNameValuePairDetector } from './name-value-pair';

describe('name/value pairs', () => {
  const detector = createNameValuePairDetector();
  const scanner = createPiiScanner();

  test.each([
    ['a JSON setting named like a secret', '[{"name":"SMTP_PASSWORD","value":"Tr4m-Quay!9"}]', ['Tr4m-Quay!9']],
    ['the value before its name', '{"value":"p7Wq-Lx2z","type":"string","name":"redisPassword"}', ['p7Wq-Lx2z']],
    [
      "a vault item's field and item value",
      '{"items":[{"fieldName":"Login","itemValue":"ops"},{"fieldName":"Passphrase","itemValue":"Gl4ss Bay 77"}]}',
      ['Gl4ss Bay 77'],
    ],
    ['a card code named by its id, fields between', '{"id":"cvc","label":"security code","value":"0742"}', ['0742']],
    [
      "a session cookie's value in a cookie jar",
      '[{"name":"__Host-sid","value":"Vb82kQ0zLm4TxW9c","path":"/"}]',
      ['Vb82kQ0zLm4TxW9c'],
    ],
    ['escaped JSON', '"{\\"key\\":\\"api_token\\",\\"value\\":\\"Zk2-99Qm-Lw8\\"}"', ['Zk2-99Qm-Lw8']],
    [
      'attributes',
      '<add key="Mail.Password" value="Hq7#ww2" /> <param name="db.community" value="Pr1vate9x"/>',
      ['Hq7#ww2', 'Pr1vate9x'],
    ],
    ['shorthand pairs', 'aws ssm put --tags Key=app_secret,Value=Wq2-0Lm9xP', ['Wq2-0Lm9xP']],
    ['flags', 'cli secrets add --name BILLING_API_KEY --value 4b1c8e7f2a9d06e3 --env prod', ['4b1c8e7f2a9d06e3']],
    [
      'a call that logs a cookie',
      'browser: addCookie name=connect.sid value=s%3A7fQ2mLp9.Zx4 ok',
      ['s%3A7fQ2mLp9.Zx4'],
    ],
    ['a pair in brackets', 'prefs.put(key=access_token, value=Hq2Lm9Zx4Tb7)', ['Hq2Lm9Zx4Tb7']],
  ])('finds %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
    const scanned = scanner.scan(text).map((m) => m.value);
    for (const value of expected) expect(scanned).toContain(value);
  });

  test.each([
    ['a setting that names no secret', '{"name":"theme","value":"dark-2024x"} Key=Name,Value=web-01'],
    ['a name in another object', '{"name":"db_password"},{"value":"Zq2-8Lm"}'],
    ['a placeholder value', '{"name":"API_TOKEN","value":"<set me>"} --name DB_PASSWORD --value ${DB_PASSWORD}'],
    ['a short secret name without its shape', '{"id":"pin","value":"GPIO4"}'],
    ['a session cookie holding a word', '{"name":"session","value":"deleted"}'],
    ['a value with no name before it', 'metric value=0.93 threshold value 12'],
  ])('leaves %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});

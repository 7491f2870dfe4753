import { createPiiScanner } from '../scanner';
import { hasNoSecretMark, isRecordNumber, isWordNotSecret } from './no-secret-here';

describe('values that say no secret here', () => {
  const scanner = createPiiScanner({ types: ['secret_kv', 'user'] });
  const found = (text: string) => scanner.scan(text).map((m) => m.value);

  test.each([
    ['prose in brackets after a password word', 'SMTP_PASSWORD= (unset, mail disabled)', []],
    ['prose in brackets when the bracket closes', 'admin password: (redacted by policy) ok', []],
    ['a command substitution', 'export API_TOKEN=$(vault read -field=t kv/x) && run', []],
    ['a backquoted command', 'DB_PASS=`cat /run/keys/db` ./start', []],
    ['a bracket that opens a structure', '{"client_secret":{"kind":"literal","v":"x"}}', []],
    ['a value masked between dollars', 'password: $masked$ host=db1', []],
    ['a template that closes before the value', 'dsn=mysql://{{ .u }}:{{ .Password }}@db1:3306/app{{ end }}', []],
    ['an auth scheme without its credential', 'NPM_TOKEN=Basic', []],
    ['a word that reports on a password', 'login failed for vera: Password Incorrect', ['vera']],
    ['a status after a password word', 'chpasswd done, password changed', []],
    ['a function call in code', 'const secret = load_secret(&opts)?;', []],
    ['a method call in code', 'api_key = os.environ.get("API_KEY")', []],
    ['a relative path after a password word', 'RUN --mount=type=secret,id=pw env=ADMIN_PASSWORD ../bin/seed.sh', []],
    ['a Windows path after a password option', 'tool.exe --password-file "D:\\keys\\vault\\admin.txt"', []],
    ['a key name where the value goes', 'cfg set --secret apiToken s3Kr1t-V4lue-9qP', ['s3Kr1t-V4lue-9qP']],
    ['a snake-case key name where the value goes', 'localconfig -s ldap_root_password', []],
    ['the anonymous account', 'request from user anonymous refused', []],
    ['the API-key account of a mail relay', 'SMTP_USER: apikey', []],
  ])('drops %s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  test.each([
    ['a password in brackets with digits', 'password=(Tq8!x2)'],
    ['a password that starts with a dollar', 'password=$Rv9q$2kLw'],
    ['a crypt hash', 'password $6$saltsalt$Hq1bXk9'],
    ['a password that looks like a call but starts upper case', 'password=Hunter(2)'],
    ['a password ending in a password word, not joined', 'password=mypassword'],
    ['an account whose words are joined by hyphens', 'docker login -u build-ci-token -p x'],
  ])('keeps %s', (_name, text) => {
    expect(found(text).length).toBeGreaterThan(0);
  });

  test('tells a path with a readable part from a secret that starts with a slash', () => {
    expect(hasNoSecretMark('/var/lib/app/secret.key')).toBe(true);
    expect(hasNoSecretMark('/Kq8ZbXwPmR2vTn0Lc4Yd7Ea')).toBe(false);
  });

  test.each([
    ['a call cut at its quoted argument', 'password: Env.fetch("DB_PASS")'],
    ['a subscript cut at its quoted key', "api_key = ENV['STRIPE_KEY']"],
    ['a variable of the environment read in code', 'fetch(u, { token: env.GITHUB_TOKEN, retries: 2 })'],
    ['an elided value', 'API_KEY=xai-... then token=…'],
    ['an outcome after an authentication method', 'auth method PASSWORD: FAILED'],
  ])('drops %s', (_name, text) => {
    expect(found(text)).toEqual([]);
  });

  const secrets = createPiiScanner({ types: ['secret_kv'] });
  const secretValues = (text: string) => secrets.scan(text).map((m) => m.value);

  test.each([
    ['a debug namespace after a short password key', 'DEBUG pw:render begins; pw:network done'],
    ['common words in camelCase that are the next key', 'issuing access token: requestMode = sync, ok'],
    ['a common word ending a sentence after a secret name', 'see the docs for the webhook_secret rotation.'],
    ['a blank form field', 'form text: "PIN: ____  Passphrase: ________"'],
    ['a one-character dummy password', 'pool login worker.1 passwd=x; passphrase: -'],
    ['a documentation example of user and password', 'example: curl -s -u name:pass https://api.example.net/v2'],
  ])('drops a word where a secret would stand: %s', (_name, text) => {
    expect(secretValues(text)).toEqual([]);
  });

  test.each([
    ['a word right after a password key', 'db_pass=dragon password: "monkey" passwd welcome', ['dragon', 'monkey']],
    ['a word that is no common word', 'pw:tqzvlmark api_token: hunterpx', ['tqzvlmark', 'hunterpx']],
    ['a password with a digit or a capital', 'pw:api9 secret: Browser', ['api9', 'Browser']],
  ])('keeps %s', (_name, text, expected) => {
    expect(secretValues(text)).toEqual(expected);
  });

  test("tells a record's number from a password", () => {
    expect(isRecordNumber('SP27-004418')).toBe(true);
    expect(isRecordNumber('AP-2027-118204')).toBe(true);
    expect(isRecordNumber('SP-12')).toBe(false);
    expect(isRecordNumber('Pw-2026-x9')).toBe(false);
    expect(isRecordNumber('EDIPW-771')).toBe(false);
  });

  test('reads the word at its place in the text', () => {
    const text = 'pw:api and password=api';
    expect(isWordNotSecret(text, 3, 6)).toBe(true);
    expect(isWordNotSecret(text, 20, 23)).toBe(false);
  });
});

import { createPiiScanner } from '../scanner';

/** Accounts that commands, APIs and record fields name by convention rather than by product. */
describe('accounts named by commands, APIs and fields', () => {
  const scanner = createPiiScanner({ types: ['user'] });
  const users = (text: string) => scanner.scan(text).map((m) => m.value);

  test.each([
    [
      "finds the account of an admin CLI's user subcommand",
      'tool user setpassword kmaro --newpassword=x; dirctl user-add p.lind --first=P; cms user:create obi_k --mail=o@x.io; blog user create ana_v ana@x.io',
      ['kmaro', 'p.lind', 'obi_k', 'ana_v'],
    ],
    [
      'finds the name after --user, -login-name and -resetPasswordFor of any command',
      'dbcli --host h --user etl_ro --query q; auth -login-name r.osei -password x; admctl -resetPasswordFor t.berg -newPassword x',
      ['etl_ro', 'r.osei', 't.berg'],
    ],
    [
      'finds the name in C account lookups, Spring properties, MQSC attributes and SAML attributes',
      'getpwnam(lvasquez) failed; <property name="username" value="svc_mq"/> MCAUSER(\'appusr\') <saml:Attribute Name="uid"><saml:AttributeValue>jdoe7</saml:AttributeValue>',
      ['lvasquez', 'svc_mq', 'appusr', 'jdoe7'],
    ],
    [
      'finds the name of a nested user object when its id comes first, and keys that say who owns or files',
      '{"user":{"id":"U0ABC123","name":"m.ito"},"owner":"kwan","employee":"b.adeyemi","submitter":"qa_bot"} uname=dlee',
      ['m.ito', 'kwan', 'b.adeyemi', 'qa_bot', 'dlee'],
    ],
    [
      'leaves out a sentence dot after a failed login and a product version after logged in as',
      'Login attempt failed for r.haas. Then logged in as Acme-client/6.5.0 from 10.0.0.1',
      ['r.haas'],
    ],
    [
      'ignores display names, actor systems, SIP services, subcommand verbs, armor labels and boolean --user flags',
      '"actor_user_name":"Dana Brennan" akka.tcp://worker@10.1.2.3:2552 sip:ping@10.1.2.4 user:add user creds for -----BEGIN USER NKEY SEED----- ; pip install --user requests; systemctl --user restart app',
      [],
    ],
    [
      'leaves the local part of an address after curl -u and a key whose value is on the next line',
      'curl -u ana.p@help.example.org/token:x https://h; curl -u bot@chat.example.io:y https://h\nrestart at login:\n  brew services start db',
      [],
    ],
  ])('%s', (_name, text, expected) => {
    expect(users(text)).toEqual(expected);
  });
});

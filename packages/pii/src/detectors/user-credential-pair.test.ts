import { findValues } from '../testing';
import { createUserCredentialPairDetector } from './user-credential-pair';

describe('user credential pair detector', () => {
  const detector = createUserCredentialPairDetector();

  test.each([
    ['an SMPP-style system id before its password', 'bind system_id=tx_relay4 password=Qw3rtz9 ok', ['tx_relay4']],
    ['a name in a query before its password', 'GET /auth?Name=Orla88?Password=s3cr3t-x', ['Orla88']],
    ['an XML login element', '<login id="branch_kiosk" password="Zz91!aa" />', ['branch_kiosk']],
    [
      'a flow mapping of users',
      'users: [ {name: relayuser2, password: "x-1"}, {name: tidewatch, pw: "y"} ]',
      ['relayuser2', 'tidewatch'],
    ],
    [
      'an account before a prefixed password key',
      'account=nasops&passwd=x1; userName="$web-app" userPWD="k2"',
      ['nasops', '$web-app'],
    ],
    ['a word when a password follows it', 'jdbc:mysql://db/x?user=as&password=Pv0!', ['as']],
    ['a numeric login', 'POST /token username=21000188004411&password=4412', ['21000188004411']],
  ])('finds %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['an address', 'user=ops@mail.example password=x'],
    ['a record id or a generated one', 'Name: ACC-334909 Password: 88; "user":"SK2f9c1","pass":"q8"'],
    ['a stand-in', 'username=null, password=<masked>; user=YOUR_USER password=YOUR_PASS'],
    ['a key that names no account', 'host=db1 password=x port=5432; dbname=app password=y'],
    ['a name with more keys before the password', 'name=etl host=db1 password=x'],
  ])('ignores %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});

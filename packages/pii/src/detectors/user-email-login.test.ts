import { findValues } from '../testing';
import { createUserEmailLoginDetector } from './user-email-login';

describe('user email login detector', () => {
  const detector = createUserEmailLoginDetector();

  test.each([
    ['a CSV cell', '"tkowalsk","Kowalski","Tomasz","tkowalsk@uni.example.edu","History"', ['tkowalsk']],
    ['a JSON value', '{"login":"mbergstrom2","contact":{"email":"mbergstrom2@mail.example"}}', ['mbergstrom2']],
    ['an element', '<id>hfaro</id><first>Hana</first><mail>hfaro@lib.example.org</mail>', ['hfaro']],
    ['a local part with a tag', 'row: lpetit,Petit,lpetit+ill@campus.example.fr', ['lpetit']],
    ['prose after the address', 'ticket validated; user rkessler@UNI.EXAMPLE mapped to rkessler', ['rkessler']],
  ])('finds %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    [
      'a word as the local part',
      'git fetch git@github.com:acme/x; billing@shop.example billing cycle; admin@x.example admin',
    ],
    ['a role mailbox', 'committee treasurer treasurer@friends.example filed'],
    [
      'the local part inside a path or a host',
      'C:\\Users\\wnakata\\Documents wnakata@corp.example; wnakata.corp.example',
    ],
    ['an address alone', 'sent to qvasquez@mail.example at 10:02'],
  ])('ignores %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});

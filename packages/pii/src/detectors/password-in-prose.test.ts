import { createPiiScanner } from '../scanner';
import { findValues } from '../testing';
import { createPasswordInProseDetector } from './password-in-prose';

describe("a device's or a service's password in prose", () => {
  const detector = createPasswordInProseDetector();
  const scanner = createPiiScanner();

  test.each([
    [
      'a device password a verb sets',
      'relay[12]: device password changed from factory default to "Qz7102" for unit 9',
      ['Qz7102'],
    ],
    ['an admin password in parentheses', 'panel unlocked by operator (device admin password 20110918)', ['20110918']],
    [
      'a password for someone, after a colon',
      'deploy done (preview password for reviewers: 8hTq2LmZ41xe)',
      ['8hTq2LmZ41xe'],
    ],
    ['a password set for a named thing', 'admin password for the controller set to Fern-4417 today', ['Fern-4417']],
    ['a default password before a comma', 'factory reset: the default password is Zk4mPq92, change it', ['Zk4mPq92']],
  ])('finds %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
    const scanned = scanner.scan(text).map((m) => m.value);
    for (const value of expected) expect(scanned).toContain(value);
  });

  test.each([
    ['a policy with no value', 'admin password must be changed at first login'],
    ['a hash name after a colon', 'root password updated: sha512 rounds=656000'],
    ['a version after a colon', 'device password updated: firmware-4.2.1'],
    ['a ticket after a colon', 'admin password reset: INC0012345 closed'],
    ['a bare version after a colon', 'web password changed: v2.10.3 rollout'],
    ['a name before a colon', 'rejected default password for requester 6473049483: too short'],
    ['a stand-in and a reference', 'root password is ******** and the web password is ${WEB_PASS}1'],
    ['a count', 'temporary password set to 12 characters'],
    ['a password word after another word', 'the new password 123456Ab was rejected'],
  ])('leaves %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});

import { findValues } from '../testing';
import { createUserSubjectDetector } from './user-subject';

describe('user subject detector', () => {
  const detector = createUserSubjectDetector();

  test.each([
    [
      'a login after a component prefix',
      'billing-admin: ops.marta refunded? no: ops.marta approved refund R-88',
      ['ops.marta'],
    ],
    ['a login in a | field', '2026-03-02 | league-admin | sami_k77 changed fixture 12', ['sami_k77']],
    ['a given name as a login', 'AUDIT crm: yusuf exported 300 contacts', ['yusuf']],
    [
      'a given name and an initial',
      'portal: ingridm requested access; WARN lukasz has deleted a note',
      ['ingridm', 'lukasz'],
    ],
  ])('finds %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ["a component's action", 'WP-Cron: wp_version_check ran; magicsock: derp-13 connected'],
    ['a word or a surname alone', 'INFO withdrawal requested; payouts: beneficiary rejected; api: kowalczyk approved'],
    ['a subject in the middle of a sentence', 'the tool said that ops.marta approved it'],
    ['a record number', 'INFO INV-2291 updated; queue: tk_4410 created'],
  ])('ignores %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});

import { findValues } from '../testing';
import { createUserHandOffDetector } from './user-hand-off';

describe('user hand-off detector', () => {
  const detector = createUserHandOffDetector();

  test.each([
    [
      'an invite from one login to another',
      'party INFO invite sent from=kestrel_wu to=ovanleer party=9',
      ['kestrel_wu', 'ovanleer'],
    ],
    ['a shift swap, quoted', 'swap requested from="tquill" to="mbarros4" role=host', ['tquill', 'mbarros4']],
    ['an owner changed', 'repo transferred old_owner=ptrask new_owner=lwemyss by=admin', ['ptrask', 'lwemyss']],
    ['a rename in JSON', '{"msg":"username change","old":"ivelkor","new":"ivel.kor22"}', ['ivelkor', 'ivel.kor22']],
    ['escaped JSON', '{\\"from\\":\\"ivel_k\\",\\"to\\":\\"dorsay2\\"}', ['ivel_k', 'dorsay2']],
  ])('finds %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['dates', 'report from=2026-11-02 to=2026-11-11'],
    ['versions and numbers', 'upgrade old=4.12 new=4.21 from=F-8812 to=N-22019'],
    ['stages of common words', 'candidate moved from=phone_screen to=onsite; color from=blue to=purple'],
    ['class names', 'state from=WaitForApproval to=CreateAccount'],
    ['addresses', 'old_email=ana@mail.example new_email=ana.r@mail.example'],
    ['one login beside a date', 'access granted from=ovanleer to=2026-12-31'],
    ['different keys after old and new', 'old_role=kestrel_wu new_owner=ovanleer'],
  ])('ignores %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});

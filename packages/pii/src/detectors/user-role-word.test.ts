import { findValues } from '../testing';
import { createUserRoleWordDetector } from './user-role-word';

describe('user role word detector', () => {
  const detector = createUserRoleWordDetector();

  test.each([
    ['a login after a trainer', 'plan changed by trainer coach_maren: 3 sessions', ['coach_maren']],
    ['a login after a volunteer', 'refund paid by volunteer vol_tobias', ['vol_tobias']],
    ['a login after a registrar', 'entry held for registrar reg.olsen', ['reg.olsen']],
    ['a login with digits after a sitter', 'sitter hanne77 accepted booking 4410', ['hanne77']],
    ['a plain login after a role only people hold', 'tester pkowalczyk signed result', ['pkowalczyk']],
    ['a plain login after a preposition and a shared role', 'label printed by operator jfenwick', ['jfenwick']],
    ['a plain login after a shared role in parentheses', 'complaint logged (agent mbrandt)', ['mbrandt']],
    [
      'a login numbered after its role',
      'refund by agent cs.agent31; desk agent lhr_agent07',
      ['cs.agent31', 'lhr_agent07'],
    ],
    [
      'a login named for its role',
      'portal admin kioskadmin reset; admin pos-superadmin left',
      ['kioskadmin', 'pos-superadmin'],
    ],
    ['a capitalized role', 'CSR t.ferraro updated the address', ['t.ferraro']],
    ['a role before the name', 'dispatcher disp_lnoor released load 5521', ['disp_lnoor']],
    ['letters then digits after a role', 'cashier MKT0071 opened drawer 3', ['MKT0071']],
    [
      'a plain login after a person role',
      'nurse kwamena charted vitals; cashier lpetrov closed till',
      ['kwamena', 'lpetrov'],
    ],
    [
      'a plain login after roles of trade, travel, study and law',
      'seller bkwarteng relisted; pilot vdrozdov landed; patron emurakami9 fined; notary hkoskinen sealed',
      ['bkwarteng', 'vdrozdov', 'emurakami9', 'hkoskinen'],
    ],
    ['the name after a role after by, not the role', 'ban lifted by moderator k.ueda at 10:02', ['k.ueda']],
    ['a role with a login word', 'courier login cour.bhatt ok', ['cour.bhatt']],
    ['a role as a key', 'shift close staff=barista_jo csr: csr.mtran', ['barista_jo', 'csr.mtran']],
    [
      'a long plain login after a role people hold more often than software',
      'call logged (account C-1, agent pwilliams); key held by owner hessvc',
      ['pwilliams', 'hessvc'],
    ],
    // The one role list: a product's role of a key reads in prose too.
    ['a login after a role of a product', 'raid announced by viewer quillfern', ['quillfern']],
    // An initial and a surname that is a role's word is a login, no program (round 9 review).
    ['an initial before a role word', 'guild: member kowner joined', ['kowner']],
    ['initials before a role word', 'guild: member mtowner joined', ['mtowner']],
  ])('finds %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['a plain word after a shared role without a preposition', 'agent gpg started; driver overlay ready'],
    ['a plain login after a role software holds more often', 'registered new driver usbfs; subscriber mqttfeed up'],
    ['a machine after a shared role', 'owner build-agent-04 holds the lock'],
    ['a generated id or a short record number', 'for cardholder ich_7Kx2 and trainer pt_4012'],
    ["a vendor's id or an account's number", 'for customer cus_VoXtizexmoIzi6; customer acct_81290 exceeded'],
    ['a common word after a role', 'teacher training starts; member benefits apply'],
    ["a role's plural or a word holding it", 'admin admins; member membership; owner coowner'],
    ['a role inside a dotted name or a key', 'config trainer.pt_ivan=1 role=trainer_x vol/trainer pt_ivan'],
    // Found in review (round 9): a program's name is a long plain login too.
    ['a common word and a program suffix after a shared role', 'datadog: holder lockmgr renewed'],
    ['a software word and a program suffix after a shared role', 'lease holder jobctl renewed'],
    ['a media player after a shared role', 'media: member mplayer joined'],
  ])('ignores %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});

import { findValues } from '../testing';
import { createUserAccountKeyDetector } from './user-account-key';

describe('user account key detector', () => {
  const detector = createUserAccountKeyDetector();

  test.each([
    ['a login under account', 'wallet INFO withdrawal account=tovi_kern22 method=sepa', ['tovi_kern22']],
    ['a quoted account in JSON', '{"msg":"site suspended","account":"bakerybrook7","by":"ops"}', ['bakerybrook7']],
    ['a campus netid', 'MFA enrolled netid=wmarsh3 device="Pixel"', ['wmarsh3']],
    ["a directory's sam", 'hold placed sam=rdelacroix hold_id=77', ['rdelacroix']],
    ['a login id and a system id', 'login_id=pquade bind system_id=clinic_sms4 failed', ['pquade', 'clinic_sms4']],
    ['an escaped JSON value', '{\\"loginId\\":\\"oriel.d\\",\\"ok\\":true}', ['oriel.d']],
  ])('finds %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['a number (an application id)', 'account=000123987654 amount=12.50 login_id=88120'],
    ['a record or a generated id', 'account=ACC-873005 account=acct_5512 account=acct_1NxPetCover'],
    ['capitals only', 'account=CORP-ACME-118'],
    ['a cloud locator with its region', 'account=xy12345.eu-west-1 warehouse=etl'],
    ['a word', 'account=physics account=student'],
    ['a prefixed key', 'slurm_account=bio_wmarsh service_account=ingest-bot'],
    ["Slurm's capitalized Account", 'JobId=88 UserId=kim(1001) Account=proj83'],
    ['an email', 'account=wmarsh@example.org'],
  ])('ignores %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});

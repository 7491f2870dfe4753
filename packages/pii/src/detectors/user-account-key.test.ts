import { findValues } from '../testing';
import { createUserAccountKeyDetector } from './user-account-key';

describe('user account key detector', () => {
  const detector = createUserAccountKeyDetector();

  test.each([
    ['a login under account', 'wallet INFO withdrawal account=tovi_kern22 method=sepa', ['tovi_kern22']],
    ['a quoted account in JSON', '{"msg":"site suspended","account":"bakerybrook7","by":"ops"}', ['bakerybrook7']],
    [
      'a login id and an SMPP system id',
      'smpp: login_id=pquade bind system_id=clinic_sms4 failed',
      ['pquade', 'clinic_sms4'],
    ],
    ['a key in capitals', 'SMPP BIND_TX SYSTEM_ID=ward_sms2 LOGIN_ID=hkowal', ['ward_sms2', 'hkowal']],
    [
      "an operator's id in a record",
      'MSGSW OUT ORI=TX0001 TERM=MDT4 OPR=kbanda QW.X oprid=JFENWICK',
      ['kbanda', 'JFENWICK'],
    ],
    [
      "an operator's identifier",
      '{operatorIdentifier=pick12, operatorName=Ana Lind, operator_id=ehale}',
      ['pick12', 'ehale'],
    ],
    ['an escaped JSON value', '{\\"loginId\\":\\"oriel.d\\",\\"ok\\":true}', ['oriel.d']],
    ['a number under a login key', '{"route":"/auth","body":{"login":"30318","pin":"1234"}}', ['30318']],
    ["a line's SIP auth user and a courier's login", 'acct2.auth_user=4410 courier_login=77120', ['4410', '77120']],
    ["a phone's line and a driver's login", 'line1.auth_user=2047 {"driver_login":"88231"}', ['2047', '88231']],
    [
      'a school year and a name',
      'proxy ALLOW user=31okafort url=x {"username":"27lindqvm"}',
      ['31okafort', '27lindqvm'],
    ],
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
    ["sacct's capitalized Account (a billing account)", 'sacct: JobID=4471 Account=physics2 State=COMPLETED'],
    ["a portal's capitalized Account", 'portal: suspended Account=marla_finch7 reason=abuse'],
    ["a job's account beside its user", 'job_submit: JobId=4471 user=ana.r account=chemlab partition=gpu'],
    ['a billing account before the user', 'connecting account=dataops user=etl_svc'],
    ['a storage account', 'azcopy: copying to account=stprodlogs container=archive'],
    ['a storage account in JSON', '{"op":"put","account":"stbackups","blob":"a.tar"}'],
    ["a machine's system_id (MAAS)", 'maas.node: node-7 transition READY to ALLOCATED system_id=xfaxgw'],
    ["a host's SystemId", 'inventory SystemId=ehpqtn registered'],
    ['a campus netid and a sam (one part each, dropped)', 'netid=hnakamu2 sam=idunleavy'],
    ['an email', 'account=wmarsh@example.org'],
    [
      'a number under user or an id key, an SMTP reply, a TURN username',
      'user_id=88120431 login_id=5521 Invalid login: 535 username=1790692720:kdevries',
    ],
    ['a prefix naming a limit', 'limits: rate_limit_login=120 burst=20'],
    ['a prefix naming a count', 'auth summary bad_login=1293 ok_login=88412 failed_login=142 max_login=500'],
    ['a prefix naming a time', 'audit: uid=1042 last_login=1733607600 status=ok first_login=1701'],
    ['a dotted prefix', 'tenant.sso_login=84570 cfg.app.auth_user=2047'],
    ['a Unix time in seconds', '{"event":"session.start","login":"1765143600"}'],
    ['a Unix time in milliseconds', 'session opened username=1765143600123 mode=web'],
    [
      "a generated or a number operator id, or the operator's name",
      'operator_id=FIN87astrdge12k8 OPR=4410 operatorName=Ana',
    ],
  ])('ignores %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });

  test.each([
    [
      'a user key on another line',
      'job user=ana.r account=chemlab\nportal account=tovi_kern22 suspended',
      ['tovi_kern22'],
    ],
    [
      'a storage word on another line',
      'portal account=tovi_kern22 suspended\nazcopy account=stprodlogs container=x',
      ['tovi_kern22'],
    ],
  ])('reads the account line by line: %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  // The regular expressions a find runs on a line, and the characters they are handed: a look-around that reads to the
  // line's end from each candidate makes the work grow with the square of the line (round 9 review: 7.7 s at 100 KB).
  const regexWork = (text: string): { sources: string[]; calls: number } => {
    const sources: string[] = [];
    const exec = jest.spyOn(RegExp.prototype, 'exec');
    const testSpy = jest.spyOn(RegExp.prototype, 'test');
    try {
      findValues(detector, text);
      for (const call of [...exec.mock.contexts, ...testSpy.mock.contexts]) sources.push((call as RegExp).source);
    } finally {
      exec.mockRestore();
      testSpy.mockRestore();
    }
    return { sources, calls: sources.length };
  };
  const readsToLineEnd = /\(\?<?[!=](?:[^()]|\([^()]*\))*\[\^\\n\]\*/;

  test.each([
    ['the word repeated', (n: number) => 'account=dmarsh7 ' + 'account '.repeat(n / 8)],
    ['a JSON batch of account ids', (n: number) => '{"account_id":1,"status":"ok"}'.repeat(n / 30)],
    ['a storage word at the end', (n: number) => 'account=dmarsh7 ' + 'account '.repeat(n / 8) + 'bucket'],
  ])('%s: no pattern reads to the line end, work at 100 KB at most 10 times 10 KB', (_name, make) => {
    const small = regexWork(make(10_000));
    const large = regexWork(make(100_000));
    expect(large.sources.filter((source) => readsToLineEnd.test(source))).toEqual([]);
    expect(large.calls).toBeLessThanOrEqual(10 * Math.max(small.calls, 1));
  });
});

import { findValues } from '../testing';
import { createUserRoleKeyDetector } from './user-role-key';

describe('user role key detector', () => {
  const detector = createUserRoleKeyDetector();

  test.each([
    ['a login shape under a role software holds too', 'shift closed worker=agy.mbeki hours=7.5', ['agy.mbeki']],
    ['a prefixed key', '{"assigned_agent":"cs.kofi_a","queue":"billing"}', ['cs.kofi_a']],
    ['a camelCase key with an id word', 'memberLogin=rosa_lind42 tier=silver', ['rosa_lind42']],
    ['a plain login under a role only people hold', 'msg="joined" viewer=quillfern channel=main', ['quillfern']],
    ['a quoted value', '{"sitter":"lenorahw","fee":30}', ['lenorahw']],
    ['an escaped JSON value', '{\\"customer\\":\\"nadim_q\\",\\"total\\":12}', ['nadim_q']],
    ['an on-call key', 'page sent on-call=dv_amara sev=2', ['dv_amara']],
    // The one role list: a role of prose only people hold reads as a key too.
    ['a registrar key', 'audit action=renew registrar=reg-0917 result=1000', ['reg-0917']],
    [
      'a long plain login under a role people hold more often than software',
      'promise kept agent=tpatel; reward member=jnovak; round player=iivanova',
      ['tpatel', 'jnovak', 'iivanova'],
    ],
    [
      "a service's or a team's account under a who-acted key",
      '{"closed_by":"helpdesk-automation","by":"payroll.ops3"} reviewer=dlp-bot by=root',
      ['helpdesk-automation', 'payroll.ops3', 'dlp-bot', 'root'],
    ],
    // An initial and a surname that is a role's word is a login, no program (round 9 review).
    ['an initial before a role word', 'repo: member=eholder added', ['eholder']],
    ['an initial before another role word', 'guild: member=gplayer added', ['gplayer']],
  ])('finds %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['a word under a shared role', 'member=gold agent=filebeat player=vlc worker=celery'],
    ['a plain login under a role software holds more often', 'worker=kworkerd sender=mailrelay'],
    ['a number or a generated id', 'worker=12 customer=cus_8812 seller_id=pub-9182736 viewer=v_4k2x'],
    ["a vendor's id or a record's number", 'customer=cus_VoXtizexmoIzi6 tenant=dlr-4644 client_customer=acct_81290'],
    ['a word under a people role', 'customer=default fan=unknown'],
    ['a role inside a longer word', 'reseller=nadimq dispatcher_worker_pool=4'],
    ['a numbered thread of code', 'SendWorker:188978561024 RecvWorker:2'],
    ['a file, a host or a version under a who-acted key', 'generated_by=build.sh sent_by=relay.example.com by=v2.1'],
    ['a field name under sort_by', 'sort_by=created_at order_by=last_name'],
    // Found in review (round 9): a program's name is a long plain login too.
    ['a program under a shared role', 'media: player=mplayer opened stream.m3u8'],
    ['a common word and a program suffix', 'repo: member=lockmgr added'],
    ['a software word and a program suffix', 'repo: member=jobctl added'],
    ['another software word and a program suffix', 'ops: member=cronmgr added'],
  ])('ignores %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});

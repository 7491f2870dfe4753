import { findValues } from '../testing';
import { createEmailDetector } from './email';

describe('email detector', () => {
  const detector = createEmailDetector();

  test.each([
    ['finds a plain address when it is in prose', 'login ok for jane.doe@example.com now', ['jane.doe@example.com']],
    [
      'finds plus tags and subdomains when present',
      'to=ops+alerts@mail.corp.example.co.uk;',
      ['ops+alerts@mail.corp.example.co.uk'],
    ],
    ['finds an address when it is quoted in JSON', '{"user":"a_b-c@x-y.io"}', ['a_b-c@x-y.io']],
    ['finds an address when it follows mailto:', 'mailto:bob@example.org.', ['bob@example.org']],
    [
      'keeps the apostrophe inside the address when the local part has one',
      "from d'wang@example.com",
      ["d'wang@example.com"],
    ],
    [
      'finds an address when it is URL-encoded',
      'GET /unsubscribe?email=li%40shop.example.fr&x=1',
      ['li%40shop.example.fr'],
    ],
    [
      'finds only the address when an encoded separator precedes it in a query',
      'GET /search?q=reviewer%3Dmaria.lind%40example.se%20AND%20x%3A%22ops%2Bteam%40example.com',
      ['maria.lind%40example.se', 'ops%2Bteam%40example.com'],
    ],
    [
      'finds a quoted address when a single quote opens it',
      "WHERE email = 'berg@example.org' AND x",
      ['berg@example.org'],
    ],
    ['finds an address when an escaped newline precedes it', 'From: a\\njane@example.com', ['jane@example.com']],
    [
      "keeps an encoded apostrophe inside the local part when it follows one letter (o'brien)",
      'signup email=d%27arcy.p%40example.ie ok',
      ['d%27arcy.p%40example.ie'],
    ],
    [
      'finds an address when a colon and an IPv4 follow it (a login and its client)',
      'auth fail ana.k@mail.example.org:192.0.2.44',
      ['ana.k@mail.example.org'],
    ],
    [
      'keeps the address and leaves the suffix when a file is named after it',
      'PUT exports/list-ana.k@shop.example.fr.csv and s3://b/ana@example.org.json',
      ['list-ana.k@shop.example.fr', 'ana@example.org'],
    ],
    ['keeps a domain whose TLD is also a file suffix', 'mail to kim@files.example.zip now', ['kim@files.example.zip']],
    [
      'finds the whole return path when VERP or SRS encodes the recipient before its own =',
      '"sender":"bounce+7c1e.9a-li.wei=shop.example@mg.shop.example" from SRS0=Hx2q=TT=corp.example=ana@fwd.example',
      ['bounce+7c1e.9a-li.wei=shop.example@mg.shop.example', 'SRS0=Hx2q=TT=corp.example=ana@fwd.example'],
    ],
    [
      'finds only the address when a key and = precede it',
      'email=ana+test@shop.example q=a+b=c@x.example',
      ['ana+test@shop.example', 'c@x.example'],
    ],
    [
      "finds the address when curl's -u gives it with a password",
      'curl -u ops-bot@chat.example.org:Qz8vL2mK9x https://chat.example.org/api',
      ['ops-bot@chat.example.org'],
    ],
    [
      'leaves a two-letter field code out when it is glued to the address in a | record',
      '64 patron|AApatron42|BEmia.k@example.org|GVli.wei@example.net|',
      ['mia.k@example.org', 'li.wei@example.net'],
    ],
    [
      "finds an address when UN/EDIFACT's contact segment names electronic mail",
      "NAD+BY+Vik:Ola'COM+ola.vik@fjordline.example:EM'COM++4722334455:TE'",
      ['ola.vik@fjordline.example'],
    ],
    [
      'finds a mailbox when a UUCP bang path ends in it',
      'deploy: ssh alerts!ana.r@example.com notified',
      ['ana.r@example.com'],
    ],
    [
      'finds a mailbox when a bang path after a host ends in it',
      'uucp relay!bob.k@mail.example.org ok',
      ['bob.k@mail.example.org'],
    ],
    [
      'finds a generated inbound mailbox when a UUID is its local part',
      'postfix/smtp[4411]: 3F2A1C: to=<4e2a9c1d-7b3f-4a8e-9d5c-2f1b0a6e8c7d@inbound.example.com>, status=sent',
      ['4e2a9c1d-7b3f-4a8e-9d5c-2f1b0a6e8c7d@inbound.example.com'],
    ],
    [
      'finds a UUID mailbox when a recipient key holds it',
      '{"rcpt":"0f8e2d4c-1a3b-4c5d-8e9f-a0b1c2d3e4f5@in.example.net"}',
      ['0f8e2d4c-1a3b-4c5d-8e9f-a0b1c2d3e4f5@in.example.net'],
    ],
    [
      'finds a UUID mailbox when an original recipient key holds it',
      'postfix/local: to=<ana@example.org>, orig_to=<7c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e@in.example.net>',
      ['ana@example.org', '7c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e@in.example.net'],
    ],
    [
      'finds a mailbox when a bang path after a host digit ends in it',
      'mail via gw2!ops.k@example.org queued',
      ['ops.k@example.org'],
    ],
    [
      'finds the mailboxes of a SIP or mail header beside its ids',
      'From: "Ana" <ana.r@example.org>;tag=8a Call-ID: 77ab@pbx.example.net Reply-To: <ops@conference-hall.example.com> room bob@conference.org',
      ['ana.r@example.org', 'ops@conference-hall.example.com', 'bob@conference.org'],
    ],
    [
      'finds the mailboxes after a Call-ID key when a ; ends its value (review10)',
      'ACC: transaction answered: method=INVITE;call_id=a84b4c76e66710@pc33.example.com;code=200;from=ana.r@example.org;to=bob@example.net',
      ['ana.r@example.org', 'bob@example.net'],
    ],
    [
      'finds a mailbox after a bare Call-ID when a ; ends its value',
      'Call-ID: 88ab;from=carol@example.net',
      ['carol@example.net'],
    ],
    [
      'finds a mailbox after a Kamailio callid= when an = or ; follows the id',
      'kamailio: callid=9b8e7d6c;src_user=dmitri.k@voip.example.de',
      ['dmitri.k@voip.example.de'],
    ],
    [
      'finds the mailboxes after a Call-ID when a JSON comma or a query & ends its value',
      '{"call_id":"a84b4c76@pc33.example.com","from":"ana.r@example.org"} GET /cdr?callid=77ab@pbx.example.net&to=bob@example.net',
      ['ana.r@example.org', 'bob@example.net'],
    ],
    [
      'finds a mailbox on a conference or lobby domain when no XMPP shows on the line (review10)',
      'Contact registration@conference.usenix.org or help@lobby.example.io for badge pickup',
      ['registration@conference.usenix.org', 'help@lobby.example.io'],
    ],
    [
      'finds a mailbox on a breakout studio domain when no XMPP shows',
      'Mail from ana@breakout.studio.io accepted',
      ['ana@breakout.studio.io'],
    ],
    [
      'finds a mailbox on a conference domain when a room is booked after it',
      'postfix/smtp: to=<events@conference.example.de>, status=sent (room booking confirmed)',
      ['events@conference.example.de'],
    ],
    [
      'finds an address at Google or an example domain when it is no calendar id or stand-in',
      'share with ana.r@google.com and users@example.com, user@example.co.uk, user.k@example.com',
      ['ana.r@google.com', 'users@example.com', 'user@example.co.uk', 'user.k@example.com'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['ignores npm package specs when the domain is a version', 'installed lodash@4.17.21'],
    ['ignores image digests when the tail is not a domain', 'pull nginx@sha256:abcdef0123'],
    ['ignores decorators and handles when there is no local part', '@Override @channel ping'],
    ['ignores hosts without a TLD when the domain has no dot', 'ssh admin@localhost'],
    ['ignores a URL user when it follows //', 'clone ssh://git@github.com/org/repo.git'],
    [
      'ignores message ids when logged as message-id=<...>',
      'postfix: message-id=<20240311.1234@mail.example.com> and Message-ID: <CAK=x@mail.gmail.com> mailid=\\"<0f1e.77@mx.example.de>\\"',
    ],
    ['ignores an scp-style git remote when a path follows the colon', 'remote git@github.com:acme/web.git'],
    ['ignores a retina image name when the suffix is a file type', 'GET /img/logo@2x.png and banner@3x.webp'],
    [
      'ignores a systemd unit instance when the suffix is a unit type',
      'Started user@1001.service and getty@tty1.service',
    ],
    ['ignores a package file when its version sits before the @', 'unpack Api@1.4.0@9f8e7d6c.nupkg'],
    ['ignores a host named by its address when it follows @', 'ssh ops@host-198-51-100-7.isp.example.net done'],
    ['ignores a variable when it stands before the @', 'mail to $JOB_USER@example.edu and ${OWNER}@example.org'],
    ['ignores a documentation stand-in when the local part says your', 'set email = your.name@example.com'],
    [
      'ignores a message or calendar id when a UUID stands before the @',
      'Sending message <2c1f9ab0-55e3-4d71-8a8c-0f3b1e2d6a77@mail.example> UID:474c64c8-422b-4c14-a368-406752344132@cal.example.com',
    ],
    ['ignores a message id when a quoted key names it', '{"message-id":"<202612070545.88213@smtp.example.com>"}'],
    [
      'ignores an SSH algorithm name when OpenSSH or libssh defines it',
      'Type: ssh-ed25519-cert-v01@openssh.com kex curve25519-sha256@libssh.org',
    ],
    [
      'ignores a Lemmy community when a bang marks it',
      'received Follow for !boardgames@lemmy.example.org\n!chess@lemmy.example.org',
    ],
    [
      'ignores a message id when a UUID stands after a Message-ID key',
      'Message-ID <0f8e2d4c-1a3b-4c5d-8e9f-a0b1c2d3e4f5@mail.example.net> "msg_id":"<9a8b7c6d-1a3b-4c5d-8e9f-a0b1c2d3e4f5@mx.example.net>"',
    ],
    [
      'ignores a SIP call id when a UUID stands before the @',
      'kamailio: INVITE Call-ID: 4e2a9c1d-7b3f-4a8e-9d5c-2f1b0a6e8c7d@sip.example.com from 1001',
    ],
    [
      'ignores a reply reference when a UUID stands before the @',
      'postfix/cleanup: 3F2A1C: in-reply-to=<0f8e2d4c-1a3b-4c5d-8e9f-a0b1c2d3e4f5@mail.example.net>',
    ],
    [
      'ignores a references list when UUIDs stand before the @',
      'References: <1a2b3c4d-1a3b-4c5d-8e9f-a0b1c2d3e4f5@a.example.net> <5e6f7a8b-1a3b-4c5d-8e9f-a0b1c2d3e4f5@b.example.net>',
    ],
    [
      'ignores a Lemmy community when a JSON string opens with its bang',
      '{"type":"Follow","object":"!boardgames@lemmy.example.org"}',
    ],
    [
      'ignores a Lemmy community when a bracket or key opens its bang',
      '(!chess@lemmy.example.org) new post community=!go@lemmy.example.org',
    ],
    [
      'ignores a message id when SendGrid, MIME or a logger names it (smtp-id, Content-ID, msg_id)',
      '{"smtp-id":"<5d2c11aa90e4f6b3@ismtpd017p1las1.sendgrid.example>"} Content-ID: <part1.7e@mx.example.org> msg_id=<88ab01@mail.example.de>',
    ],
    [
      'ignores a SIP Call-ID when its header or key names it',
      'SIP/2.0 200 OK Call-ID: 7f3a9c0e21b4@pbx.example.net; kamailio: callid=9b8e7d6c5a4f3e2d1c0b@sbc.example.com',
    ],
    [
      'ignores a cid: or mid: URL when it names a message part (RFC 2392)',
      'Geolocation: <cid:4f2a9b7c10de@lis.example.net> ref mid:a1b2c3@mail.example.org',
    ],
    [
      'ignores an XMPP room or occupant when it is on a conference or internal MUC service',
      'room=weekly-ops@conference.meet.example.org jid=triage-7a@conference.jitsi.example.com/9f1c bridge jvbbrewery@internal.auth.meet.example.org',
    ],
    [
      'ignores a Jitsi room when the room word, a conf_name key or Jicofo names it',
      'Jicofo WARNING: Token rejected for room town-hall@conference.meet.example.org: expired [conf_name=retro-2@conference.meet.example.org]',
    ],
    [
      'ignores a MUC room when Prosody names it on the line',
      'prosody: mod_muc: created lobby ops-7f@lobby.chat.example.net for moderator',
    ],
    [
      'ignores a Google Calendar id when a calendar domain follows the @',
      'GET /calendar/v3/calendars/en.usa%23holiday%40group.v.calendar.google.com/events c_6b5c5e13ba@group.calendar.google.com room-3f@resource.calendar.google.com',
    ],
    [
      "ignores documentation's user@example.com when an example record shows it",
      '{"email":"user@example.com","alt":"USER@example.org"}',
    ],
    [
      'ignores a placeholder attribute when it holds an address',
      'input name="email" placeholder="you@example.org" placeholder: jo@company.example',
    ],
  ])('%s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});

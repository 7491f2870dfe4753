import { createPiiScanner } from '../scanner';
import { findValues } from '../testing';
import { createUserChatDetector } from './user-chat';

describe('user chat detector', () => {
  const detector = createUserChatDetector();
  const scanner = createPiiScanner({ types: ['user'] });

  test.each([
    ['an IRC nick after a channel', '[09:14:02] #netops <kvaldez> flipped the uplink back', ['kvaldez']],
    ['a dotted nick', '[2026-03-01T08:00:00] #front-desk <ana.ruiz> printer jammed again', ['ana.ruiz']],
    ['a Slack speaker after a bracketed channel', '[#billing-ops] tmwangi: refunds batch is stuck', ['tmwangi']],
    ['a Slack speaker after a mention id', '[#dispatch] <@U07QXR2B1> rosa_k: truck 12 is back', ['rosa_k']],
    ["a bridge's channel and speaker", '[relaybot] #site-7 jbello3: pour finished at 14:10', ['jbello3']],
  ])('finds %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
    expect(scanner.scan(text).map((m) => m.value)).toEqual(expect.arrayContaining(expected));
  });

  test.each([
    ['a bot', '[#alerts] pagerbot: disk 91% on db-2; #ops <deploy-bot> rolled out v3'],
    ['a display name', '[#customs-desk] Ana Park: broker says the entry is filed'],
    ['a word after a channel', '[#general] reminder: standup moved; #ops <system> restart'],
    ['a nick with no channel before it', '[2026-12-01 10:00:01] <webapi-7> INFO POST /api/login'],
    ['a channel in prose', 'posted to #ops kvaldez: see above'],
  ])('ignores %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});

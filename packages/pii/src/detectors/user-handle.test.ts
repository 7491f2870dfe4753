import { findValues } from '../testing';
import { createUserHandleDetector } from './user-handle';

describe('user handle detector', () => {
  const detector = createUserHandleDetector();

  test.each([
    ['a handle a message came from', 'bot: message from @river_otter (id 55120): /help', ['river_otter']],
    ['a handle with digits after a colon', 'reply from @kasia91: "thanks"', ['kasia91']],
    ['a plain handle', 'shout-out to @mbelanger!', ['mbelanger']],
    ['a handle quoted in JSON', '{"chat_user":"@tomas.vidal","channel":"ops"}', ['tomas.vidal']],
    ['a snake-case handle a message came from', 'automod: hidden reply from lazy_panda_42 in #help', ['lazy_panda_42']],
    [
      'snake-case handles after about and to',
      'report from mirela_dusk about loud_walrus9 via app',
      ['mirela_dusk', 'loud_walrus9'],
    ],
  ])('finds %s', (_name, text, expected) => {
    expect(findValues(detector, text)).toEqual(expected);
  });

  test.each([
    ['an email', 'mail to river_otter@example.com'],
    ['a flag argument that is a file', 'curl -H x -d @payload.ndjson https://api.example.com'],
    ['a Perl array', '@local_domains = qw(example.com);'],
    ['a scope or a decorator', 'npm i @types/node; @Override public void run()'],
    ['a word', 'ping @here and @channel, see @param'],
    ['English words joined by _ after a preposition', 'field moved to apply_instructions; switched to read_only'],
    ['a table after SELECT … FROM', 'mysql -e "select count(*) from crm_contacts"'],
    ['a record number or a name in capitals', 'added to blk_7128370237687728475; joined with Home_Net_5G'],
  ])('ignores %s', (_name, text) => {
    expect(findValues(detector, text)).toEqual([]);
  });
});

import type { Detector } from './detector';
import { createRuleDetector, rule } from './rules';
import { isPlaceholderValue } from './secret-kv';

/**
 * An SNMP community written in prose: it is the password of SNMP v1 and v2c, whatever tool reports it (`SNMP v2c,
 * community Secr3tTrap`, `(snmp v2c community NetRO86)`, `community set to "t0llR0ad!ro"`, `community string:
 * c0rpR3adOnly`, a read-write one `community rw=gr1dc0-rw!`). Only a value with a digit or a symbol: the defaults
 * `public` and `private`, words (`community post`, `Community Edition`), versions and addresses are none. Keyed forms
 * (`community=`, `snmp-server community x`) are secret-kv's and secret-formats'.
 */
const communityValue = rule(
  ['community'],
  String.raw`(?<![\w-])community(?:[ \t]+(?:string|name))?(?:[ \t]+(?:is|was|(?:set|changed|reset)[ \t]+to))?(?:[ \t]*:)?[ \t]+(?:r[ow]=)?(?:"([^"\s]{4,64})"|'([^'\s]{4,64})'|([^\s"'<>(),;]{3,63}[^\s"'<>(),;.:]))`,
  undefined,
  'gi',
);

/** A password's marks: a letter, and a digit or a symbol; not a version (`v2c`), a number, an address or a dotted
 * name. */
function communityShaped(word: string): boolean {
  return (
    word.length >= 6 &&
    /[A-Za-z]/.test(word) &&
    /[\d!#$%&*+=?@^~]/.test(word) &&
    !/^v\d|^[\d.:]+$|^[\w-]+(?:\.[\w-]+)+$/.test(word) &&
    !isPlaceholderValue(word)
  );
}

export function createSnmpCommunityDetector(): Detector {
  return createRuleDetector('secret_kv', [[communityValue]], communityShaped);
}

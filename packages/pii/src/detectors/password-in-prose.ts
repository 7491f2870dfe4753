import { anyOf, candidate, keepAsIs, type Candidate, type Detector } from './detector';
import { isPlaceholderValue } from './secret-kv';

/**
 * A device's or a service's password written in a sentence, after the word that says whose it is: `device password
 * changed from factory default to "8841Tk"`, `device admin password 19740412`, `root password generated: Azoh…`,
 * `preview password for stakeholders: 571e…`, `admin password for the controller set to …`. The word before
 * `password` (device, admin, root, web, default, temporary, initial, preview, dashboard) says a password is given, not
 * a policy or an event; maybe `for NAME`, `is`/`was`, a verb that sets it and `to`, or a colon, then the value. The
 * value holds a digit (a policy's words do not: `admin password must be changed`), is 6-64 characters and no
 * address, reference or stand-in.
 */
const owners = [
  'device',
  'admin',
  'administrator',
  'web',
  'root',
  'default',
  'temporary',
  'initial',
  'preview',
  'dashboard',
];
const ownerWords = owners.flatMap((owner) => [' ', '\t'].map((blank) => `${owner}${blank}password`));
const passwordInProse = new RegExp(
  `(?<![\\w-])(?:${owners.join('|')})[ \\t]+password` +
    String.raw`(?:[ \t]+for[ \t]+(?:the[ \t]+)?[\w.-]+)?(?:[ \t]+(?:is|was))?(?:[ \t]+(?:changed|set|reset|updated|generated))?` +
    String.raw`(?:[ \t]+from[ \t]+(?:the[ \t]+)?(?:factory[ \t]+)?default)?(?:[ \t]+to)?(?:[ \t]*:)?[ \t]+(["']?)` +
    String.raw`((?=[^\s"']*\d)[^\s"'@(<]{6,64}?)\1(?=[\s,;)]|\.?$|\.\s)`,
  'gi',
);

const notThePassword =
  /^(?:(?:sha|md|sha3-|blake2?)\d+\w*|bcrypt|[sy]?crypt|pbkdf2\w*|argon2\w*|[A-Z]{2,5}-?\d{5,}|(?:[a-z]+[-_])*v?\d+(?:\.\d+)+)$/;

export function createPasswordInProseDetector(): Detector {
  const hint = anyOf(ownerWords);
  return {
    type: 'secret_kv',
    keywordGroups: [ownerWords],
    mayMatch: (text) => hint.test(text),
    find(text: string, out: Candidate[]): void {
      passwordInProse.lastIndex = 0;
      for (let m = passwordInProse.exec(text); m !== null; m = passwordInProse.exec(text)) {
        const value = m[2] as string;
        // `new password for requester 6473049483: must …`: a name before a colon; a stand-in or a reference.
        if (value.endsWith(':') || value.includes('=') || /^(.)\1*$/.test(value) || isPlaceholderValue(value)) continue;
        // After a colon, what an event names rather than the password: `updated: sha512 rounds=…` (a hash), `updated:
        // firmware-4.2.1` (a version), `reset: INC0012345 closed` (a ticket).
        if (
          /:[ \t]*["']?$/.test(m[0].slice(0, m[0].length - value.length - (m[1] as string).length)) &&
          notThePassword.test(value)
        )
          continue;
        const end = m.index + m[0].length - (m[1] as string).length;
        out.push(candidate('secret_kv', end - value.length, end));
      }
    },
    normalize: keepAsIs,
  };
}

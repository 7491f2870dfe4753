import { candidate, keepAsIs, type Candidate, type Detector } from './detector';
import { isCommonWord } from './common-words';
import { roleWords, softwareRoles } from './person-roles';
import { generatedValue, loginShaped, plainLogin, softwareCompound, systemAccounts } from './user-actor';
import { proseLoginEnd as end, proseLogin as name } from './user-name';

// Roles only people hold (`by trainer pt_ivan`, `sitter alpine.paws`), and roles software holds too (`agent gpg`,
// `driver ehci`, `owner root`): a name after one of those must look like a login, or the role must follow
// `by`/`to`/`for`/`from`/`with` or `(` (`by operator lquinn`, `(agent kwamem)`).
const personRoleWords = roleWords('person', 'prose');
const sharedRoleWords = roleWords('shared', 'prose');

// A preposition or a parenthesis before a role says a person's role, not a component's (`by agent nadiak`).
const prepositionBefore = /(?:\b(?:by|to|for|from|with)\s+|\()$/i;

/**
 * A role a person holds before their login, in prose, whatever the product: `by trainer pt_ivan`, `by volunteer
 * vol_ina`, `escort sec_tmorales`, `sender lonely_heart_1987`, `installer smurphy`, `by operator lquinn`. The role
 * class is general (people's roles in any trade); the name's shape does the precision work: a login shape
 * (`loginShaped`: `_`, `.`, digits, no word of software) after any role, a plain login (no word of any language) after
 * a role only people hold, after a preposition and a role software shares, or when it is five letters or more
 * after a role people hold more often than software (`agent pwilliams`, `holder ajohansson`; not `driver usbfs`). Also a login named for the role that
 * introduces it (`agent cs.agent17`, `counter agent ams_agent14`, which a machine's name would otherwise be; `admin
 * wifiadmin`, `admin ats-superadmin`, a compound of words otherwise).
 */
export function createUserRoleWordDetector(): Detector {
  const onlyPeople = new Set(personRoleWords);
  const roles = [...personRoleWords, ...sharedRoleWords];
  // One pass: the role (not part of a path, key or dotted name), maybe a login word (`driver login NAME`, `employer
  // account NAME`), blanks or a `:` or `=` (`staff: NAME`, `csr=NAME`), the name.
  const roleThenName = new RegExp(
    `\\b(?<![\\w./=:-])(${roles.join('|')})(?:\\s+(?:login|account|id|user(?:name)?|laptop|name))?(?:\\s*[:=]\\s*|\\s+)(${name})${end}`,
    'gi',
  );
  // A login named for the role that introduces it: the role numbered after a prefix (`cs.agent17`, `ams_agent14`), or
  // joined to a word of its own (`wifiadmin`, `ats-superadmin`, `jamfadmin`): not the role's plural or a common word.
  const numberedRole = new Map(roles.map((role) => [role, new RegExp(`^[a-z]{2,12}[._]${role}[._-]?\\d{1,6}$`)]));
  const namedForRole = (value: string, role: string) => {
    const lower = value.toLowerCase();
    const at = lower.indexOf(role);
    if (at === -1 || lower === role) return false;
    if (numberedRole.get(role)?.test(lower) === true) return true;
    return at >= 3 && at + role.length === lower.length && /^[a-z]+-?[a-z]+$/.test(lower) && !isCommonWord(lower);
  };
  return {
    type: 'user',
    keywordGroups: [roles.flatMap((role) => [`${role} `, `${role}\t`, `${role}:`, `${role}=`])],
    mayMatch: () => true,
    find(text: string, out: Candidate[]): void {
      roleThenName.lastIndex = 0;
      for (let m = roleThenName.exec(text); m !== null; m = roleThenName.exec(text)) {
        const role = (m[1] as string).toLowerCase();
        const value = m[2] as string;
        const start = m.index + m[0].length - value.length;
        // (The name may be a role before a name itself: `by agent admin_kim`.)
        roleThenName.lastIndex = start;
        if (generatedValue(value, onlyPeople.has(role) ? 'person' : 'shared')) continue;
        const found =
          loginShaped(value) ||
          namedForRole(value, role) ||
          (onlyPeople.has(role) && systemAccounts.has(value)) ||
          ((onlyPeople.has(role) ||
            (value.length >= 5 &&
              !softwareRoles.has(role) &&
              !value.toLowerCase().includes(role) &&
              !softwareCompound(value)) ||
            prepositionBefore.test(text.slice(Math.max(0, m.index - 6), m.index))) &&
            plainLogin(value));
        if (found) out.push(candidate('user', start, start + value.length, m.index, start + value.length));
      }
    },
    normalize: keepAsIs,
  };
}

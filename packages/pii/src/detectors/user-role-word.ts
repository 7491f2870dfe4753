import { candidate, keepAsIs, type Candidate, type Detector } from './detector';
import { isCommonWord } from './common-words';
import { personRoles } from './person-roles';
import { loginShaped, plainLogin } from './user-actor';
import { generatedOrNumber, proseLoginEnd as end, proseLogin as name } from './user-name';

/**
 * Roles people hold in a product, in any industry, beyond the roles of a key (`personRoles`): who trains, volunteers,
 * registers, tests, sits, plans, comments, organises, escorts or sails (`by trainer pt_ivan`, `flagged for registrar
 * registrar_kim`, `sitter alpine.paws`, `seafarer cseafarer_4412`).
 */
const peopleOnly = `
applicant athlete attendee candidate coach commenter concierge consultant contractor coordinator courier csr dealer
dispatcher employee employer escort exhibitor groomer guard helpdesk instructor judge landlord learner marshal mgr
moderator nanny organiser organizer packer passenger patron picker pilot planner presenter pupil ranger registrar rep
representative reporter resident rider seafarer seller specialist speaker sponsor staff student supervisor teacher
sitter tester trainer umpire visitor volunteer walker witness administrator requestor
`
  .split(/\s+/)
  .filter((role) => role !== '');
const personRoleWords = [...new Set([...personRoles, ...peopleOnly])];

/** Roles software has too (`agent gpg`, `driver ehci`, `owner root`, `sender mailer`): a name after one must look like a
 * login, or the role must follow `by`/`to`/`for`/`from`/`with` or `(` (`by operator lquinn`, `(agent kwamem)`). */
const sharedRoleWords = `
admin agent author contributor creator driver editor holder member mod official operator owner player publisher
recipient reseller sender subscriber tech tenant uploader
`
  .split(/\s+/)
  .filter((role) => role !== '');

// A preposition or a parenthesis before a role says a person's role, not a component's (`by agent nadiak`).
const prepositionBefore = /(?:\b(?:by|to|for|from|with)\s+|\()$/i;

/**
 * A role a person holds before their login, in prose, whatever the product: `by trainer pt_ivan`, `by volunteer
 * vol_ina`, `escort sec_tmorales`, `sender lonely_heart_1987`, `installer smurphy`, `by operator lquinn`. The role
 * class is general (people's roles in any trade); the name's shape does the precision work: a login shape
 * (`loginShaped`: `_`, `.`, digits, no word of software) after any role, a plain login (no word of any language) after
 * a role only people hold or after a preposition and a role software shares. Also a login named for the role that
 * introduces it (`agent cs.agent17`, `counter agent ams_agent14`, which a machine's name would otherwise be; `admin
 * wifiadmin`, `admin ats-superadmin`, a compound of words otherwise).
 */
export function createUserRoleWordDetector(): Detector {
  const onlyPeople = new Set(personRoleWords);
  const roles = [...personRoleWords, ...sharedRoleWords];
  // One pass: the role (not part of a path, key or dotted name), blanks, the name.
  const roleThenName = new RegExp(`\\b(?<![\\w./=:-])(${roles.join('|')})\\s+(${name})${end}`, 'gi');
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
    keywordGroups: [roles.flatMap((role) => [`${role} `, `${role}\t`])],
    mayMatch: () => true,
    find(text: string, out: Candidate[]): void {
      roleThenName.lastIndex = 0;
      for (let m = roleThenName.exec(text); m !== null; m = roleThenName.exec(text)) {
        const role = (m[1] as string).toLowerCase();
        const value = m[2] as string;
        const start = m.index + m[0].length - value.length;
        // (The name may be a role before a name itself: `by agent admin_kim`.)
        roleThenName.lastIndex = start;
        if (generatedOrNumber.test(value)) continue;
        const found =
          loginShaped(value) ||
          namedForRole(value, role) ||
          ((onlyPeople.has(role) || prepositionBefore.test(text.slice(Math.max(0, m.index - 6), m.index))) &&
            plainLogin(value));
        if (found) out.push(candidate('user', start, start + value.length, m.index, start + value.length));
      }
    },
    normalize: keepAsIs,
  };
}

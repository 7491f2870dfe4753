import { combineDetectors, type Detector } from './detector';
import { roleWords, softwareRoles } from './person-roles';
import { createRuleDetector, rule } from './rules';
import { generatedValue, loginShaped, plainLogin, softwareCompound } from './user-actor';
import { fieldLoginEnd as end, proseLogin as name } from './user-name';

// Roles only people hold (`viewer=bluejay`, `"sitter":"wrenwalks"`, `clinician=`), and roles software holds too
// (`agent=filebeat`, `player=vlc`, `worker=celery-3`, `member=gold`, `sender=MIS`).
const peopleOnly = roleWords('person', 'key');
const sharedWithSoftware = roleWords('shared', 'key');

const capitalized = (word: string) => `${(word[0] as string).toUpperCase()}${word.slice(1)}`;
// A file or a host, not an account: `build.sh`, `notify.example.com`.
const fileOrHost =
  /\.(?:com|org|net|io|dev|example|local|internal|sh|py|js|ts|rb|go|json|ya?ml|tf|toml|conf|txt|log|csv|exe|sys|jar)$|\.\d/;

/** The key: the role as its last word after prefixes joined by `_` or `.` (`assigned_worker`, `booking.sitter`) or in
 * camelCase (`assignedWorker`), maybe before an id word (`member_login`, `viewerName`), then `=` or `:` and the value. */
function roleKey(roles: readonly string[]): string {
  const spelled = roles.flatMap((role) => [role, capitalized(role), role.toUpperCase()]);
  return (
    `(?<![\\w.-])(?:(?:[A-Za-z]{1,20}[_.]){0,3}(?:${spelled.join('|')})|[a-z]{1,20}(?:${roles.map(capitalized).join('|')}))` +
    `(?:[_.-]?(?:id|name|login|user(?:name)?)|Id|ID|Name|Login|User(?:name)?)?\\\\?["']?[:=]\\s*\\\\?["']?(${name})${end}`
  );
}

// (Not a blank or a `.` after the role: `member = x` is rare, and `Agent.` and `worker ` are words of code and prose.)
const keywords = (roles: readonly string[]) =>
  roles.flatMap((role) =>
    ['=', ':', '"', "'", '\\', '_', 'id', 'name', 'login', 'user'].map((next) => `${role}${next}`),
  );

/**
 * A key that names a person's role in the product, whatever prefix it has (`member=`, `assigned_worker:`,
 * `"viewer":`, `memberLogin=`): a login under it is the person. Under a role software holds too, only a login by its
 * shape (`tmp.jreyes`, `cx.fatima.o`); under a role only people hold, a plain login too (`walkswithwren`). Not a word,
 * a generated id or a number.
 */
export function createUserRoleKeyDetector(): Detector {
  const people = createRuleDetector(
    'user',
    [[rule(keywords(peopleOnly), roleKey(peopleOnly))]],
    (value) => !generatedValue(value) && (loginShaped(value) || plainLogin(value)),
  );
  // Under a role people hold more often than software, a long plain login too (`agent=tpatel`, `member=jnovak`);
  // under one software holds more often (`worker=`, `sender=`), only a login by its shape.
  const sharedPeopleFirst = sharedWithSoftware.filter((role) => !softwareRoles.has(role));
  const sharedSoftwareFirst = sharedWithSoftware.filter((role) => softwareRoles.has(role));
  const shared = createRuleDetector(
    'user',
    [[rule(keywords(sharedPeopleFirst), roleKey(sharedPeopleFirst))]],
    (value) =>
      !generatedValue(value, 'shared') &&
      (loginShaped(value) || (value.length >= 5 && plainLogin(value) && !softwareCompound(value))),
  );
  const software = createRuleDetector(
    'user',
    [[rule(keywords(sharedSoftwareFirst), roleKey(sharedSoftwareFirst))]],
    (value) => !generatedValue(value, 'shared') && loginShaped(value),
  );
  // Who acted, by a key (`opened_by`, `"by"`, `reviewer=`): a service's or a team's account joined by `-` or `.`
  // (`billing-bot`, `secops-automation`, `finance.ops2`) or the system's own (`admin`, `root`): words of prose are not
  // joined so, and the other rules take a login shape or a plain login there.
  const actedBy = createRuleDetector(
    'user',
    [
      [
        rule(
          ['by=', 'by:', 'by"', "by'", 'by\\', 'reviewer', 'approver'],
          `(?<![\\w.-])(?:[a-z]{2,20}[_.-]?by|[a-z]{2,20}By|by|By|BY|reviewer|approver)\\\\?["']?\\s*[:=]\\s*\\\\?["']?([a-z][a-z0-9]*(?:[-.][a-z0-9]+){1,3}|admin|root)${end}`,
        ),
      ],
    ],
    (value) => !fileOrHost.test(value),
  );
  return combineDetectors('user', [people, shared, software, actedBy]);
}

/**
 * The one list of role words every `user` rule reads (written in-house, across industries: care, finance, field work,
 * offices, schools, shops, games, streams, bookings). Each word says who holds the role and where a rule may read it:
 * - `person`: only people hold it (`clinician`, `teller`, `sitter`, `volunteer`); a plain login after or under one is
 *   the person (`teacher tmoreau`, `viewer=bluejay`).
 * - `shared`: software holds it too (`agent gpg`, `driver ehci`, `player=vlc`, `worker=celery-3`); only a login by
 *   its shape counts after or under one (`agent cs.agent17`, `worker=tmp.jreyes`).
 * - `prose`: read before a name in a message (`by trainer pt_ivan`); `key`: read as a key's last word
 *   (`attending_nurse=`, `"sitter":`, `trader_id=`). A word is both unless its line says otherwise.
 * - `software`: a role software holds more often than people (`driver usbfs`, `subscriber mqtt1`, `worker=celery`):
 *   a plain login after or under one is no person even when it is long (`agent tpatel`, `member=jnovak` are).
 * Roles that software has under a key too (`planner=`, `reporter=`, `trainer=`, `tester=`: a component's) are read in
 * prose only; `worker` and `guest` under a key only (`worker ran`, `guest wifi` are prose). `author`, `editor`,
 * `administrator`, `admin`, `operator` have their own key rule in user-actor.ts.
 */
const table = `
person prose key:
accountant actuary adjuster advisor adviser analyst anesthetist appraiser approver architect assessor assignee associate
attendant attorney auditor banker barista bartender bookkeeper butcher buyer caregiver carer caseworker cashier chef
chemist cardholder claimant clerk clinician coach counselor counsellor courier curator custodian dentist designer
dietitian dispatcher doctor economist educator electrician embalmer engineer examiner facilitator farmer fitter
filer guardian hygienist inspector installer instructor interviewer investigator janitor journalist lawyer lecturer
librarian lineman locksmith machinist manager mechanic medic midwife moderator notary nurse officer optician optometrist
paralegal paramedic parent pathologist pharmacist phlebotomist physician physiotherapist plumber porter practitioner
preparer professor prosecutor psychologist radiographer radiologist realtor receptionist recruiter referee requester
requestor researcher reviewer salesperson scientist secretary sergeant signer sonographer steward student submitter
superintendent supervisor surgeon surveyor teacher technician tech teller therapist trader trainee treasurer tutor
underwriter valuer veterinarian vet volunteer waiter warden welder
applicant athlete attendee candidate commenter concierge consultant contractor coordinator employee employer exhibitor
groomer landlord nanny organiser organizer passenger patron pilot pupil registrar representative resident seafarer
seller sitter sponsor staff visitor walker witness captain signaller
customer viewer participant mentor shopper donor streamer fan on_call oncall on-call
person prose:
csr dealer escort guard helpdesk judge learner marshal mgr packer picker planner presenter ranger rep reporter rider
specialist speaker tester trainer umpire administrator
shared prose key:
agent member player creator
shared prose:
admin author contributor editor holder mod official operator owner reseller tenant
shared prose key software:
sender subscriber
shared prose software:
driver publisher recipient uploader
shared key software:
worker guest
`;

/** Who holds a role: only people, or software too. */
export type RoleHolder = 'person' | 'shared';
/** Where a rule reads a role word: before a name in prose, or as a key's last word. */
export type RolePlace = 'prose' | 'key';

interface Role {
  readonly word: string;
  readonly holder: RoleHolder;
  readonly places: readonly RolePlace[];
  readonly software: boolean;
}

function parseTable(text: string): Role[] {
  const roles: Role[] = [];
  let holder: RoleHolder = 'person';
  let places: RolePlace[] = [];
  let software = false;
  for (const token of text.split(/\s+/)) {
    if (token === '') continue;
    if (token === 'person' || token === 'shared') {
      holder = token;
      places = [];
      software = false;
    } else if (token === 'software' || token === 'software:') software = true;
    else if (token === 'prose' || token === 'prose:' || token === 'key' || token === 'key:') {
      places.push(token.replace(':', '') as RolePlace);
    } else roles.push({ word: token, holder, places, software });
  }
  return roles;
}

const roles = parseTable(table);

/** The role words one holder has (or any), read in one place: `roleWords('person', 'prose')`. */
export function roleWords(holder: RoleHolder | 'any', place: RolePlace | 'any'): string[] {
  const words = roles
    .filter((role) => (holder === 'any' || role.holder === holder) && (place === 'any' || role.places.includes(place)))
    .map((role) => role.word);
  return [...new Set(words)];
}

/** Roles software holds more often than people (`driver`, `worker`, `subscriber`). */
export const softwareRoles: ReadonlySet<string> = new Set(
  roles.filter((role) => role.software).map((role) => role.word),
);

/** Roles only people hold, read as a key's last word (a table's column, a mailbox's local part). */
export const personRoles: readonly string[] = roleWords('person', 'key');

/**
 * Roles only people hold, across industries, written in-house: care (`clinician`, `caregiver`), finance (`trader`,
 * `teller`, `underwriter`), field work (`tech`, `installer`), offices and schools. A key whose last word is one names
 * the person who acted (`clinician=`, `attending_nurse=`, `trader_id=`). Roles that software has too (`driver`,
 * `agent`, `broker`, `operator`, `controller`, `planner`, `reporter`, `signer`, `interpreter`, `trainer`...) are not
 * here: `Driver=overlay2`, `user_agent=`, `broker=kafka-1` name no one. (Nor the keys other rules read: `author`,
 * `editor`, `administrator`, `principal`; `approver` is, as another rule reads it only as a whole key, not
 * `second_approver=`.)
 */
export const personRoles: readonly string[] = `
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
`
  .split(/\s+/)
  .filter((role) => role !== '');

/**
 * Who may not decide a stage even when designated: the applicant; the applicant's family, either way
 * round; and whoever decided another stage of the same application. People are compared by subject.
 * Family members carry no subject (nor any ID), so an officer is linked to registry data through their
 * subject: the registrants of the applications they submitted, and the registrant of the national ID in
 * their token. Family ties are then matched on given name, family name and birth date (docs/decisions.md).
 */
import type { Principal } from '../../platform/auth/principal.js';
import type { Transaction } from '../../platform/db/sql.js';
import { selectOne } from '../../platform/db/sql.js';
import { ForbiddenError } from '../../platform/http/errors.js';
import type { ApprovalsDeps } from './deps.js';

/** Names (ignoring case and edge spaces) and birth date of `given`, `family`, `birth` equal those of row `other`. */
function samePerson(given: string, family: string, birth: string, other: string): string {
  return `lower(btrim(${given})) = lower(btrim(${other}.given_name)) AND lower(btrim(${family})) = lower(btrim(${other}.family_name))
      AND ${birth} = ${other}.birth_date`;
}

// The applicant as the application's snapshot holds them, and each of its family members `m`.
const APPLICANT = ["a.snapshot -> 'applicant' ->> 'givenName'", "a.snapshot -> 'applicant' ->> 'familyName'"] as const;
const APPLICANT_BIRTH = "CAST(a.snapshot -> 'applicant' ->> 'birthDate' AS date)";
const MEMBER_BIRTH = "CAST(m ->> 'birthDate' AS date)";

// In one read, taken after the row lock (so it sees what an officer deciding before us committed): the
// stage this officer already decided here, and their ties to the applicant through the registry, found by
// the applications they submitted and by the national ID in their token.
const DUTIES = `
  WITH officer AS (
    SELECT r.id, r.given_name, r.family_name, r.birth_date FROM registrants r
    WHERE (r.id_type = 'NATIONAL_ID' AND r.id_value = CAST(:nationalId AS varchar))
       OR r.id IN (SELECT registrant_id FROM applications WHERE applicant_subject = :subject AND status <> 'DRAFT')
  )
  SELECT
    (SELECT min(d.stage_position) FROM application_decisions d
     WHERE d.application_id = a.id AND d.officer_subject = :subject) AS decided_position,
    EXISTS (SELECT 1 FROM officer o WHERE o.id = a.registrant_id) AS same_registrant,
    EXISTS (
      SELECT 1 FROM officer o, jsonb_array_elements(COALESCE(a.snapshot -> 'familyMembers', '[]')) AS m
      WHERE ${samePerson("m ->> 'givenName'", "m ->> 'familyName'", MEMBER_BIRTH, 'o')}
    ) OR EXISTS (
      SELECT 1 FROM officer o JOIN family_members f ON f.registrant_id = o.id
      WHERE ${samePerson(APPLICANT[0], APPLICANT[1], APPLICANT_BIRTH, 'f')}
    ) AS family
  FROM applications a WHERE a.id = :id`;

/** Refuses (403, naming the rule) an officer who may not decide this application's stage `position`. */
export async function checkSeparationOfDuties(
  deps: ApprovalsDeps,
  actor: Principal,
  application: { id: string; applicantSubject: string },
  transaction: Transaction,
): Promise<void> {
  const duties = await selectOne<{ decided_position: number | null; same_registrant: boolean; family: boolean }>(
    deps.sequelize,
    DUTIES,
    { id: application.id, subject: actor.subject, nationalId: actor.nationalId ?? null },
    transaction,
  );
  if (application.applicantSubject === actor.subject) {
    throw new ForbiddenError('You submitted this application; another officer decides it.', 'ERR_APPROVAL_OWN_APPLICATION');
  }
  if (duties?.decided_position != null) {
    throw new ForbiddenError(
      `You decided stage ${duties.decided_position} of this application; another officer decides each of its other stages.`,
      'ERR_APPROVAL_SECOND_STAGE',
    );
  }
  if (duties?.same_registrant) {
    throw new ForbiddenError('This application is about you; another officer decides it.', 'ERR_APPROVAL_OWN_APPLICATION');
  }
  if (duties?.family) {
    throw new ForbiddenError("You are of the applicant's family; another officer decides it.", 'ERR_APPROVAL_FAMILY_MEMBER');
  }
}

/**
 * The demo program `npm start` sets up, following the seed's example process: a social worker, a
 * junior officer and a senior officer (who assesses the amount), each a named demo user. They are
 * named by user name like a manager would; the service looks each up in the identity provider and
 * stores their subject.
 */
import type { ProgramsService } from './service.js';

export const DEMO_PROGRAM_CODE = 'EMERG-SURG';

const IDENTITY_MATCHES = { code: 'identity-matches', label: 'The identity document matches the applicant' };
const NOT_ENROLLED = { code: 'not-enrolled', label: 'Not already enrolled: no duplicate of an enrolled beneficiary' };
const DOCUMENTS_VERIFIED = { code: 'documents-verified', label: 'The documents are inspected and verified' };
const TREATMENT_URGENT = { code: 'treatment-urgent', label: 'The treatment is urgent and eligible under the program' };
const COST_PLAUSIBLE = { code: 'cost-plausible', label: 'The estimated cost is plausible for the treatment' };

const SYSTEM = { subject: 'system', username: 'system', roles: ['program-manager' as const] };

export async function seedDemoProgram(programs: ProgramsService): Promise<'created' | 'present'> {
  const existing = await programs.listPrograms(SYSTEM, { code: DEMO_PROGRAM_CODE, page: 1, pageSize: 1 });
  if (existing.total > 0) return 'present';
  const program = await programs.createProgram(SYSTEM, {
    code: DEMO_PROGRAM_CODE,
    name: 'Emergency surgery and treatment',
    description: 'Immediate help with the cost of urgent surgery, treatment or a medical crisis.',
    currency: 'USD',
    maxAmount: '5000.00',
    voucherValidityDays: 30,
    // The demo's applicants live on the Kenyan coast (Mombasa, Likoni).
    timeZone: 'Africa/Nairobi',
    treatmentTypes: [
      { code: 'surgery', label: 'Urgent surgery' },
      { code: 'treatment', label: 'Medical treatment' },
      { code: 'medication', label: 'Medication' },
      { code: 'crisis', label: 'Crisis support' },
    ],
    reasonCodes: [
      { code: 'eligible', label: 'Meets the eligibility criteria' },
      { code: 'documents-verified', label: 'Documents inspected and verified' },
      { code: 'documents-incomplete', label: 'Documents missing or unreadable' },
      { code: 'duplicate', label: 'Duplicate of an enrolled beneficiary' },
      { code: 'not-eligible', label: 'Does not meet the eligibility criteria' },
    ],
    // Each stage's checklist follows the chart: the social worker checks identity and enrolment, the two
    // officers the documents and eligibility; the senior officer, who sets the amount, also the cost.
    stages: [
      {
        name: 'Social worker: documents, enrolment, deduplication, eligibility',
        kind: 'review',
        officer: { type: 'user', ref: 'samuel' },
        checklist: [IDENTITY_MATCHES, NOT_ENROLLED],
      },
      {
        name: 'Junior officer: documents and eligibility',
        kind: 'review',
        officer: { type: 'user', ref: 'joy' },
        checklist: [DOCUMENTS_VERIFIED, TREATMENT_URGENT],
      },
      {
        name: 'Senior officer: verification, eligibility and amount',
        kind: 'assessment',
        officer: { type: 'user', ref: 'sena' },
        checklist: [DOCUMENTS_VERIFIED, TREATMENT_URGENT, COST_PLAUSIBLE],
      },
    ],
  });
  await programs.updateProgram(SYSTEM, program.id, { version: program.version, state: 'open' });
  return 'created';
}

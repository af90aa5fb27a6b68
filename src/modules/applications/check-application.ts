/** The rules of a complete application beyond its schema. Field paths start at `prefix`: `/body`, or `/data` for a draft. */
import type { Transaction } from '../../platform/db/sql.js';
import type { Principal } from '../../platform/auth/principal.js';
import { ForbiddenError, InputError, UnprocessableError, type ErrorCodeWithStatus, type FieldError } from '../../platform/http/errors.js';
import type { OpenProgram } from '../programs/index.js';
import { checkBirthDates, requireValidPaymentAccount } from '../registry/index.js';
import type { ApplicationsDeps } from './deps.js';
import type { ApplicationInput, AttachedDocument } from './models.js';

export interface CheckApplicationResult {
  program: OpenProgram;
  attached: AttachedDocument[];
}

function fail(detail: string, fields: FieldError[], code: ErrorCodeWithStatus<400> = 'ERR_VALIDATION'): never {
  throw new InputError(detail, fields, code);
}

export function requireNationalId(actor: Principal): string {
  if (!actor.nationalId) {
    throw new ForbiddenError(
      'Your account carries no verified national ID, so an application cannot be linked to you. Contact the program office.',
      'ERR_IDENTITY_UNVERIFIED',
    );
  }
  return actor.nationalId;
}

/** Every rule of a complete application, in the order a person would fix them. */
export async function checkApplication(
  deps: ApplicationsDeps,
  actor: Principal,
  input: ApplicationInput,
  nationalId: string,
  prefix: string,
  transaction: Transaction,
): Promise<CheckApplicationResult> {
  if (input.applicant.idType !== undefined || input.applicant.idValue !== undefined) {
    if (input.applicant.idType !== 'NATIONAL_ID' || input.applicant.idValue !== nationalId) {
      fail(
        'The ID in the application is not the national ID your account is verified with.',
        [{ path: `${prefix}/applicant/idValue`, message: 'must be your own national ID' }],
        'ERR_IDENTITY_MISMATCH',
      );
    }
  }
  const program = await deps.programs.findOpenProgram(input.programId, transaction);
  if (!program) throw new UnprocessableError('That program does not exist or does not take applications now.', 'ERR_PROGRAM_CLOSED');
  if (!program.treatmentTypes.some((t) => t.code === input.treatment.type)) {
    fail(
      `"${input.treatment.type}" is not a treatment type of ${program.name}.`,
      [{ path: `${prefix}/treatment/type`, message: `must be one of: ${program.treatmentTypes.map((t) => t.code).join(', ')}` }],
      'ERR_UNKNOWN_TREATMENT_TYPE',
    );
  }
  if (input.treatment.currency !== program.currency) {
    fail(
      `Amounts for ${program.name} are in ${program.currency}.`,
      [{ path: `${prefix}/treatment/currency`, message: `must be ${program.currency}` }],
      'ERR_CURRENCY_MISMATCH',
    );
  }
  if (!(Number(input.treatment.estimatedCost) > 0)) {
    fail(
      'The estimated cost must be more than zero.',
      [{ path: `${prefix}/treatment/estimatedCost`, message: 'must be more than 0' }],
      'ERR_AMOUNT_NOT_POSITIVE',
    );
  }
  const dates = checkBirthDates(input.applicant, input.familyMembers, deps.now(), {
    person: `${prefix}/applicant`,
    family: `${prefix}/familyMembers`,
  });
  if (dates.length > 0) fail(dates.map((e) => `${e.path} ${e.message}`).join('; '), dates);
  requireValidPaymentAccount(input.applicant.paymentAccount, `${prefix}/applicant/paymentAccount`);
  const attached = await attachableDocuments(deps, actor, input, prefix, transaction);
  return { program, attached };
}

/** The listed documents, each once and each uploaded by the applicant; refused by position otherwise. */
async function attachableDocuments(
  deps: ApplicationsDeps,
  actor: Principal,
  input: ApplicationInput,
  prefix: string,
  transaction: Transaction,
): Promise<AttachedDocument[]> {
  const wanted = input.documents ?? [];
  if (wanted.length === 0) return [];
  const ids = wanted.map((d) => d.documentId);
  if (new Set(ids).size !== ids.length)
    fail('A document is listed twice.', [{ path: `${prefix}/documents`, message: 'must not list a document twice' }]);
  const owned = await deps.documents.findOwnedBy(ids, actor.subject, transaction);
  const missing = wanted.map((d, i) => ({ d, i })).filter(({ d }) => !owned.some((o) => o.id === d.documentId));
  if (missing.length > 0) {
    fail(
      'Only documents you uploaded yourself can be attached.',
      missing.map(({ i }) => ({ path: `${prefix}/documents/${i}/documentId`, message: 'is not a document you uploaded' })),
      'ERR_DOCUMENT_NOT_ATTACHABLE',
    );
  }
  return wanted.map((d) => {
    const found = owned.find((o) => o.id === d.documentId);
    return {
      documentId: d.documentId,
      kind: d.kind,
      fileName: found?.fileName ?? '',
      mediaType: found?.mediaType ?? '',
      sizeBytes: found?.sizeBytes ?? 0,
    };
  });
}

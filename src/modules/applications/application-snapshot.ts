import type { OpenProgram } from '../programs/index.js';
import { ageOn } from '../registry/index.js';
import type { ApplicationInput, ApplicationSnapshot, AttachedDocument } from './models.js';

/**
 * What officers will see, frozen at submission: the applicant as verified (national ID from the token),
 * ages as of today, the treatment's label and the documents' metadata as they were.
 */
export function snapshotOf(
  input: ApplicationInput,
  nationalId: string,
  program: OpenProgram,
  attached: AttachedDocument[],
  today: Date,
  verifiedById: ApplicationSnapshot['applicant']['verifiedById'] = [],
): ApplicationSnapshot {
  const { idType: _idType, idValue: _idValue, ...person } = input.applicant;
  return {
    programCode: program.code,
    programName: program.name,
    treatment: {
      ...input.treatment,
      typeLabel: program.treatmentTypes.find((t) => t.code === input.treatment.type)?.label ?? input.treatment.type,
    },
    applicant: {
      idType: 'NATIONAL_ID',
      idValue: nationalId,
      ...person,
      age: ageOn(person.birthDate, today),
      ...(verifiedById && verifiedById.length > 0 ? { verifiedById } : {}),
    },
    familyMembers: (input.familyMembers ?? []).map((m) => ({ ...m, age: ageOn(m.birthDate, today) })),
    documents: attached,
  };
}

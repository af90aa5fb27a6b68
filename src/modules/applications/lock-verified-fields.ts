/**
 * The fields a verified ID QR vouched for are the applicant's as the ID writes them: an application that sends
 * another value for one is refused (the page shows them locked; the API says which field), and one that leaves the
 * address line out gets the ID's. The snapshot names these fields, so officers see them marked "verified by ID".
 */
import { InputError, type FieldError } from '../../platform/http/errors.js';
import type { Transaction } from '../../platform/db/sql.js';
import type { ApplicationInput } from './models.js';

/** What the identity module knows of an account's verified ID (app.ts wires it). */
export interface VerifiedIdReader {
  verifiedFieldsOf(subject: string, transaction?: Transaction): Promise<VerifiedIdFields | undefined>;
}

export interface VerifiedIdFields {
  idNumber: string;
  givenName?: string;
  familyName?: string;
  birthDate?: string;
  gender?: 'female' | 'male' | 'other';
  address?: string;
}

export type VerifiedApplicantField = 'givenName' | 'familyName' | 'birthDate' | 'gender' | 'address';

export interface LockedInput {
  input: ApplicationInput;
  /** The applicant's fields the ID vouched for, in the application's names (`address` is its line). */
  verifiedById: VerifiedApplicantField[];
}

const same = (a: string | undefined, b: string) => a !== undefined && a.trim() === b.trim();

export function lockVerifiedFields(input: ApplicationInput, verified: VerifiedIdFields | undefined, prefix: string): LockedInput {
  if (!verified) return { input, verifiedById: [] };
  const applicant = input.applicant;
  const fields: FieldError[] = [];
  const verifiedById: VerifiedApplicantField[] = [];
  for (const field of ['givenName', 'familyName', 'birthDate', 'gender'] as const) {
    const value = verified[field];
    if (value === undefined) continue;
    verifiedById.push(field);
    if (!same(applicant[field], value))
      fields.push({ path: `${prefix}/applicant/${field}`, message: 'must be as your verified ID writes it' });
  }
  let address = applicant.address;
  if (verified.address !== undefined) {
    verifiedById.push('address');
    if (address.line === undefined || address.line.trim() === '') address = { ...address, line: verified.address };
    else if (!same(address.line, verified.address)) {
      fields.push({ path: `${prefix}/applicant/address/line`, message: 'must be as your verified ID writes it' });
    }
  }
  if (fields.length > 0) {
    throw new InputError('Fields your verified ID vouches for cannot be changed.', fields, 'ERR_ID_VERIFIED_FIELD_CHANGED');
  }
  return { input: { ...input, applicant: { ...applicant, address } }, verifiedById };
}

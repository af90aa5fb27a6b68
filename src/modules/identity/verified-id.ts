/**
 * What a verified ID says about its holder, in the application's terms: the fields that pre-fill the
 * application and that the applicant then cannot change.
 */
import type { Claim169 } from './claim169/claim169-fields.js';

export type VerifiedGender = 'female' | 'male' | 'other';

export interface VerifiedId {
  /** `claim169` (MOSIP ID QR) or `vc` (a W3C Verifiable Credential identity card). */
  format: 'claim169' | 'vc';
  issuer: string;
  idNumber: string;
  givenName?: string;
  familyName?: string;
  /** YYYY-MM-DD */
  birthDate?: string;
  gender?: VerifiedGender;
  /** One line, as the ID writes it. */
  address?: string;
  /** The photo on the ID, as a data: URL of a JPEG or PNG (other formats are not shown). */
  photo?: string;
  /** When the ID's code stops being valid, ISO 8601. */
  expiresAt?: string;
}

/** The application fields a verified ID fills and locks. */
export const LOCKABLE_FIELDS = ['givenName', 'familyName', 'birthDate', 'gender', 'address'] as const;
export type LockableField = (typeof LOCKABLE_FIELDS)[number];

const GENDERS: Record<number, VerifiedGender> = { 1: 'male', 2: 'female', 3: 'other' };

/** `19840118` or `1984-01-18`, when it is a date of the calendar. */
export function isoDateOf(text: string | undefined): string | undefined {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text?.trim() ?? '');
  if (!match) return undefined;
  const iso = `${match[1]}-${match[2]}-${match[3]}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

/** Given and family names: the ID's first and last names, or its full name split before the last word. */
export function namesOf(first: string | undefined, last: string | undefined, full: string | undefined) {
  const given = first?.trim();
  const family = last?.trim();
  if (given && family) return { givenName: given, familyName: family };
  const words = full?.trim().split(/\s+/) ?? [];
  if (words.length >= 2) return { givenName: words.slice(0, -1).join(' '), familyName: words[words.length - 1] as string };
  return { ...(given ? { givenName: given } : {}), ...(family ? { familyName: family } : {}) };
}

/** MOSIP's photo formats: 1 JPEG, 2 JPEG 2000, 3 AVIF, 4 WebP; only JPEG is shown, PNG when the bytes say so. */
function photoOf(claim: Claim169): string | undefined {
  if (!claim.photo) return undefined;
  if (claim.photo.startsWith('iVBORw0KGgo')) return `data:image/png;base64,${claim.photo}`;
  if (claim.photoFormat === 1 || claim.photo.startsWith('/9j/')) return `data:image/jpeg;base64,${claim.photo}`;
  return undefined;
}

export function verifiedIdOfClaim169(claim: Claim169, issuer: string, expiresAt: number | undefined): VerifiedId | undefined {
  const idNumber = claim.id?.trim();
  if (!idNumber) return undefined;
  const birthDate = isoDateOf(claim.dateOfBirth);
  const gender = claim.gender === undefined ? undefined : GENDERS[claim.gender];
  const address = claim.address?.replace(/\s*\n\s*/g, ', ').trim();
  const photo = photoOf(claim);
  return {
    format: 'claim169',
    issuer,
    idNumber,
    ...namesOf(claim.firstName, claim.lastName, claim.fullName),
    ...(birthDate ? { birthDate } : {}),
    ...(gender ? { gender } : {}),
    ...(address ? { address } : {}),
    ...(photo ? { photo } : {}),
    ...(expiresAt !== undefined ? { expiresAt: new Date(expiresAt * 1000).toISOString() } : {}),
  };
}

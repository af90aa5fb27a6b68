/**
 * An identity card as a W3C Verifiable Credential (VC Data Model 2.0), and what it says in the application's
 * terms. Its form: the credentials v2 and identity contexts, type `IdentityCardCredential`, one subject carrying
 * `idNumber` and the person's names, birth date, gender and address (contexts/identity/v1.jsonld).
 */
import { isoDateOf, namesOf, type VerifiedGender, type VerifiedId } from '../verified-id.js';
import { IDENTITY_CONTEXT_URL } from './identity-context.js';

export const CREDENTIALS_V2_CONTEXT_URL = 'https://www.w3.org/ns/credentials/v2';
export const ID_CARD_TYPE = 'IdentityCardCredential';

export interface IdCardForm {
  issuer: string;
  /** Milliseconds since the epoch, when the credential has the date. */
  validFrom?: number;
  validUntil?: number;
  subject: Record<string, unknown>;
  /** Whether it names a status list (which this service cannot consult for another issuer). */
  hasStatus: boolean;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const CONTEXTS = new Set([CREDENTIALS_V2_CONTEXT_URL, IDENTITY_CONTEXT_URL]);

function readDate(value: unknown): number | undefined | 'bad' {
  if (value === undefined) return undefined;
  return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)) ? Date.parse(value) : 'bad';
}

/** What the checks rely on, or undefined when the credential is no identity card. */
export function readIdCardForm(credential: Record<string, unknown>): IdCardForm | undefined {
  const contexts = credential['@context'];
  if (!Array.isArray(contexts) || contexts[0] !== CREDENTIALS_V2_CONTEXT_URL || !contexts.includes(IDENTITY_CONTEXT_URL)) return undefined;
  if (contexts.some((context) => typeof context !== 'string' || !CONTEXTS.has(context))) return undefined;
  const types = credential.type;
  if (!Array.isArray(types) || !types.includes('VerifiableCredential') || !types.includes(ID_CARD_TYPE)) return undefined;
  const issuer = typeof credential.issuer === 'string' ? credential.issuer : (credential.issuer as { id?: unknown } | null)?.id;
  if (typeof issuer !== 'string') return undefined;
  const validFrom = readDate(credential.validFrom);
  const validUntil = readDate(credential.validUntil);
  if (validFrom === 'bad' || validUntil === 'bad') return undefined;
  const subject = credential.credentialSubject;
  if (subject === null || typeof subject !== 'object' || Array.isArray(subject)) return undefined;
  return {
    issuer,
    ...(validFrom !== undefined ? { validFrom } : {}),
    ...(validUntil !== undefined ? { validUntil } : {}),
    subject: subject as Record<string, unknown>,
    hasStatus: credential.credentialStatus !== undefined,
  };
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
const GENDERS = new Set<VerifiedGender>(['female', 'male', 'other']);

/** The verified fields of a believed identity card; undefined when it holds no ID number. */
export function verifiedIdOfIdCard(form: IdCardForm): VerifiedId | undefined {
  const { subject } = form;
  const idNumber = text(subject.idNumber);
  if (!idNumber) return undefined;
  const birthDate = isoDateOf(text(subject.birthDate));
  const gender = text(subject.gender)?.toLowerCase() as VerifiedGender | undefined;
  const address = text(subject.address)?.replace(/\s*\n\s*/g, ', ');
  return {
    format: 'vc',
    issuer: form.issuer,
    idNumber,
    ...namesOf(text(subject.givenName), text(subject.familyName), text(subject.fullName)),
    ...(birthDate ? { birthDate } : {}),
    ...(gender && GENDERS.has(gender) ? { gender } : {}),
    ...(address ? { address } : {}),
    ...(form.validUntil !== undefined ? { expiresAt: new Date(form.validUntil).toISOString() } : {}),
  };
}

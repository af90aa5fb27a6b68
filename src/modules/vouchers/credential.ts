/** The shapes of the credentials this module makes (VC Data Model 2.0). */

export type StatusPurpose = 'revocation' | 'suspension';

export interface BitstringStatusListEntry {
  type: 'BitstringStatusListEntry';
  statusPurpose: StatusPurpose;
  /** A decimal string, as the Bitstring Status List recommendation defines it. */
  statusListIndex: string;
  statusListCredential: string;
}

export interface VoucherSubject {
  /** The person's name as the provider checks it against an identity document. */
  name: string;
  /** Non-reversible reference to the registrant (see `deriveBeneficiaryReference`). */
  beneficiaryReference: string;
  /** The program's code. */
  program: string;
  /** The program's treatment type code. */
  treatmentType: string;
  /** Decimal amount in `currency`, e.g. "1500.00" (a string: money is never a float). */
  amount: string;
  /** ISO 4217 code. */
  currency: string;
  /** The application's reference as the applicant and officers know it. */
  applicationReference: string;
}

export interface DataIntegrityProof {
  type: 'DataIntegrityProof';
  cryptosuite: string;
  created?: string;
  verificationMethod: string;
  proofPurpose: string;
  proofValue: string;
}

// A type alias, not an interface: it must pass where any JSON object (`UnknownCredential`) is taken.
export type VoucherCredential = {
  '@context': string[];
  id: string;
  type: ['VerifiableCredential', 'EntitlementVoucher'];
  issuer: string;
  validFrom: string;
  validUntil: string;
  credentialSubject: VoucherSubject;
  credentialStatus: BitstringStatusListEntry[];
  proof?: DataIntegrityProof;
};

export type SignedVoucherCredential = VoucherCredential & { proof: DataIntegrityProof };

/** A credential as it arrives to be verified: JSON of unknown shape. */
export type UnknownCredential = Record<string, unknown>;

/** XML Schema dateTime in UTC without fractions of a second: the form CBOR-LD packs into a number. */
export function toDateTimeSeconds(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new TypeError('not a valid date');
  return `${date.toISOString().slice(0, 19)}Z`;
}

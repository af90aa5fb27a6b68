/**
 * The unsigned voucher credential: what a provider needs to serve the person and no more. The shapes of
 * the values are checked here, since a wrong one would be signed and printed.
 */
import { randomUUID } from 'node:crypto';
import {
  toDateTimeSeconds,
  type BitstringStatusListEntry,
  type StatusPurpose,
  type VoucherCredential,
  type VoucherSubject,
} from './credential.js';
import { CREDENTIALS_V2_CONTEXT_URL, VOUCHER_CONTEXT_URL } from './voucher-context.js';

/** A voucher's place in one status list. */
export interface StatusListPosition {
  statusListCredential: string;
  statusListIndex: number;
}

export interface BuildVoucherOptions {
  /** The issuer's did:key (the current key's `did`). */
  issuer: string;
  subject: VoucherSubject;
  /** Start of validity (fractions of a second are dropped). */
  validFrom: Date;
  /** The program's `voucherValidityDays`: the voucher is valid until this many days after `validFrom`. */
  validityDays: number;
  /** Its places in the revocation and the suspension list (the same index in both, by convention). */
  status: Record<StatusPurpose, StatusListPosition>;
  /** `urn:uuid:…`. Default: a new random UUID. */
  id?: string;
}

const DECIMAL_AMOUNT = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;
const CURRENCY = /^[A-Z]{3}$/;
const URN_UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DAY_MS = 86_400_000;

export function buildVoucher(options: BuildVoucherOptions): VoucherCredential {
  const { subject } = options;
  const id = options.id ?? `urn:uuid:${randomUUID()}`;
  if (!URN_UUID.test(id)) throw new TypeError('id must be a lowercase urn:uuid');
  if (!options.issuer.startsWith('did:')) throw new TypeError('issuer must be a DID');
  if (!DECIMAL_AMOUNT.test(subject.amount)) throw new TypeError('amount must be a decimal with at most two decimals, e.g. "1500.00"');
  if (!CURRENCY.test(subject.currency)) throw new TypeError('currency must be an ISO 4217 code');
  for (const field of ['name', 'beneficiaryReference', 'program', 'treatmentType', 'applicationReference'] as const) {
    if (subject[field].trim() === '') throw new TypeError(`${field} must not be empty`);
  }
  if (!Number.isInteger(options.validityDays) || options.validityDays < 1) throw new TypeError('validityDays must be a whole number ≥ 1');
  const validFrom = toDateTimeSeconds(options.validFrom);
  const validUntil = toDateTimeSeconds(new Date(Date.parse(validFrom) + options.validityDays * DAY_MS));
  return {
    '@context': [CREDENTIALS_V2_CONTEXT_URL, VOUCHER_CONTEXT_URL],
    id,
    type: ['VerifiableCredential', 'EntitlementVoucher'],
    issuer: options.issuer,
    validFrom,
    validUntil,
    credentialSubject: {
      name: subject.name,
      beneficiaryReference: subject.beneficiaryReference,
      program: subject.program,
      treatmentType: subject.treatmentType,
      amount: subject.amount,
      currency: subject.currency,
      applicationReference: subject.applicationReference,
    },
    credentialStatus: [statusEntry('revocation', options.status.revocation), statusEntry('suspension', options.status.suspension)],
  };
}

function statusEntry(statusPurpose: StatusPurpose, position: StatusListPosition): BitstringStatusListEntry {
  if (!Number.isInteger(position.statusListIndex) || position.statusListIndex < 0) {
    throw new TypeError('statusListIndex must be a whole number ≥ 0');
  }
  return {
    type: 'BitstringStatusListEntry',
    statusPurpose,
    statusListIndex: String(position.statusListIndex),
    statusListCredential: position.statusListCredential,
  };
}

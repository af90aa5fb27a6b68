/**
 * What a voucher says it entitles to, read from its credential. No Node API: the scanner page's offline
 * verifier shows the same facts (src/web/scan/offline).
 */
import type { components } from '../../generated/openapi.js';

export type VoucherFacts = NonNullable<components['schemas']['ScanVerification']['voucher']>;

/** A voucher's id is its credential's `urn:uuid:` id. */
export const URN_UUID = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** What the voucher entitles to, as it says (it passed the form check; the other checks say whether to trust it). */
export function factsOf(credential: Record<string, unknown>, voucherId: string | undefined): VoucherFacts | undefined {
  const subject = credential.credentialSubject as Record<string, unknown> | undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const facts = {
    ...(voucherId ? { id: voucherId } : {}),
    name: text(subject?.name),
    program: text(subject?.program),
    treatmentType: text(subject?.treatmentType),
    amount: text(subject?.amount),
    currency: text(subject?.currency),
    applicationReference: text(subject?.applicationReference),
    validFrom: text(credential.validFrom),
    validUntil: text(credential.validUntil),
  };
  if (Object.values(facts).some((value) => value === undefined)) return undefined;
  return facts as VoucherFacts;
}

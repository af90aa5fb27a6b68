/**
 * The beneficiary reference a voucher carries: an HMAC of the registrant's id, so a provider can tell two
 * vouchers of one person apart from two people's without learning, or being able to work back to, who
 * the person is in the registry.
 */
import { createHmac } from 'node:crypto';

const CROCKFORD_BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 12 Crockford base32 characters (60 bits): short in the QR code, no collision in any real registry. */
export function deriveBeneficiaryReference(registrantId: string, key: string): string {
  const digest = createHmac('sha256', key).update(`beneficiary:${registrantId}`).digest();
  let value = digest.readBigUInt64BE(0) >> 4n;
  let text = '';
  for (let i = 0; i < 12; i++, value >>= 5n) text = (CROCKFORD_BASE32[Number(value & 31n)] as string) + text;
  return text;
}

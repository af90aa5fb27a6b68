import type { UnknownCredential, VerifyVoucherResult } from '../vouchers/index.js';
import type { VoucherRedemptionState } from '../vouchers/index.js';

/** What verification stands on: the vouchers module's decoding, checks and redemption state. */
export interface VerificationDeps {
  vouchers: {
    decodeVoucherText(text: string): Promise<UnknownCredential>;
    checkVoucher(credential: UnknownCredential): Promise<VerifyVoucherResult>;
    readRedemptionState(voucherId: string): Promise<VoucherRedemptionState | undefined>;
  };
}

import type { OpenedScan, UnknownCredential, VerifyVoucherResult, VoucherScanInput } from '../vouchers/index.js';
import type { VoucherRedemptionState } from '../vouchers/index.js';

/** What verification stands on: the vouchers module's decoding, checks and redemption state. */
export interface VerificationDeps {
  vouchers: {
    openScan(input: VoucherScanInput): Promise<OpenedScan>;
    checkVoucher(credential: UnknownCredential, signatureValid?: boolean): Promise<VerifyVoucherResult>;
    readRedemptionState(voucherId: string): Promise<VoucherRedemptionState | undefined>;
  };
}

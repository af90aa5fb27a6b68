import type { CheckedScan, OpenedScan, UnknownCredential, VoucherScanInput } from '../vouchers/index.js';

/** What verification stands on: the vouchers module's decoding and checks, with the redemption state they read. */
export interface VerificationDeps {
  vouchers: {
    openScan(input: VoucherScanInput): Promise<OpenedScan>;
    checkScan(credential: UnknownCredential, signatureValid: boolean): Promise<CheckedScan>;
  };
}

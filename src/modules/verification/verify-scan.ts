/**
 * One entry point for whatever a scanner read from a voucher: the `VC1-R…` text of its QR code, a credential
 * in JSON (as text or as an object). The answer names every check (form, signature, trusted issuer, validity
 * window, status), says what the voucher entitles to, and, for a provider or a claims officer, what has been
 * redeemed and what remains. A voucher redeemed in full fails its status check as redeemed, not revoked.
 * Nothing a scanner sends is a 5xx: a text that is no voucher fails the form check with the reason.
 */
import { hasAnyRole, type Principal } from '../../platform/auth/principal.js';
import { describeErrorCode, type ErrorCode } from '../../platform/http/error-codes.js';
import type { components } from '../../generated/openapi.js';
import type { VoucherScanInput } from '../vouchers/index.js';
import type { VerificationDeps } from './deps.js';
import { factsOf, URN_UUID } from './voucher-facts.js';

export type ScanInput = components['schemas']['ScanInput'];
export type ScanVerification = components['schemas']['ScanVerification'];
type CheckResult = ScanVerification['checks'][number];

/** Who sees what remains on a voucher. */
const REDEMPTION_READERS = ['service-provider', 'claims-officer'] as const;

function failedForm(code: ErrorCode): ScanVerification {
  return { verified: false, checks: [{ check: 'format', passed: false, code, title: describeErrorCode(code).title }] };
}

/** The credential a scanner sent, or the text to decode; a text that looks like JSON is read as JSON. */
function readInput(input: ScanInput): VoucherScanInput | ErrorCode {
  if ('credential' in input) return { credential: input.credential };
  const text = input.text.trim();
  if (!text.startsWith('{')) return { text };
  try {
    const parsed: unknown = JSON.parse(text);
    const isObject = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
    return isObject ? { credential: parsed as Record<string, unknown> } : 'ERR_VOUCHER_MALFORMED';
  } catch {
    return 'ERR_VOUCHER_MALFORMED';
  }
}

export async function verifyScan(deps: VerificationDeps, input: ScanInput, reader: Principal | undefined): Promise<ScanVerification> {
  const read = readInput(input);
  if (typeof read === 'string') return failedForm(read);
  const opened = await deps.vouchers.openScan(read);
  if ('code' in opened) return failedForm(opened.code);
  const { credential } = opened;
  const { result, state: stored } = await deps.vouchers.checkScan(credential, opened.signatureValid);
  const voucherId = typeof credential.id === 'string' ? URN_UUID.exec(credential.id)?.[1] : undefined;
  // What remains is said of a voucher we issued (its issuer is ours), never of a look-alike with our id.
  const ours = result.checks.some((check) => check.check === 'issuer' && check.passed);
  const state = ours ? stored : undefined;
  const checks = result.checks.map((check): CheckResult => {
    // The revocation bit is set for a voucher redeemed in full too: say which it is when the voucher is ours.
    const code = check.code === 'ERR_VOUCHER_REVOKED' && state?.status === 'REDEEMED' ? 'ERR_VOUCHER_REDEEMED' : check.code;
    return code ? { check: check.check, passed: false, code, title: describeErrorCode(code).title } : { check: check.check, passed: true };
  });
  const facts = result.checks[0]?.passed ? factsOf(credential, voucherId) : undefined;
  return {
    verified: result.verified,
    checks,
    ...(facts ? { voucher: facts } : {}),
    ...(state && reader && hasAnyRole(reader, REDEMPTION_READERS)
      ? {
          redemption: {
            status: state.status,
            amountRedeemed: state.amountRedeemed,
            amountRemaining: state.amountRemaining,
            currency: state.currency,
          },
        }
      : {}),
  };
}

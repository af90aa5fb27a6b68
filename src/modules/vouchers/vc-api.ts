/**
 * The W3C VC-API issue and verify operations, in its request and response shapes, over the same signing
 * and verification as vouchers, so the W3C interoperability suites can be pointed at the service.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../platform/auth/principal.js';
import { describeErrorCode } from '../../platform/http/error-codes.js';
import { UnprocessableError } from '../../platform/http/errors.js';
import type { UnknownCredential } from './credential.js';
import type { VouchersDeps } from './deps.js';
import { DocumentNotBundledError } from './document-loader.js';
import { createStatusListFetcher } from './publish-status-list.js';
import { requireVoucherRole } from './require-voucher-role.js';
import { signCredential } from './sign-credential.js';
import { verifyVoucher } from './verify-voucher.js';
import type { components } from '../../generated/openapi.js';

export type VerificationResult = components['schemas']['VerificationResult'];

export async function verifyCredential(deps: VouchersDeps, credential: UnknownCredential): Promise<VerificationResult> {
  const result = await verifyVoucher({
    credential,
    documentLoader: deps.documentLoader,
    isTrustedIssuer: (issuer) => deps.keys.findByIssuer(issuer) !== undefined,
    fetchStatusList: createStatusListFetcher(deps),
    now: deps.now,
  });
  return {
    verified: result.verified,
    checks: [...new Set(result.checks.filter((check) => check.passed).map((check) => check.check))].filter(
      (check) => !result.checks.some((other) => other.check === check && !other.passed),
    ),
    warnings: [],
    errors: result.checks.flatMap((check) =>
      check.code ? [{ check: check.check, code: check.code, title: describeErrorCode(check.code).title }] : [],
    ),
  };
}

const UUID_URN = /^urn:uuid:([0-9a-f-]{36})$/;

/**
 * Signs any credential of bundled contexts with the current key, but not an entitlement voucher: those
 * are issued for approved applications only, with their amount, status entries and record.
 */
export async function issueCredential(deps: VouchersDeps, actor: Principal, credential: UnknownCredential): Promise<UnknownCredential> {
  requireVoucherRole(actor, 'issuing-officer');
  const types = credential.type;
  if ((Array.isArray(types) ? types : [types]).includes('EntitlementVoucher')) {
    throw new UnprocessableError('Issue the voucher of an approved application instead.', 'ERR_CREDENTIAL_VOUCHER_TYPE');
  }
  const issuer = deps.keys.current.did;
  const named = typeof credential.issuer === 'string' ? credential.issuer : (credential.issuer as { id?: unknown } | undefined)?.id;
  if (named !== undefined && named !== issuer) {
    throw new UnprocessableError(`The issuer must be this service's current key, ${issuer}, or left out.`, 'ERR_CREDENTIAL_NOT_SIGNABLE');
  }
  if ('proof' in credential)
    throw new UnprocessableError('The credential is already signed: send it without its proof.', 'ERR_CREDENTIAL_NOT_SIGNABLE');
  let signed: UnknownCredential;
  try {
    signed = await signCredential({
      credential: { ...credential, issuer: typeof credential.issuer === 'object' ? credential.issuer : issuer },
      signer: deps.keys.signer,
      documentLoader: deps.documentLoader,
      now: deps.now,
    });
  } catch (error) {
    const detail =
      error instanceof DocumentNotBundledError
        ? `${error.url} is not a context this service holds.`
        : 'It is not a valid Verifiable Credential of the VC Data Model 2.0, or uses a term no context defines.';
    throw new UnprocessableError(detail, 'ERR_CREDENTIAL_NOT_SIGNABLE');
  }
  const id = typeof credential.id === 'string' ? UUID_URN.exec(credential.id)?.[1] : undefined;
  await deps.commands.run(actor, async () => ({
    result: undefined,
    // The types only: a credential's claims may name people.
    events: [
      { type: 'credential.issued', aggregateType: 'credential', aggregateId: id ?? randomUUID(), payload: { types: [types].flat() } },
    ],
  }));
  return signed;
}

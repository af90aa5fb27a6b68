/**
 * The scanner page's offline verifier, bundled for the browser (build-verifier.ts): the same checks as the
 * service (form, signature, trusted issuer, validity window, each status list) over the trust bundle the page
 * kept from its last visit online. Statuses are those of the bundle's time, which the page shows; a voucher
 * redeemed in full has its revocation bit set and fails as revoked here (only the service knows which).
 */
import type { TypeTable } from '@digitalbazaar/cborld';
import { factsOf, URN_UUID, type VoucherFacts } from '../../../modules/verification/browser.js';
import {
  createDocumentLoader,
  decodeScannedText,
  QrDecodeError,
  verifyVoucher,
  type TrustBundle,
  type UnknownCredential,
  type VoucherCheck,
} from '../../../modules/vouchers/browser.js';

export interface OfflineVerdict {
  verified: boolean;
  /** Each check by name, with the error code of a failed one (the page holds their titles). */
  checks: { check: VoucherCheck; passed: boolean; code?: string }[];
  voucher?: VoucherFacts;
  /** When the bundle's statuses were read from the service. */
  statusAsOf: string;
}

const documentLoader = createDocumentLoader();

function typeTablesOf(bundle: TrustBundle): Map<number, TypeTable> {
  return new Map(
    Object.entries(bundle.typeTables).map(([entryId, table]) => [
      Number(entryId),
      new Map(Object.entries(table).map(([kind, values]) => [kind, new Map(Object.entries(values))])),
    ]),
  );
}

async function readCredential(text: string, bundle: TrustBundle): Promise<UnknownCredential | string> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      const isObject = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
      return isObject ? (parsed as UnknownCredential) : 'ERR_VOUCHER_MALFORMED';
    } catch {
      return 'ERR_VOUCHER_MALFORMED';
    }
  }
  try {
    return await decodeScannedText({ text: trimmed, documentLoader, typeTables: typeTablesOf(bundle) });
  } catch (error) {
    if (error instanceof QrDecodeError) return error.code;
    throw error;
  }
}

export async function verifyOffline(text: string, bundle: TrustBundle, now: Date = new Date()): Promise<OfflineVerdict> {
  const statusAsOf = bundle.generatedAt;
  const credential = await readCredential(text, bundle);
  if (typeof credential === 'string') {
    return { verified: false, checks: [{ check: 'format', passed: false, code: credential }], statusAsOf };
  }
  const issuers = new Set(bundle.issuers);
  const lists = new Map(bundle.statusLists.map((list) => [list.id, list]));
  const result = await verifyVoucher({
    credential,
    documentLoader,
    isTrustedIssuer: (issuer) => issuers.has(issuer),
    fetchStatusList: async (url) => lists.get(url),
    now: () => now,
  });
  const voucherId = typeof credential.id === 'string' ? URN_UUID.exec(credential.id)?.[1] : undefined;
  const facts = result.checks[0]?.passed ? factsOf(credential, voucherId) : undefined;
  return { verified: result.verified, checks: result.checks, ...(facts ? { voucher: facts } : {}), statusAsOf };
}

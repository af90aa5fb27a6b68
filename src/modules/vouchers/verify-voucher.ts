/**
 * Verifies a voucher and names each check that failed: its form, the signature, whether we issued it,
 * its validity window, and each status entry (read one by one: a revoked credential is "verified" by the
 * library). A fault of our own (a status list that cannot be read) is thrown, never reported as invalid. No
 * Node API: the scanner page's offline verifier runs this too, bundled for the browser.
 */
import type { Clock } from '../../platform/keys/index.js';
import type { StatusPurpose, UnknownCredential } from './credential.js';
import { BUNDLED_CONTEXTS } from './bundled-contexts.js';
import type { DocumentLoader } from './document-loader.js';
import { decodeStatusBits, readStatusBit } from './status-list.js';
import { verifyCredentialSignature } from './verify-signature.js';

export type VoucherCheck = 'format' | 'signature' | 'issuer' | 'validity' | 'status';

export type VoucherFailureCode =
  | 'ERR_VOUCHER_MALFORMED'
  | 'ERR_VOUCHER_SIGNATURE_INVALID'
  | 'ERR_VOUCHER_ISSUER_UNTRUSTED'
  | 'ERR_VOUCHER_NOT_YET_VALID'
  | 'ERR_VOUCHER_EXPIRED'
  | 'ERR_VOUCHER_REVOKED'
  | 'ERR_VOUCHER_SUSPENDED'
  | 'ERR_VOUCHER_STATUS_UNVERIFIABLE';

export interface VoucherCheckResult {
  check: VoucherCheck;
  passed: boolean;
  /** Why it failed; absent when it passed. */
  code?: VoucherFailureCode;
}

export interface VerifyVoucherResult {
  verified: boolean;
  /** Every check that ran, in order. */
  checks: VoucherCheckResult[];
  /** The codes of the failed checks, in order (empty when verified). */
  failures: VoucherFailureCode[];
}

/** Gets a status list credential by its URL; undefined when there is none at that URL. */
export type FetchStatusList = (url: string) => Promise<UnknownCredential | undefined>;

export interface VerifyVoucherOptions {
  credential: UnknownCredential;
  documentLoader: DocumentLoader;
  /** Whether an issuer DID is ours (current or retired key): the key set's `findByIssuer`. */
  isTrustedIssuer: (issuer: string) => boolean;
  /** Where status lists come from (our store, or an HTTP fetch in another verifier). */
  fetchStatusList: FetchStatusList;
  /** Default: the system clock. */
  now?: Clock;
  /** Clock difference tolerated at both ends of the validity window, in seconds. Default 300 (as @digitalbazaar/vc). */
  clockSkewSeconds?: number;
  /** Whether the signature holds, when it was checked already (on a thread of the pool); default: checked here. */
  signatureValid?: boolean;
}

interface StatusEntry {
  statusPurpose: StatusPurpose;
  statusListIndex: number;
  statusListCredential: string;
}

export async function verifyVoucher(options: VerifyVoucherOptions): Promise<VerifyVoucherResult> {
  const { credential, documentLoader } = options;
  const checks: VoucherCheckResult[] = [];
  const record = (check: VoucherCheck, code: VoucherFailureCode | undefined) =>
    checks.push(code === undefined ? { check, passed: true } : { check, passed: false, code });

  const form = readForm(credential);
  record('format', form ? undefined : 'ERR_VOUCHER_MALFORMED');
  if (!form) return resultOf(checks);

  const signatureValid = options.signatureValid ?? (await verifyCredentialSignature(credential, documentLoader));
  record('signature', signatureValid ? undefined : 'ERR_VOUCHER_SIGNATURE_INVALID');
  record('issuer', options.isTrustedIssuer(form.issuer) ? undefined : 'ERR_VOUCHER_ISSUER_UNTRUSTED');

  const now = (options.now ?? (() => new Date()))().getTime();
  const skewMs = (options.clockSkewSeconds ?? 300) * 1000;
  record(
    'validity',
    now + skewMs < form.validFrom ? 'ERR_VOUCHER_NOT_YET_VALID' : now - skewMs > form.validUntil ? 'ERR_VOUCHER_EXPIRED' : undefined,
  );

  for (const entry of form.status) record('status', await readStatus(entry, options));
  return resultOf(checks);
}

function resultOf(checks: VoucherCheckResult[]): VerifyVoucherResult {
  const failures = checks.flatMap((check) => (check.code ? [check.code] : []));
  return { verified: failures.length === 0, checks, failures };
}

interface VoucherForm {
  issuer: string;
  validFrom: number;
  validUntil: number;
  status: StatusEntry[];
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether a credential has the form of a voucher, the first check (its signature is worth checking). */
export function hasVoucherForm(credential: UnknownCredential): boolean {
  return readForm(credential) !== undefined;
}

/** What the later checks rely on, or undefined when the credential is no voucher we can judge. */
function readForm(credential: UnknownCredential): VoucherForm | undefined {
  const contexts = credential['@context'];
  if (!Array.isArray(contexts) || contexts.some((context) => typeof context !== 'string' || !BUNDLED_CONTEXTS.has(context)))
    return undefined;
  const types = credential.type;
  if (!Array.isArray(types) || !types.includes('VerifiableCredential') || !types.includes('EntitlementVoucher')) return undefined;
  const issuer = typeof credential.issuer === 'string' ? credential.issuer : (credential.issuer as { id?: unknown } | null)?.id;
  if (typeof issuer !== 'string') return undefined;
  const { validFrom, validUntil } = credential;
  if (typeof validFrom !== 'string' || typeof validUntil !== 'string' || !DATE_TIME.test(validFrom) || !DATE_TIME.test(validUntil)) {
    return undefined;
  }
  const entries = credential.credentialStatus === undefined ? [] : [credential.credentialStatus].flat();
  const status = entries.map(readStatusEntry);
  // A voucher always carries its revocation entry: without it, revoking could not reach the scanners.
  if (status.some((entry) => entry === undefined) || !status.some((entry) => entry?.statusPurpose === 'revocation')) return undefined;
  return { issuer, validFrom: Date.parse(validFrom), validUntil: Date.parse(validUntil), status: status as StatusEntry[] };
}

function readStatusEntry(entry: unknown): StatusEntry | undefined {
  const { type, statusPurpose, statusListIndex, statusListCredential } = (entry ?? {}) as Record<string, unknown>;
  if (type !== 'BitstringStatusListEntry') return undefined;
  if (statusPurpose !== 'revocation' && statusPurpose !== 'suspension') return undefined;
  if (typeof statusListIndex !== 'string' || !/^(0|[1-9]\d{0,9})$/.test(statusListIndex)) return undefined;
  if (typeof statusListCredential !== 'string') return undefined;
  return { statusPurpose, statusListIndex: Number(statusListIndex), statusListCredential };
}

/**
 * Status lists checked lately, by their exact JSON: whether the list is well formed and its
 * signature verifies, and its bits. A function of the content alone (the issuer's trust and the entry's
 * purpose are checked on every read), so a list that changes is a new entry; every voucher of a list shares
 * one check instead of canonizing and verifying the list again each time. Bounded, per process.
 */
const checkedLists = new Map<string, Promise<Uint8Array | undefined>>();
const CHECKED_LISTS_KEPT = 64;

function checkedBitsOf(list: UnknownCredential, documentLoader: DocumentLoader): Promise<Uint8Array | undefined> {
  // The JSON itself is the key (a list is a few hundred bytes to 22 KB): no Node API, so browsers run this too.
  const key = JSON.stringify(list);
  let checked = checkedLists.get(key);
  if (!checked) {
    checked = (async () => {
      const subject = list.credentialSubject as Record<string, unknown> | undefined;
      if (typeof subject?.encodedList !== 'string') return undefined;
      if (!(await verifyCredentialSignature(list, documentLoader))) return undefined;
      return decodeStatusBits(subject.encodedList);
    })();
    checkedLists.set(key, checked);
    if (checkedLists.size > CHECKED_LISTS_KEPT) checkedLists.delete(checkedLists.keys().next().value as string);
  }
  return checked;
}

/**
 * One status entry: the list must be signed by one of our keys (after a rotation, lists are signed by the
 * new key while older vouchers name the retired one), be for the same purpose, and have the bit clear.
 */
async function readStatus(entry: StatusEntry, options: VerifyVoucherOptions): Promise<VoucherFailureCode | undefined> {
  const list = await options.fetchStatusList(entry.statusListCredential);
  if (!list) return 'ERR_VOUCHER_STATUS_UNVERIFIABLE';
  const subject = list.credentialSubject as Record<string, unknown> | undefined;
  const types = list.type;
  if (
    list.id !== entry.statusListCredential ||
    typeof list.issuer !== 'string' ||
    !options.isTrustedIssuer(list.issuer) ||
    !Array.isArray(types) ||
    !types.includes('BitstringStatusListCredential') ||
    subject?.type !== 'BitstringStatusList' ||
    subject.statusPurpose !== entry.statusPurpose ||
    typeof subject.encodedList !== 'string'
  ) {
    return 'ERR_VOUCHER_STATUS_UNVERIFIABLE';
  }
  const bits = await checkedBitsOf(list, options.documentLoader);
  if (!bits || entry.statusListIndex >= bits.length * 8) return 'ERR_VOUCHER_STATUS_UNVERIFIABLE';
  if (!readStatusBit(bits, entry.statusListIndex)) return undefined;
  return entry.statusPurpose === 'revocation' ? 'ERR_VOUCHER_REVOKED' : 'ERR_VOUCHER_SUSPENDED';
}

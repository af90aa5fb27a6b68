/**
 * The CBOR-LD type table of our QR codes: every fixed string a voucher carries becomes a small integer.
 * The status-list URLs depend on the deployment's public URL and the issuer's DIDs on its keys, so the
 * table is built from both; a scanner of ours runs with the same configuration. A number, once printed on
 * a voucher, never changes meaning: entries are only ever added.
 */
import { createHash } from 'node:crypto';
import type { TypeTable } from '@digitalbazaar/cborld';
import type { StatusPurpose } from '../credential.js';
import { CREDENTIALS_V2_CONTEXT_URL, VOUCHER_CONTEXT_URL } from '../voucher-context.js';

/**
 * Our CBOR-LD registry entry (docs/decisions.md, "Voucher credentials"): not yet registered in the
 * CBOR-LD registry; below 256 so it costs two bytes, like VC Barcodes' 100.
 */
export const VOUCHER_REGISTRY_ENTRY_ID = 210;

/** Status lists whose URLs are in the table (each list holds 131,072 vouchers); later lists still work, uncompressed. */
export const TABLED_STATUS_LISTS = 64;

/** The URL a status list is served at: `<public URL>/status-lists/<n>/<purpose>`, n from 1. */
export function statusListUrl(publicUrl: string, listNumber: number, purpose: StatusPurpose): string {
  return `${publicUrl}/status-lists/${listNumber}/${purpose}`;
}

const STATUS_LIST_PATH = /^\/status-lists\/([1-9]\d{0,6})\/(revocation|suspension)$/;

/** The list a path of `statusListUrl` names (`/status-lists/<n>/<purpose>`), or undefined for any other path. */
export function readStatusListPath(path: string): { listNumber: number; purpose: StatusPurpose } | undefined {
  const match = STATUS_LIST_PATH.exec(path);
  return match ? { listNumber: Number(match[1]), purpose: match[2] as StatusPurpose } : undefined;
}

/** An issuer key as the table needs it (an `IssuerKey` of the key set). */
export interface TabledIssuerKey {
  did: string;
  verificationMethod: string;
  publicKeyMultibase: string;
}

/**
 * The table numbers of a key's DID and verification method: 2k and 2k+1, k from the key's own hash, so
 * they never depend on which other keys are listed (a retired key dropped from the file renumbers nothing).
 * Between 256 and 65535, three bytes each instead of the 34 a did:key takes (68 for the method).
 */
export function issuerKeyTableNumbers(publicKeyMultibase: string): { did: number; verificationMethod: number } {
  const digest = createHash('sha256').update(publicKeyMultibase).digest();
  const k = 128 + (digest.readUInt16BE(0) % 32_640);
  return { did: 2 * k, verificationMethod: 2 * k + 1 };
}

/** Whether the keys' table numbers are distinct (rotation draws a new key until they are). */
export function issuerKeysFitTable(keys: readonly Pick<TabledIssuerKey, 'publicKeyMultibase'>[]): boolean {
  const numbers = keys.map((key) => issuerKeyTableNumbers(key.publicKeyMultibase).did);
  return new Set(numbers).size === numbers.length;
}

export interface CreateVoucherTypeTableOptions {
  /** The deployment's PUBLIC_URL, which status-list URLs start with. */
  publicUrl: string;
  /** Every key of the issuer, current and retired. */
  issuerKeys: readonly TabledIssuerKey[];
}

export function createVoucherTypeTable(options: CreateVoucherTypeTableOptions): TypeTable {
  const urls = new Map<string, number>();
  for (let n = 1; n <= TABLED_STATUS_LISTS; n++) {
    urls.set(statusListUrl(options.publicUrl, n, 'revocation'), 2 * n - 1);
    urls.set(statusListUrl(options.publicUrl, n, 'suspension'), 2 * n);
  }
  if (!issuerKeysFitTable(options.issuerKeys)) throw new TypeError('two issuer keys share a table number; rotate the newer one again');
  for (const key of options.issuerKeys) {
    const numbers = issuerKeyTableNumbers(key.publicKeyMultibase);
    urls.set(key.did, numbers.did);
    urls.set(key.verificationMethod, numbers.verificationMethod);
  }
  return new Map([
    [
      'context',
      new Map([
        [CREDENTIALS_V2_CONTEXT_URL, 1],
        [VOUCHER_CONTEXT_URL, 2],
      ]),
    ],
    ['url', urls],
    // Untyped strings: the two status purposes.
    [
      'none',
      new Map([
        ['revocation', 1],
        ['suspension', 2],
      ]),
    ],
    // As in the CBOR-LD library's default table and VC Barcodes.
    [
      'https://w3id.org/security#cryptosuiteString',
      new Map([
        ['ecdsa-rdfc-2019', 1],
        ['ecdsa-sd-2023', 2],
        ['eddsa-rdfc-2022', 3],
        ['ecdsa-xi-2023', 4],
      ]),
    ],
  ]);
}

/**
 * The QR text of a voucher in the W3C VC Barcodes form: `VC1-`, then multibase `R` (base45) of the
 * CBOR-LD bytes. Decoding names what is wrong with a text that is no such QR.
 */
import * as cborld from '@digitalbazaar/cborld';
import type { TypeTable } from '@digitalbazaar/cborld';
import type { UnknownCredential } from '../credential.js';
import type { DocumentLoader } from '../document-loader.js';
import { decodeBase45, encodeBase45 } from './base45.js';

export const VC1_PREFIX = 'VC1-';
const BASE45_MULTIBASE = 'R';

export type QrDecodeErrorCode =
  | 'ERR_QR_NOT_VC1'
  | 'ERR_QR_UNSUPPORTED_MULTIBASE'
  | 'ERR_QR_NOT_BASE45'
  | 'ERR_QR_NOT_CBORLD'
  | 'ERR_QR_UNKNOWN_REGISTRY_ENTRY'
  | 'ERR_QR_NOT_PIXELPASS';

/** The text is no decodable `VC1-` QR; `code` says why. */
export class QrDecodeError extends Error {
  constructor(
    readonly code: QrDecodeErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'QrDecodeError';
  }
}

/** CBOR-LD registry entries this service reads, each with its type table. */
export type TypeTables = ReadonlyMap<number, TypeTable>;

export interface EncodeVoucherQrOptions {
  credential: UnknownCredential;
  documentLoader: DocumentLoader;
  registryEntryId: number;
  typeTables: TypeTables;
}

export async function encodeVoucherQr(options: EncodeVoucherQrOptions): Promise<{ text: string; cborld: Uint8Array }> {
  const bytes = await cborld.encode({
    jsonldDocument: options.credential,
    documentLoader: options.documentLoader,
    registryEntryId: options.registryEntryId,
    typeTableLoader: async ({ registryEntryId }) => options.typeTables.get(registryEntryId),
  });
  return { text: `${VC1_PREFIX}${BASE45_MULTIBASE}${encodeBase45(bytes)}`, cborld: bytes };
}

export interface DecodeVoucherQrOptions {
  text: string;
  documentLoader: DocumentLoader;
  typeTables: TypeTables;
}

/** The CBOR-LD bytes a `VC1-R…` text carries. */
export function readVc1Payload(text: string): Uint8Array {
  if (!text.startsWith(VC1_PREFIX)) throw new QrDecodeError('ERR_QR_NOT_VC1', 'the text does not start with VC1-');
  const multibase = text.slice(VC1_PREFIX.length);
  if (!multibase.startsWith(BASE45_MULTIBASE)) throw new QrDecodeError('ERR_QR_UNSUPPORTED_MULTIBASE', 'only multibase R (base45) is read');
  const bytes = decodeBase45(multibase.slice(1));
  if (!bytes || bytes.length === 0) throw new QrDecodeError('ERR_QR_NOT_BASE45', 'the payload is not base45');
  return bytes;
}

export async function decodeVoucherQr(options: DecodeVoucherQrOptions): Promise<UnknownCredential> {
  const bytes = readVc1Payload(options.text);
  try {
    return await cborld.decode({
      cborldBytes: bytes,
      documentLoader: options.documentLoader,
      typeTableLoader: async ({ registryEntryId }) => options.typeTables.get(registryEntryId),
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_NO_TYPETABLE') {
      throw new QrDecodeError('ERR_QR_UNKNOWN_REGISTRY_ENTRY', 'the CBOR-LD registry entry is not one this service reads', {
        cause: error,
      });
    }
    throw new QrDecodeError('ERR_QR_NOT_CBORLD', 'the payload is not CBOR-LD this service can decode', { cause: error });
  }
}

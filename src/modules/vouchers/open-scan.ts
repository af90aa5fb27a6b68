/**
 * The CPU-heavy half of checking what a scanner read: the credential out of a `VC1-R…` text (CBOR-LD) or a
 * PixelPass one, and
 * whether its signature holds (JSON-LD canonicalization, Ed25519). It needs no database, so it runs on a thread
 * of the pool when there is one (`scan-thread.ts`); the checks that read the store (status lists, what remains)
 * stay on the main thread and take the signature's answer from here.
 */
import type { UnknownCredential } from './credential.js';
import type { DocumentLoader } from './document-loader.js';
import { decodeScannedText } from './qr/scanned-text.js';
import { QrDecodeError, type QrDecodeErrorCode, type TypeTables } from './qr/voucher-qr.js';
import { hasVoucherForm } from './verify-voucher.js';
import { verifyCredentialSignature } from './verify-signature.js';

export type ScanInput = { text: string } | { credential: UnknownCredential };

export type OpenedScan =
  | { credential: UnknownCredential; signatureValid: boolean }
  /** The text is no `VC1-R…` QR code we read. */
  | { code: QrDecodeErrorCode };

export interface OpenScanTools {
  documentLoader: DocumentLoader;
  typeTables: TypeTables;
  /** The suite signatures are checked with; default the library's. */
  verifyingSuite?: Parameters<typeof verifyCredentialSignature>[2];
}

export async function openScan(tools: OpenScanTools, input: ScanInput): Promise<OpenedScan> {
  let credential: UnknownCredential;
  if ('text' in input) {
    try {
      credential = await decodeScannedText({ text: input.text, documentLoader: tools.documentLoader, typeTables: tools.typeTables });
    } catch (error) {
      if (error instanceof QrDecodeError) return { code: error.code };
      throw error;
    }
  } else credential = input.credential;
  // A credential without a voucher's form fails that check first; its signature is not worth a thread's time.
  const signatureValid =
    hasVoucherForm(credential) && (await verifyCredentialSignature(credential, tools.documentLoader, tools.verifyingSuite));
  return { credential, signatureValid };
}

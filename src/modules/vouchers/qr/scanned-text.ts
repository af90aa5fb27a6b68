/**
 * Whatever text a scanner read from a voucher's QR code: ours (`VC1-R…`, CBOR-LD in base45, W3C VC Barcodes) or
 * PixelPass (`NCF…`, zlib-compressed JSON or CBOR in base45). JSON pasted as text is read by the caller. A
 * `VP1-` presentation is refused by name: CBOR-LD (the library, 8.1) cannot encode a presentation that holds a
 * credential (credentials v2 scopes `verifiableCredential` to a null context), so no such code of a voucher exists.
 */
import type { UnknownCredential } from '../credential.js';
import { decodePixelPass, looksLikePixelPass } from './pixelpass.js';
import { decodeVoucherQr, QrDecodeError, VC1_PREFIX, type DecodeVoucherQrOptions } from './voucher-qr.js';

/** Other VC Barcodes prefixes (`VP1-`, a later `VC2-`): not read as PixelPass, though their characters are base45's. */
const OTHER_BARCODE_PREFIX = /^V[A-Z]\d+-/;

export async function decodeScannedText(options: DecodeVoucherQrOptions): Promise<UnknownCredential> {
  const text = options.text.trim();
  if (text.startsWith(VC1_PREFIX)) return decodeVoucherQr({ ...options, text });
  if (looksLikePixelPass(text) && !OTHER_BARCODE_PREFIX.test(text)) return decodePixelPass(text);
  throw new QrDecodeError('ERR_QR_NOT_VC1', 'the text is neither a VC1- code nor PixelPass');
}

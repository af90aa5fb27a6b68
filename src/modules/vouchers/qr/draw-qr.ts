/**
 * Draws a QR text with the `qrcode` package: SVG for pages, PNG for files and paper. ECC level M by
 * default: it survives a crease or a smudge on paper and keeps the code at version 13 or below.
 */
import QRCode from 'qrcode';

export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';

export interface DrawQrOptions {
  errorCorrection?: QrErrorCorrection;
  /** Pixels per module (PNG). Default 8. */
  scale?: number;
  /** Quiet zone in modules. Default 4, the QR standard's. */
  margin?: number;
}

export async function drawQrSvg(text: string, options: DrawQrOptions = {}): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: options.errorCorrection ?? 'M', margin: options.margin ?? 4 });
}

export async function drawQrPng(text: string, options: DrawQrOptions = {}): Promise<Buffer> {
  return QRCode.toBuffer(text, {
    type: 'png',
    errorCorrectionLevel: options.errorCorrection ?? 'M',
    margin: options.margin ?? 4,
    scale: options.scale ?? 8,
  });
}

/** The QR version (1-40) the text needs at that error correction level. */
export function qrVersionOf(text: string, errorCorrection: QrErrorCorrection = 'M'): number {
  return QRCode.create(text, { errorCorrectionLevel: errorCorrection }).version;
}

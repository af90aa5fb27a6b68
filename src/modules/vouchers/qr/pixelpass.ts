/**
 * PixelPass (MOSIP's QR form of a credential, read by Inji and other scanners): base45 of the zlib-compressed
 * credential, JSON or (newer versions) CBOR. Compressed at zlib's level 9, the text starts `NCF`. Decoding needs
 * no Node API: `DecompressionStream` is in Node and browsers alike, so the offline verifier reads it too. The
 * inflated size is bounded, so a small code cannot make the reader hold megabytes.
 */
import { decode as decodeCbor } from 'cborg';
import type { UnknownCredential } from '../credential.js';
import { decodeBase45 } from './base45.js';
import { inflateBounded, InflateLimitError } from './inflate-bounded.js';
import { QrDecodeError } from './voucher-qr.js';

/** More than any credential we issue (about 2 KB as JSON); a code that inflates beyond is refused. */
export const PIXELPASS_MAX_BYTES = 64 * 1024;

const notPixelPass = (message: string, cause?: unknown) =>
  new QrDecodeError('ERR_QR_NOT_PIXELPASS', message, cause === undefined ? undefined : { cause });

/** Whether a text can only be PixelPass: base45 characters, long enough for a zlib stream. */
export function looksLikePixelPass(text: string): boolean {
  return text.length >= 6 && /^[0-9A-Z $%*+\-./:]+$/.test(text);
}

export async function decodePixelPass(text: string): Promise<UnknownCredential> {
  const compressed = decodeBase45(text);
  if (!compressed) throw new QrDecodeError('ERR_QR_NOT_BASE45', 'the PixelPass text is not base45');
  let bytes: Uint8Array;
  try {
    bytes = await inflateBounded(compressed, PIXELPASS_MAX_BYTES);
  } catch (error) {
    if (error instanceof InflateLimitError) throw notPixelPass(error.message);
    throw notPixelPass('the PixelPass payload is not zlib data', error);
  }
  let value: unknown;
  try {
    // JSON starts with `{`; anything else is read as CBOR (PixelPass converts JSON to CBOR before compressing).
    value = bytes[0] === 0x7b ? JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) : decodeCbor(bytes);
  } catch (error) {
    throw notPixelPass('the PixelPass payload is neither JSON nor CBOR', error);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Uint8Array) {
    throw notPixelPass('the PixelPass payload is not a credential');
  }
  return value as UnknownCredential;
}

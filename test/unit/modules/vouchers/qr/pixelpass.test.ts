/**
 * PixelPass codes (MOSIP: base45 of a zlib-compressed credential, JSON or CBOR): ours read back as the
 * credential they carry, `NCF…` at zlib's level 9; a code that is not one, or that inflates past the bound, is
 * refused with a named reason.
 */
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { encode as encodeCbor } from 'cborg';
import { decodeScannedText, encodeBase45, PIXELPASS_MAX_BYTES } from '../../../../../src/modules/vouchers/index.js';
import { createVoucherWorld } from '../voucher-world.js';

const pixelPass = (bytes: Uint8Array) => encodeBase45(deflateSync(bytes, { level: 9 }));

describe('PixelPass codes', () => {
  it('reads a voucher compressed as JSON or as CBOR back to the same credential', async () => {
    const world = await createVoucherWorld();
    const credential = await world.issue();
    const tools = { documentLoader: world.documentLoader, typeTables: world.typeTables };
    const json = pixelPass(Buffer.from(JSON.stringify(credential)));
    expect(json.startsWith('NCF')).toBe(true);
    await expect(decodeScannedText({ text: json, ...tools })).resolves.toEqual(credential);
    await expect(decodeScannedText({ text: pixelPass(encodeCbor(credential)), ...tools })).resolves.toEqual(credential);
  });

  it.each([
    ['base45 that is not zlib data', encodeBase45(Buffer.from('not compressed at all')), 'ERR_QR_NOT_PIXELPASS'],
    ['zlib data that is neither JSON nor CBOR', pixelPass(Buffer.from([0xff, 0xfe, 0xfd])), 'ERR_QR_NOT_PIXELPASS'],
    ['a JSON array', pixelPass(Buffer.from('[1,2,3]')), 'ERR_QR_NOT_PIXELPASS'],
    ['a code that inflates past the bound', pixelPass(Buffer.alloc(PIXELPASS_MAX_BYTES + 1, 0x20)), 'ERR_QR_NOT_PIXELPASS'],
    ['base45 characters of a bad length', 'NCFABCD', 'ERR_QR_NOT_BASE45'],
    ['words', 'hello world', 'ERR_QR_NOT_VC1'],
    ['a VC Barcodes presentation', 'VP1-RABCDEF', 'ERR_QR_NOT_VC1'],
  ])('refuses %s with a named reason', async (_what, text, code) => {
    const world = await createVoucherWorld();
    await expect(decodeScannedText({ text, documentLoader: world.documentLoader, typeTables: world.typeTables })).rejects.toMatchObject({
      code,
    });
  });
});

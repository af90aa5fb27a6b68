import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../../../src/config.js';
import {
  createDocumentLoader,
  decodeVoucherQr,
  drawQrSvg,
  encodeVoucherQr,
  qrVersionOf,
  readVc1Payload,
  VOUCHER_REGISTRY_ENTRY_ID,
  type QrDecodeErrorCode,
} from '../../../../../src/modules/vouchers/index.js';
import { createVoucherWorld } from '../voucher-world.js';

const VECTOR = path.join(PROJECT_ROOT, 'test', 'fixtures', 'vc-barcodes');

describe('VC1-R QR text', () => {
  it('decodes the W3C VC Barcodes vector to its CBOR-LD bytes exactly (VC1-, multibase R, base45)', () => {
    const text = readFileSync(path.join(VECTOR, 'qr-text.txt'), 'utf8');
    const expected = readFileSync(path.join(VECTOR, 'cborld.hex'), 'utf8').trim();
    const bytes = readVc1Payload(text);
    expect(Buffer.from(bytes).toString('hex').toUpperCase()).toBe(expected);
    // CBOR-LD 1.0: tag 0xCB1D, then [registry entry 100, …].
    expect(Buffer.from(bytes.subarray(0, 5)).toString('hex')).toBe('d9cb1d8218');
    expect(bytes[5]).toBe(100);
  });

  it('names the registry entry of a QR code whose type table it does not hold (the vector is entry 100)', async () => {
    const text = readFileSync(path.join(VECTOR, 'qr-text.txt'), 'utf8');
    const world = await createVoucherWorld();
    await expect(decodeVoucherQr({ text, documentLoader: createDocumentLoader(), typeTables: world.typeTables })).rejects.toMatchObject({
      code: 'ERR_QR_UNKNOWN_REGISTRY_ENTRY',
    });
  });

  it('fits a voucher with its two status entries in at most 300 bytes, QR version 13 at ECC M', async () => {
    const world = await createVoucherWorld();
    const { text, cborld } = await encodeVoucherQr({
      credential: await world.issue(),
      documentLoader: world.documentLoader,
      registryEntryId: VOUCHER_REGISTRY_ENTRY_ID,
      typeTables: world.typeTables,
    });
    expect(cborld.length).toBeLessThanOrEqual(300);
    expect(qrVersionOf(text, 'M')).toBeLessThanOrEqual(13);
    // Drawn for a page: a version-v code is 4v + 17 modules wide, plus a quiet zone of 4 on each side.
    const side = 4 * qrVersionOf(text, 'M') + 17 + 8;
    expect(await drawQrSvg(text)).toMatch(new RegExp(`^<svg[^>]* viewBox="0 0 ${side} ${side}"`));
  });

  it.each<[string, string, QrDecodeErrorCode]>([
    ['a JSON credential', '{"@context": []}', 'ERR_QR_NOT_VC1'],
    ['a presentation', 'VP1-R6BF', 'ERR_QR_NOT_VC1'],
    ['another multibase', 'VC1-zQmXyz', 'ERR_QR_UNSUPPORTED_MULTIBASE'],
    ['text that is not base45', 'VC1-Rhello', 'ERR_QR_NOT_BASE45'],
    ['an empty payload', 'VC1-R', 'ERR_QR_NOT_BASE45'],
    ['base45 that is not CBOR-LD', 'VC1-RBB8', 'ERR_QR_NOT_CBORLD'],
  ])('refuses %s with a named reason', async (_, text, code) => {
    const world = await createVoucherWorld();
    await expect(decodeVoucherQr({ text, documentLoader: world.documentLoader, typeTables: world.typeTables })).rejects.toMatchObject({
      code,
    });
  });

  it('refuses a truncated voucher QR as not CBOR-LD', async () => {
    const world = await createVoucherWorld();
    const { text } = await encodeVoucherQr({
      credential: await world.issue(),
      documentLoader: world.documentLoader,
      registryEntryId: VOUCHER_REGISTRY_ENTRY_ID,
      typeTables: world.typeTables,
    });
    const truncated = text.slice(0, text.length - 30);
    await expect(
      decodeVoucherQr({ text: truncated, documentLoader: world.documentLoader, typeTables: world.typeTables }),
    ).rejects.toMatchObject({ code: 'ERR_QR_NOT_CBORLD' });
  });
});

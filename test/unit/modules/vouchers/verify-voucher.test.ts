import { describe, expect, it } from '@jest/globals';
import jsQRImport from 'jsqr';
import { PNG } from 'pngjs';
import {
  decodeVoucherQr,
  encodeBase45,
  QrDecodeError,
  drawQrPng,
  encodeVoucherQr,
  verifyVoucher,
  VOUCHER_REGISTRY_ENTRY_ID,
  type UnknownCredential,
  type VerifyVoucherResult,
} from '../../../../src/modules/vouchers/index.js';
import { createVoucherWorld, ISSUED_AT, type VoucherWorld } from './voucher-world.js';

// jsqr is CommonJS with an ES-style default; Node hands an ES module its module.exports, the function itself.
const jsQR = jsQRImport as unknown as typeof jsQRImport.default;

const DURING_VALIDITY = new Date('2026-12-10T12:00:00Z');

function verifyIn(world: VoucherWorld, credential: UnknownCredential, now = DURING_VALIDITY): Promise<VerifyVoucherResult> {
  return verifyVoucher({
    credential,
    documentLoader: world.documentLoader,
    isTrustedIssuer: (issuer) => world.keySet.findByIssuer(issuer) !== undefined,
    fetchStatusList: (url) => world.fetchStatusList(url),
    now: () => now,
  });
}

function failedChecks(result: VerifyVoucherResult): string[] {
  return result.checks.filter((check) => !check.passed).map((check) => `${check.check}:${check.code}`);
}

describe('verifying a voucher', () => {
  it('survives the trip build → sign → VC1-R → PNG → camera decode → CBOR-LD decode → verify', async () => {
    const world = await createVoucherWorld();
    const voucher = await world.issue();
    const { text } = await encodeVoucherQr({
      credential: voucher,
      documentLoader: world.documentLoader,
      registryEntryId: VOUCHER_REGISTRY_ENTRY_ID,
      typeTables: world.typeTables,
    });
    expect(text).toMatch(/^VC1-R[0-9A-Z $%*+\-./:]+$/);

    // Four pixels a module, like a phone camera sees a code on paper at arm's length (and faster to scan here).
    const png = PNG.sync.read(await drawQrPng(text, { scale: 4 }));
    const scanned = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(scanned?.data).toBe(text);

    const decoded = await decodeVoucherQr({
      text: scanned?.data ?? '',
      documentLoader: world.documentLoader,
      typeTables: world.typeTables,
    });
    expect(decoded).toEqual(voucher);
    const result = await verifyIn(world, decoded);
    expect(result).toEqual({
      verified: true,
      failures: [],
      checks: [
        { check: 'format', passed: true },
        { check: 'signature', passed: true },
        { check: 'issuer', passed: true },
        { check: 'validity', passed: true },
        { check: 'status', passed: true },
        { check: 'status', passed: true },
      ],
    });
  });

  it('never verifies a QR payload with one bit changed, wherever the bit is', async () => {
    const world = await createVoucherWorld();
    const { cborld } = await encodeVoucherQr({
      credential: await world.issue(),
      documentLoader: world.documentLoader,
      registryEntryId: VOUCHER_REGISTRY_ENTRY_ID,
      typeTables: world.typeTables,
    });
    // Every fifth byte, a different bit each time: the header, the term numbers, the values and the signature.
    for (let position = 0; position < cborld.length; position += 5) {
      const altered = new Uint8Array(cborld);
      altered[position] = (altered[position] as number) ^ (1 << (position % 8));
      const text = `VC1-R${encodeBase45(altered)}`;
      let outcome: string;
      try {
        const decoded = await decodeVoucherQr({ text, documentLoader: world.documentLoader, typeTables: world.typeTables });
        const result = await verifyIn(world, decoded);
        outcome = result.verified ? 'verified' : result.failures.join(',');
      } catch (error) {
        if (!(error instanceof QrDecodeError)) throw error;
        outcome = error.code;
      }
      expect({ position, outcome }).not.toEqual({ position, outcome: 'verified' });
    }
  });

  it('fails the signature for a one-bit change anywhere in the signed fields', async () => {
    const world = await createVoucherWorld();
    const voucher = await world.issue();
    const flipOneBit = (value: string) => value.slice(0, -1) + String.fromCharCode(value.charCodeAt(value.length - 1) ^ 1);
    const variants: UnknownCredential[] = [
      { ...voucher, credentialSubject: { ...voucher.credentialSubject, name: flipOneBit(voucher.credentialSubject.name) } },
      { ...voucher, credentialSubject: { ...voucher.credentialSubject, currency: flipOneBit(voucher.credentialSubject.currency) } },
      { ...voucher, id: flipOneBit(voucher.id) },
      { ...voucher, validUntil: voucher.validUntil.replace('2026-12-31', '2026-12-30') },
      { ...voucher, proof: { ...voucher.proof, proofValue: flipOneBit(voucher.proof.proofValue) } },
      { ...voucher, proof: { ...voucher.proof, created: voucher.proof.created?.replace(':00Z', ':01Z') } },
    ];
    for (const variant of variants) {
      const result = await verifyIn(world, variant);
      expect(failedChecks(result)).toEqual(['signature:ERR_VOUCHER_SIGNATURE_INVALID']);
    }
  });

  it('names the validity window for an expired voucher and one not yet valid', async () => {
    const world = await createVoucherWorld();
    const voucher = await world.issue();
    expect(failedChecks(await verifyIn(world, voucher, new Date('2027-01-01T00:00:00Z')))).toEqual(['validity:ERR_VOUCHER_EXPIRED']);
    expect(failedChecks(await verifyIn(world, voucher, new Date('2026-11-30T00:00:00Z')))).toEqual(['validity:ERR_VOUCHER_NOT_YET_VALID']);
    // The day it starts and its last second both count (within the tolerated clock difference).
    expect((await verifyIn(world, voucher, ISSUED_AT)).verified).toBe(true);
    expect((await verifyIn(world, voucher, new Date('2026-12-31T08:00:00Z'))).verified).toBe(true);
  });

  it('names revocation for a revoked voucher, though its signature and dates are good', async () => {
    const world = await createVoucherWorld();
    await world.issue();
    const voucher = await world.issue();
    await world.setStatus('revocation', 1, true);
    const result = await verifyIn(world, voucher);
    expect(result.verified).toBe(false);
    expect(failedChecks(result)).toEqual(['status:ERR_VOUCHER_REVOKED']);
    // The neighbour in the same list is untouched.
    expect((await verifyIn(world, await world.issue())).verified).toBe(true);
  });

  it('names suspension for a suspended voucher, and verifies it again once the suspension is lifted', async () => {
    const world = await createVoucherWorld();
    const voucher = await world.issue();
    await world.setStatus('suspension', 0, true);
    expect(failedChecks(await verifyIn(world, voucher))).toEqual(['status:ERR_VOUCHER_SUSPENDED']);
    await world.setStatus('suspension', 0, false);
    expect((await verifyIn(world, voucher)).verified).toBe(true);
  });

  it('names the issuer for a voucher signed, validly, by a key that is not ours', async () => {
    const world = await createVoucherWorld();
    const stranger = await createVoucherWorld();
    const forged = await world.issue({ signWith: stranger.keySet });
    const result = await verifyIn(world, forged);
    expect(failedChecks(result)).toEqual(['issuer:ERR_VOUCHER_ISSUER_UNTRUSTED']);
  });

  it('fails the signature when our issuer is claimed over another key signature', async () => {
    const world = await createVoucherWorld();
    const stranger = await createVoucherWorld();
    const resigned = await world.issue({ signWith: stranger.keySet });
    const claimed = { ...resigned, issuer: world.keySet.current.did };
    expect(failedChecks(await verifyIn(world, claimed))).toEqual(['signature:ERR_VOUCHER_SIGNATURE_INVALID']);
  });

  it('still verifies a voucher signed by a key retired since, and what the new key signs', async () => {
    const before = await createVoucherWorld();
    const oldVoucher = await before.issue();
    const after = await before.rotate();
    expect(after.keySet.current.did).not.toBe(before.keySet.current.did);
    expect(after.keySet.findByIssuer(before.keySet.current.did)?.retired).toBeDefined();
    expect(await verifyIn(after, oldVoucher)).toMatchObject({ verified: true, failures: [] });
    expect((await verifyIn(after, await after.issue())).verified).toBe(true);
  });

  it('reports a credential that is no voucher as malformed, checking nothing else', async () => {
    const world = await createVoucherWorld();
    const voucher = await world.issue();
    const withoutStatus: UnknownCredential = { ...voucher };
    delete withoutStatus.credentialStatus;
    for (const credential of [
      { ...voucher, type: ['VerifiableCredential'] },
      { ...voucher, '@context': ['https://www.w3.org/ns/credentials/v2', 'https://attacker.example/context'] },
      { ...voucher, validUntil: 'tomorrow' },
      withoutStatus,
    ]) {
      expect(await verifyIn(world, credential)).toEqual({
        verified: false,
        checks: [{ check: 'format', passed: false, code: 'ERR_VOUCHER_MALFORMED' }],
        failures: ['ERR_VOUCHER_MALFORMED'],
      });
    }
  });

  it('cannot be told the voucher is fine by a status list another key signed', async () => {
    const world = await createVoucherWorld();
    const voucher = await world.issue();
    const stranger = await createVoucherWorld();
    const result = await verifyVoucher({
      credential: voucher,
      documentLoader: world.documentLoader,
      isTrustedIssuer: (issuer) => world.keySet.findByIssuer(issuer) !== undefined,
      fetchStatusList: (url) => stranger.fetchStatusList(url),
      now: () => DURING_VALIDITY,
    });
    expect(failedChecks(result)).toEqual(['status:ERR_VOUCHER_STATUS_UNVERIFIABLE', 'status:ERR_VOUCHER_STATUS_UNVERIFIABLE']);
  });

  it('refuses a list changed after signing though the genuine one was checked, and reads a re-signed one', async () => {
    const world = await createVoucherWorld();
    const voucher = await world.issue();
    expect((await verifyIn(world, voucher)).verified).toBe(true);
    // The same list with the voucher's revocation bit set, but not signed again: a forger's edit.
    const revocationUrl = (
      voucher.credentialStatus.find((entry) => entry.statusPurpose === 'revocation') as { statusListCredential: string }
    ).statusListCredential;
    const genuine = (await world.fetchStatusList(revocationUrl)) as UnknownCredential;
    await world.setStatus('revocation', Number(voucher.credentialStatus[0]?.statusListIndex), true);
    const revokedList = (await world.fetchStatusList(revocationUrl)) as UnknownCredential;
    const forged = { ...genuine, credentialSubject: revokedList.credentialSubject };
    const withForged = await verifyVoucher({
      credential: voucher,
      documentLoader: world.documentLoader,
      isTrustedIssuer: (issuer) => world.keySet.findByIssuer(issuer) !== undefined,
      fetchStatusList: async (url) => (url === revocationUrl ? forged : world.fetchStatusList(url)),
      now: () => DURING_VALIDITY,
    });
    expect(failedChecks(withForged)).toEqual(['status:ERR_VOUCHER_STATUS_UNVERIFIABLE']);
    // The list signed again with the bit set: the voucher is revoked.
    expect(failedChecks(await verifyIn(world, voucher))).toEqual(['status:ERR_VOUCHER_REVOKED']);
  });
});

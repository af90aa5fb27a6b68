/**
 * What signing and verifying a voucher costs per operation, beside the raw library calls in the same run:
 * our `signCredential` against `vc.issue` with the same suite, and our `verifyVoucher` (signature, issuer,
 * dates, both status lists with their signatures) against `vc.verifyCredential` with a status check that
 * reads the same two lists. Goal: our overhead ≤ 1.5× the raw cost.
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { createIssuerKeySet, generateIssuerKeyFile } from '../src/platform/keys/index.js';
import {
  buildStatusListCredential,
  buildVoucher,
  createDocumentLoader,
  createStatusBits,
  decodeStatusBits,
  readStatusBit,
  signCredential,
  statusListUrl,
  verifyCredentialSignature,
  verifyVoucher,
  type StatusPurpose,
  type UnknownCredential,
} from '../src/modules/vouchers/index.js';

export interface VoucherSignRow {
  what: string;
  operations: number;
  perSecond: number;
  meanMs: number;
}

const PUBLIC_URL = 'https://iaod.example.org';
const NOW = new Date('2026-12-01T08:00:00Z');

async function measure(what: string, operations: number, run: () => Promise<unknown>): Promise<VoucherSignRow> {
  for (let i = 0; i < 20; i++) await run();
  const started = process.hrtime.bigint();
  for (let i = 0; i < operations; i++) await run();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { what, operations, perSecond: Math.round((operations * 1000) / ms), meanMs: Number((ms / operations).toFixed(3)) };
}

export async function benchVoucherSigning(operations = 300): Promise<VoucherSignRow[]> {
  const keySet = await createIssuerKeySet(await generateIssuerKeyFile(NOW));
  const documentLoader = createDocumentLoader();
  const lists = new Map<string, UnknownCredential>();
  for (const purpose of ['revocation', 'suspension'] as StatusPurpose[]) {
    const id = statusListUrl(PUBLIC_URL, 1, purpose);
    const unsigned = await buildStatusListCredential({
      id,
      issuer: keySet.current.did,
      statusPurpose: purpose,
      bits: createStatusBits(),
      validFrom: NOW,
    });
    lists.set(id, await signCredential({ credential: unsigned, signer: keySet.signer, documentLoader }));
  }
  const unsigned = buildVoucher({
    issuer: keySet.current.did,
    subject: {
      name: 'Amina Yusuf Odhiambo',
      beneficiaryReference: 'B7K2M9Q4X8C3',
      program: 'EMERG-01',
      treatmentType: 'surgery',
      amount: '1500.00',
      currency: 'USD',
      applicationReference: 'K7M2-X9Q4',
    },
    validFrom: NOW,
    validityDays: 30,
    status: {
      revocation: { statusListCredential: statusListUrl(PUBLIC_URL, 1, 'revocation'), statusListIndex: 42 },
      suspension: { statusListCredential: statusListUrl(PUBLIC_URL, 1, 'suspension'), statusListIndex: 42 },
    },
  });
  const signed = await signCredential({ credential: unsigned, signer: keySet.signer, documentLoader });

  // The raw status check: the same two lists, their signatures and bits, in the shape vc.verifyCredential calls.
  const rawCheckStatus = async ({ credential }: { credential: UnknownCredential }) => {
    for (const entry of credential.credentialStatus as Array<Record<string, string>>) {
      const list = lists.get(entry.statusListCredential as string) as UnknownCredential;
      if (!(await verifyCredentialSignature(list, documentLoader))) return { verified: false };
      const bits = await decodeStatusBits((list.credentialSubject as Record<string, string>).encodedList as string);
      if (!bits || readStatusBit(bits, Number(entry.statusListIndex))) return { verified: false };
    }
    return { verified: true };
  };

  return [
    await measure('sign: raw vc.issue', operations, () =>
      vc.issue({
        credential: structuredClone(unsigned) as UnknownCredential,
        suite: new DataIntegrityProof({ signer: keySet.signer, cryptosuite: eddsaRdfc2022 }),
        documentLoader,
      }),
    ),
    await measure('sign: signCredential', operations, () =>
      signCredential({ credential: unsigned, signer: keySet.signer, documentLoader }),
    ),
    await measure('verify with status: raw vc.verifyCredential', operations, () =>
      vc.verifyCredential({
        credential: signed,
        suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
        documentLoader,
        now: NOW,
        checkStatus: rawCheckStatus,
      }),
    ),
    await measure('verify with status: verifyVoucher', operations, () =>
      verifyVoucher({
        credential: signed,
        documentLoader,
        isTrustedIssuer: (issuer) => keySet.findByIssuer(issuer) !== undefined,
        fetchStatusList: async (url) => lists.get(url),
        now: () => NOW,
      }),
    ),
  ];
}

/**
 * A fresh issuer for each test: its keys, signed status lists held in a map (storage comes with issuance),
 * and helpers to issue a voucher and to flip its status bits.
 */
import { createIssuerKeySet, generateIssuerKeyFile, rotateIssuerKey, type IssuerKeySet } from '../../../../src/platform/keys/index.js';
import {
  buildStatusListCredential,
  buildVoucher,
  createDocumentLoader,
  createStatusBits,
  createVoucherTypeTable,
  setStatusBit,
  signCredential,
  statusListUrl,
  VOUCHER_REGISTRY_ENTRY_ID,
  type BuildVoucherOptions,
  type SignedVoucherCredential,
  type StatusPurpose,
  type TypeTables,
  type UnknownCredential,
  type VoucherSubject,
} from '../../../../src/modules/vouchers/index.js';

export const PUBLIC_URL = 'https://iaod.example.org';
export const ISSUED_AT = new Date('2026-12-01T08:00:00Z');

export const AMINA: VoucherSubject = {
  name: 'Amina Yusuf Odhiambo',
  beneficiaryReference: 'B7K2M9Q4X8C3',
  program: 'EMERG-01',
  treatmentType: 'surgery',
  amount: '1500.00',
  currency: 'USD',
  applicationReference: 'K7M2-X9Q4',
};

export interface VoucherWorld {
  keySet: IssuerKeySet;
  documentLoader: ReturnType<typeof createDocumentLoader>;
  typeTables: TypeTables;
  issue(options?: Partial<BuildVoucherOptions> & { signWith?: IssuerKeySet }): Promise<SignedVoucherCredential>;
  setStatus(purpose: StatusPurpose, index: number, on: boolean): Promise<void>;
  fetchStatusList(url: string): Promise<UnknownCredential | undefined>;
  /** The same issuer after a key rotation: the old key retired, a new one current. */
  rotate(): Promise<VoucherWorld>;
}

export async function createVoucherWorld(keySet?: IssuerKeySet): Promise<VoucherWorld> {
  const keys = keySet ?? (await createIssuerKeySet(await generateIssuerKeyFile(ISSUED_AT)));
  const documentLoader = createDocumentLoader();
  const bits = new Map<StatusPurpose, Uint8Array>([
    ['revocation', createStatusBits()],
    ['suspension', createStatusBits()],
  ]);
  const lists = new Map<string, UnknownCredential>();
  const publish = async (purpose: StatusPurpose) => {
    const id = statusListUrl(PUBLIC_URL, 1, purpose);
    const unsigned = await buildStatusListCredential({
      id,
      issuer: keys.current.did,
      statusPurpose: purpose,
      bits: bits.get(purpose) as Uint8Array,
      validFrom: ISSUED_AT,
    });
    lists.set(id, await signCredential({ credential: unsigned, signer: keys.signer, documentLoader, now: () => ISSUED_AT }));
  };
  await publish('revocation');
  await publish('suspension');
  let nextIndex = 0;
  const world: VoucherWorld = {
    keySet: keys,
    documentLoader,
    typeTables: new Map([[VOUCHER_REGISTRY_ENTRY_ID, createVoucherTypeTable({ publicUrl: PUBLIC_URL, issuerKeys: keys.keys })]]),
    async issue(options = {}) {
      const signer = options.signWith ?? keys;
      const index = nextIndex++;
      const unsigned = buildVoucher({
        issuer: signer.current.did,
        subject: AMINA,
        validFrom: ISSUED_AT,
        validityDays: 30,
        status: {
          revocation: { statusListCredential: statusListUrl(PUBLIC_URL, 1, 'revocation'), statusListIndex: index },
          suspension: { statusListCredential: statusListUrl(PUBLIC_URL, 1, 'suspension'), statusListIndex: index },
        },
        ...options,
      });
      return signCredential({ credential: unsigned, signer: signer.signer, documentLoader, now: () => ISSUED_AT });
    },
    async setStatus(purpose, index, on) {
      bits.set(purpose, setStatusBit(bits.get(purpose) as Uint8Array, index, on));
      await publish(purpose);
    },
    async fetchStatusList(url) {
      return lists.get(url);
    },
    async rotate() {
      // Only public halves are needed: rotation drops the old current key's secret anyway.
      const stored = keys.keys.map((key) => ({ publicKeyMultibase: key.publicKeyMultibase, created: key.created, retired: key.retired }));
      const rotated = await rotateIssuerKey({ keys: stored }, new Date('2026-12-15T00:00:00Z'));
      return createVoucherWorld(await createIssuerKeySet(rotated));
    },
  };
  return world;
}

/**
 * How large a voucher's QR code is: the same signed voucher (with its revocation and suspension entries) as
 * VC1-R (base45 of CBOR-LD with our type table) and as plain JSON, in bytes and QR version at ECC L/M/Q.
 * Goal: VC1-R ≤ 300 bytes and ≤ version 13 at M. PixelPass is not built yet (issue 12).
 */
import { createIssuerKeySet, generateIssuerKeyFile } from '../src/platform/keys/index.js';
import {
  buildVoucher,
  createDocumentLoader,
  createVoucherTypeTable,
  encodeVoucherQr,
  qrVersionOf,
  signCredential,
  statusListUrl,
  TABLED_STATUS_LISTS,
  VOUCHER_REGISTRY_ENTRY_ID,
  type QrErrorCorrection,
} from '../src/modules/vouchers/index.js';

export interface VoucherQrRow {
  encoding: string;
  /** Bytes the QR carries (CBOR-LD bytes for VC1-R; UTF-8 for JSON). */
  payloadBytes: number;
  /** Characters of the QR text. */
  textLength: number;
  versions: Record<QrErrorCorrection, number | undefined>;
}

const PUBLIC_URL = 'https://iaod.example.org';
const LEVELS: QrErrorCorrection[] = ['L', 'M', 'Q'];

function versionsOf(text: string): VoucherQrRow['versions'] {
  const versions = { L: undefined, M: undefined, Q: undefined, H: undefined } as VoucherQrRow['versions'];
  for (const level of LEVELS) {
    try {
      versions[level] = qrVersionOf(text, level);
    } catch {
      versions[level] = undefined; // does not fit in version 40
    }
  }
  return versions;
}

export async function benchVoucherQr(): Promise<VoucherQrRow[]> {
  const keySet = await createIssuerKeySet(await generateIssuerKeyFile(new Date()));
  const documentLoader = createDocumentLoader();
  const typeTables = new Map([[VOUCHER_REGISTRY_ENTRY_ID, createVoucherTypeTable({ publicUrl: PUBLIC_URL, issuerKeys: keySet.keys })]]);
  const rows: VoucherQrRow[] = [];
  // A long name and a high index: the larger vouchers of a real run. The second list number is past the table.
  for (const listNumber of [1, TABLED_STATUS_LISTS + 1]) {
    const voucher = await signCredential({
      credential: buildVoucher({
        issuer: keySet.current.did,
        subject: {
          name: 'Amina Wanjiru Yusuf Odhiambo',
          beneficiaryReference: 'B7K2M9Q4X8C3',
          program: 'EMERG-01',
          treatmentType: 'surgery',
          amount: '4850.00',
          currency: 'USD',
          applicationReference: 'K7M2-X9Q4',
        },
        validFrom: new Date('2026-12-01T08:00:00Z'),
        validityDays: 30,
        status: {
          revocation: { statusListCredential: statusListUrl(PUBLIC_URL, listNumber, 'revocation'), statusListIndex: 131_071 },
          suspension: { statusListCredential: statusListUrl(PUBLIC_URL, listNumber, 'suspension'), statusListIndex: 131_071 },
        },
      }),
      signer: keySet.signer,
      documentLoader,
    });
    const { text, cborld } = await encodeVoucherQr({
      credential: voucher,
      documentLoader,
      registryEntryId: VOUCHER_REGISTRY_ENTRY_ID,
      typeTables,
    });
    const where = listNumber === 1 ? 'status list in the table' : 'status list past the table';
    rows.push({ encoding: `VC1-R (${where})`, payloadBytes: cborld.length, textLength: text.length, versions: versionsOf(text) });
    if (listNumber === 1) {
      const json = JSON.stringify(voucher);
      rows.push({ encoding: 'plain JSON', payloadBytes: Buffer.byteLength(json), textLength: json.length, versions: versionsOf(json) });
    }
  }
  return rows;
}

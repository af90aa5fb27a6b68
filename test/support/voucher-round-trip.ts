/**
 * Run by test/unit/modules/vouchers/node-modules.test.ts under plain Node (`node --import tsx`), the way the
 * service runs: Jest's module interop is more forgiving with CommonJS packages than Node's, so a named import
 * that Node cannot satisfy passes every Jest test. Prints as JSON the verification result, the QR size and
 * whether the voucher PDF's QR code reads back.
 */
import { createIssuerKeySet, generateIssuerKeyFile } from '../../src/platform/keys/index.js';
import {
  buildStatusListCredential,
  buildVoucher,
  createDocumentLoader,
  createStatusBits,
  createVoucherTypeTable,
  decodeVoucherQr,
  drawQrPng,
  drawQrSvg,
  encodeVoucherQr,
  renderVoucherPdf,
  signCredential,
  statusListUrl,
  verifyVoucher,
  VOUCHER_REGISTRY_ENTRY_ID,
  type UnknownCredential,
} from '../../src/modules/vouchers/index.js';
import { readVoucherPdf } from './read-voucher-pdf.js';

const NOW = new Date('2026-12-01T08:00:00Z');
const PUBLIC_URL = 'https://iaod.example.org';
const keySet = await createIssuerKeySet(await generateIssuerKeyFile(NOW));
const documentLoader = createDocumentLoader();
const lists = new Map<string, UnknownCredential>();
for (const purpose of ['revocation', 'suspension'] as const) {
  const id = statusListUrl(PUBLIC_URL, 1, purpose);
  const list = await buildStatusListCredential({
    id,
    issuer: keySet.current.did,
    statusPurpose: purpose,
    bits: createStatusBits(),
    validFrom: NOW,
  });
  lists.set(id, await signCredential({ credential: list, signer: keySet.signer, documentLoader }));
}
const voucher = await signCredential({
  credential: buildVoucher({
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
      revocation: { statusListCredential: statusListUrl(PUBLIC_URL, 1, 'revocation'), statusListIndex: 3 },
      suspension: { statusListCredential: statusListUrl(PUBLIC_URL, 1, 'suspension'), statusListIndex: 3 },
    },
  }),
  signer: keySet.signer,
  documentLoader,
});
const typeTables = new Map([[VOUCHER_REGISTRY_ENTRY_ID, createVoucherTypeTable({ publicUrl: PUBLIC_URL, issuerKeys: keySet.keys })]]);
const { text, cborld } = await encodeVoucherQr({
  credential: voucher,
  documentLoader,
  registryEntryId: VOUCHER_REGISTRY_ENTRY_ID,
  typeTables,
});
const decoded = await decodeVoucherQr({ text, documentLoader, typeTables });
const result = await verifyVoucher({
  credential: decoded,
  documentLoader,
  isTrustedIssuer: (issuer) => keySet.findByIssuer(issuer) !== undefined,
  fetchStatusList: async (url) => lists.get(url),
  now: () => new Date('2026-12-10T00:00:00Z'),
});
const png = await drawQrPng(text);
const svg = await drawQrSvg(text);
const pdf = await readVoucherPdf(
  await renderVoucherPdf({
    qrText: text,
    title: 'Voucher',
    language: 'en',
    labels: {
      name: 'Name',
      program: 'Program',
      amount: 'Amount',
      validFrom: 'Valid from',
      validUntil: 'Valid until',
      reference: 'Reference',
      forBeneficiary: 'For the beneficiary',
      forProvider: 'For the provider',
    },
    fields: {
      name: 'Amina Yusuf Odhiambo',
      program: 'EMERG-01',
      amount: 'USD 1,500',
      validFrom: '1 December 2026',
      validUntil: '31 December 2026',
      reference: 'K7M2-X9Q4',
    },
  }),
);
console.log(
  JSON.stringify({
    verified: result.verified,
    failures: result.failures,
    bytes: cborld.length,
    png: png.length > 0,
    svg: svg.startsWith('<svg'),
    pdfQr: pdf.qrText === text,
  }),
);

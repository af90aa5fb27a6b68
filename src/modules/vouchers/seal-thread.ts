/**
 * A thread of the pool that seals vouchers (see `seal-voucher.ts`). It builds its tools once, from what the
 * runtime gives every thread (`ThreadData`): the same keys and public URL as the main thread, so a
 * voucher sealed here is the voucher the main thread would have sealed.
 */
import { workerData } from 'piscina';
import { createIssuerKeySet } from '../../platform/keys/index.js';
import type { ThreadData } from '../../platform/threads/thread-pool.js';
import { createDocumentLoader } from './document-loader.js';
import { createVoucherTypeTable, VOUCHER_REGISTRY_ENTRY_ID } from './qr/type-table.js';
import { sealVoucherCredential, type SealedVoucherCredential, type SealTask, type SealTools } from './seal-voucher.js';

let tools: Promise<SealTools> | undefined;

async function createTools(data: ThreadData): Promise<SealTools> {
  const keys = await createIssuerKeySet(data.issuerKeys);
  return {
    signer: keys.signer,
    documentLoader: createDocumentLoader(),
    typeTables: new Map([[VOUCHER_REGISTRY_ENTRY_ID, createVoucherTypeTable({ publicUrl: data.publicUrl, issuerKeys: keys.keys })]]),
  };
}

export async function runOnThread(task: SealTask): Promise<SealedVoucherCredential> {
  tools ??= createTools(workerData as ThreadData);
  return sealVoucherCredential(await tools, task);
}

/**
 * A thread of the pool that opens what scanners read (see `open-scan.ts`): it builds its document loader and
 * QR type table once, from what the runtime gives every thread (`ThreadData`), as the main thread does.
 */
import { workerData } from 'piscina';
import { createIssuerKeySet } from '../../platform/keys/index.js';
import type { ThreadData } from '../../platform/threads/thread-pool.js';
import { createDocumentLoader } from './document-loader.js';
import { createNodeVerifyingSuite } from './node-verifying-suite.js';
import { openScan, type OpenedScan, type OpenScanTools, type ScanInput } from './open-scan.js';
import { createVoucherTypeTable, VOUCHER_REGISTRY_ENTRY_ID } from './qr/type-table.js';

let tools: Promise<OpenScanTools> | undefined;

async function createTools(data: ThreadData): Promise<OpenScanTools> {
  const keys = await createIssuerKeySet(data.issuerKeys);
  return {
    documentLoader: createDocumentLoader(),
    verifyingSuite: createNodeVerifyingSuite(),
    typeTables: new Map([[VOUCHER_REGISTRY_ENTRY_ID, createVoucherTypeTable({ publicUrl: data.publicUrl, issuerKeys: keys.keys })]]),
  };
}

export async function runOnThread(input: ScanInput): Promise<OpenedScan> {
  tools ??= createTools(workerData as ThreadData);
  return openScan(await tools, input);
}

/**
 * Sealing a voucher: signing its credential (DataIntegrityProof, eddsa-rdfc-2022) and encoding the signed
 * credential for its QR code (`VC1-R…`). The CPU-bound part of issuing, done on a thread of the pool when
 * there is one (`seal-thread.ts`), else on the calling thread.
 */
import type { CredentialSigner } from '../../platform/keys/index.js';
import type { ThreadPool } from '../../platform/threads/thread-pool.js';
import type { DataIntegrityProof, VoucherCredential } from './credential.js';
import type { DocumentLoader } from './document-loader.js';
import { encodeVoucherQr, type TypeTables } from './qr/voucher-qr.js';
import { VOUCHER_REGISTRY_ENTRY_ID } from './qr/type-table.js';
import { signCredential } from './sign-credential.js';

export interface SealTools {
  signer: CredentialSigner;
  documentLoader: DocumentLoader;
  typeTables: TypeTables;
}

export interface SealTask {
  credential: VoucherCredential;
  /** The proof's `created`. */
  issuedAt: Date;
}

export interface SealedVoucherCredential {
  credential: VoucherCredential & { proof: DataIntegrityProof };
  qrText: string;
}

export type SealVoucher = (task: SealTask) => Promise<SealedVoucherCredential>;

export async function sealVoucherCredential(tools: SealTools, task: SealTask): Promise<SealedVoucherCredential> {
  const credential = await signCredential({
    credential: task.credential,
    signer: tools.signer,
    documentLoader: tools.documentLoader,
    now: () => task.issuedAt,
  });
  const { text } = await encodeVoucherQr({
    credential,
    documentLoader: tools.documentLoader,
    registryEntryId: VOUCHER_REGISTRY_ENTRY_ID,
    typeTables: tools.typeTables,
  });
  return { credential, qrText: text };
}

const SEAL_THREAD = new URL('./seal-thread.ts', import.meta.url);

/** Seals on the pool's threads when it has any (each signs with the same keys), else on this thread. */
export function createSealer(tools: SealTools, threads: ThreadPool | undefined): SealVoucher {
  if (!threads || threads.size === 0) return (task) => sealVoucherCredential(tools, task);
  return (task) => threads.run<SealedVoucherCredential>(SEAL_THREAD, task);
}

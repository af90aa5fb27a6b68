/**
 * The signed status lists scanners fetch. A list is rebuilt from its vouchers' statuses (REVOKED or REDEEMED sets the
 * revocation bit, SUSPENDED the suspension bit) inside the command that changed one of them, so the list
 * served and the vouchers never disagree; an advisory lock per list orders two such commands.
 */
import { createHash } from 'node:crypto';
import { execute, selectOne, selectRows, type Transaction } from '../../platform/db/sql.js';
import type { StatusPurpose, UnknownCredential } from './credential.js';
import type { VouchersDeps } from './deps.js';
import { readStatusListPath, statusListUrl } from './qr/type-table.js';
import { buildStatusListCredential, createStatusBits, setStatusBit } from './status-list.js';
import { signCredential } from './sign-credential.js';

export interface PublishedStatusList {
  credential: UnknownCredential;
  /** A strong ETag (quoted). */
  etag: string;
}

/** The statuses whose bit is set in each list: a voucher redeemed in full fails at every scanner as a revoked one. */
const STATUSES_OF: Record<StatusPurpose, string> = { revocation: '{REVOKED,REDEEMED}', suspension: '{SUSPENDED}' };
/** The advisory lock space of status lists (any constant that no other lock uses). */
const STATUS_LIST_LOCK = 7_264_301;

async function signList(deps: VouchersDeps, listNumber: number, purpose: StatusPurpose, transaction?: Transaction) {
  const rows = await selectRows<{ status_index: number }>(
    deps.sequelize,
    'SELECT status_index FROM vouchers WHERE status_list = :listNumber AND status = ANY(CAST(:statuses AS text[]))',
    { listNumber, statuses: STATUSES_OF[purpose] },
    transaction,
  );
  let bits = createStatusBits();
  for (const row of rows) bits = setStatusBit(bits, row.status_index, true);
  const now = deps.now();
  const unsigned = await buildStatusListCredential({
    id: statusListUrl(deps.publicUrl, listNumber, purpose),
    issuer: deps.keys.current.did,
    statusPurpose: purpose,
    bits,
    validFrom: now,
  });
  const credential = await signCredential({
    credential: unsigned,
    signer: deps.keys.signer,
    documentLoader: deps.documentLoader,
    now: () => now,
  });
  const etag = `"${createHash('sha256').update(JSON.stringify(credential)).digest('base64url').slice(0, 32)}"`;
  return { credential, etag, now };
}

/** Rebuilds, signs and stores a list, in the transaction of the command that changed a voucher of it. */
export async function republishStatusList(
  deps: VouchersDeps,
  listNumber: number,
  purpose: StatusPurpose,
  transaction: Transaction,
): Promise<void> {
  await execute(deps.sequelize, 'SELECT pg_advisory_xact_lock(:space, :listNumber)', { space: STATUS_LIST_LOCK, listNumber }, transaction);
  const { credential, etag, now } = await signList(deps, listNumber, purpose, transaction);
  await execute(
    deps.sequelize,
    `INSERT INTO status_lists (list_number, purpose, credential, etag, published_at)
     VALUES (:listNumber, :purpose, CAST(:credential AS jsonb), :etag, :now)
     ON CONFLICT (list_number, purpose) DO UPDATE
       SET credential = EXCLUDED.credential, etag = EXCLUDED.etag, published_at = EXCLUDED.published_at`,
    { listNumber, purpose, credential: JSON.stringify(credential), etag, now },
    transaction,
  );
}

/**
 * The list as served; published on first read (every bit clear but those already set), and again when the
 * stored copy names another URL (the deployment's public URL changed). Undefined for a list no voucher names
 * yet, so nobody can make the service store lists at will.
 */
export async function readStatusList(
  deps: VouchersDeps,
  listNumber: number,
  purpose: StatusPurpose,
): Promise<PublishedStatusList | undefined> {
  const url = statusListUrl(deps.publicUrl, listNumber, purpose);
  const read = () =>
    selectOne<PublishedStatusList>(
      deps.sequelize,
      'SELECT credential, etag FROM status_lists WHERE list_number = :listNumber AND purpose = :purpose',
      {
        listNumber,
        purpose,
      },
    );
  const stored = await read();
  if (stored?.credential.id === url) return stored;
  if (!stored) {
    const used = await selectOne<{ used: boolean }>(
      deps.sequelize,
      'SELECT EXISTS (SELECT 1 FROM vouchers WHERE status_list = :listNumber) AS used',
      { listNumber },
    );
    if (!used?.used) return undefined;
  }
  const { credential, etag, now } = await signList(deps, listNumber, purpose);
  // A copy published meanwhile for this URL wins: a revocation builds it from newer statuses.
  await execute(
    deps.sequelize,
    `INSERT INTO status_lists (list_number, purpose, credential, etag, published_at)
     VALUES (:listNumber, :purpose, CAST(:credential AS jsonb), :etag, :now)
     ON CONFLICT (list_number, purpose) DO UPDATE
       SET credential = EXCLUDED.credential, etag = EXCLUDED.etag, published_at = EXCLUDED.published_at
       WHERE status_lists.credential ->> 'id' <> :url`,
    { listNumber, purpose, credential: JSON.stringify(credential), etag, now, url },
  );
  return read();
}

/** The list at a URL of this deployment as served, with its ETag; any other URL is no list. */
export async function readStatusListAt(deps: VouchersDeps, url: string): Promise<PublishedStatusList | undefined> {
  if (!url.startsWith(`${deps.publicUrl}/`)) return undefined;
  const list = readStatusListPath(url.slice(deps.publicUrl.length));
  return list && (await readStatusList(deps, list.listNumber, list.purpose));
}

/** The verifier's view: a list URL of this deployment, read from the store; any other URL is no list. */
export function createStatusListFetcher(deps: VouchersDeps): (url: string) => Promise<UnknownCredential | undefined> {
  return async (url) => (await readStatusListAt(deps, url))?.credential;
}

import type { Sequelize } from 'sequelize';
import type { Transaction } from '../../platform/db/sql.js';
import { selectRows } from '../../platform/db/sql.js';
import { toDocumentMetadata, type DocumentMetadata } from './document-store.js';
import type { DocumentRow } from './models.js';
import { isUuid } from '../../platform/http/uuid.js';

/**
 * The documents among `ids` that exist and were uploaded by `ownerSubject`, oldest first; the others
 * (unknown, malformed or someone else's) are simply absent, so a caller compares lengths to refuse
 * attaching what is not theirs. Pass the caller's transaction to read inside it.
 */
export async function findDocumentsOwnedBy(
  sequelize: Sequelize,
  ids: string[],
  ownerSubject: string,
  transaction?: Transaction,
): Promise<DocumentMetadata[]> {
  const wanted = [...new Set(ids.filter((id) => isUuid(id)).map((id) => id.toLowerCase()))];
  if (wanted.length === 0) return [];
  const rows = await selectRows<DocumentRow>(
    sequelize,
    `SELECT * FROM documents WHERE id = ANY(CAST(:ids AS uuid[])) AND owner_subject = :ownerSubject AND deleted_at IS NULL
     ORDER BY created_at, id`,
    { ids: wanted, ownerSubject },
    transaction,
  );
  return rows.map(toDocumentMetadata);
}

/**
 * Every document `ownerSubject` uploaded and not deleted (by retention or erasure: their bytes are gone), oldest
 * first: the person's own copy of what the store holds of theirs (the export).
 */
export async function listDocumentsOwnedBy(sequelize: Sequelize, ownerSubject: string): Promise<DocumentMetadata[]> {
  const rows = await selectRows<DocumentRow>(
    sequelize,
    'SELECT * FROM documents WHERE owner_subject = :ownerSubject AND deleted_at IS NULL ORDER BY created_at, id',
    { ownerSubject },
  );
  return rows.map(toDocumentMetadata);
}

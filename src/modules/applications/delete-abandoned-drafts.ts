/**
 * Retention of abandoned drafts: drafts nobody changed since `before` are deleted, a batch per transaction,
 * each recorded as a discarded draft is (`application.draft-discarded`), with the reason `retention`.
 * Their attachments go with them (application_documents cascades); the uploaded documents stay their
 * uploader's.
 */
import type { Actor } from '../../platform/db/command.js';
import { selectRows } from '../../platform/db/sql.js';
import type { ApplicationsDeps } from './deps.js';

export interface DeleteAbandonedDraftsOptions {
  before: Date;
  batchSize: number;
  actor: Actor;
}

/** Returns the ids of the drafts deleted. */
export async function deleteAbandonedDrafts(
  deps: Pick<ApplicationsDeps, 'sequelize' | 'commands'>,
  options: DeleteAbandonedDraftsOptions,
): Promise<string[]> {
  const deleted: string[] = [];
  for (;;) {
    const ids = await deps.commands.run(options.actor, async (transaction) => {
      // SKIP LOCKED: a draft being saved right now is not abandoned; FOR UPDATE re-checks its time once locked.
      const rows = await selectRows<{ id: string }>(
        deps.sequelize,
        `DELETE FROM applications WHERE id IN (
           SELECT id FROM applications WHERE status = 'DRAFT' AND updated_at < :before
           ORDER BY updated_at, id LIMIT :limit FOR UPDATE SKIP LOCKED)
         RETURNING id`,
        { before: options.before, limit: options.batchSize },
        transaction,
      );
      const removed = rows.map((row) => row.id);
      return {
        result: removed,
        events: removed.map((id) => ({
          type: 'application.draft-discarded',
          aggregateType: 'application',
          aggregateId: id,
          payload: { reason: 'retention' },
        })),
      };
    });
    deleted.push(...ids);
    if (ids.length < options.batchSize) return deleted;
  }
}

/**
 * Ids of the documents that only applications rejected before `before` keep (a document another
 * application keeps, a draft included, is not due), in id order after `after`. An application is rejected
 * when its status becomes REJECTED, which is terminal: its `updated_at` is the time of the rejection.
 */
export async function findDocumentsOfApplicationsRejectedBefore(
  deps: Pick<ApplicationsDeps, 'sequelize'>,
  before: Date,
  after: string | undefined,
  limit: number,
): Promise<string[]> {
  const rows = await selectRows<{ id: string }>(
    deps.sequelize,
    `SELECT DISTINCT ad.document_id AS id FROM application_documents ad JOIN applications a ON a.id = ad.application_id
     WHERE a.status = 'REJECTED' AND a.updated_at < :before AND ad.document_id > CAST(:after AS uuid)
       AND NOT EXISTS (
         SELECT 1 FROM application_documents other JOIN applications b ON b.id = other.application_id
         WHERE other.document_id = ad.document_id AND NOT (b.status = 'REJECTED' AND b.updated_at < :before))
     ORDER BY id LIMIT :limit`,
    { before, after: after ?? '00000000-0000-0000-0000-000000000000', limit },
  );
  return rows.map((row) => row.id);
}

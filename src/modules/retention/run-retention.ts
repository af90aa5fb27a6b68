/**
 * One run of the retention job: for each kind of record with a period (0 keeps it), deletes what is older
 * than its cut-off, through the module that owns the table. Drafts and documents are recorded one event per
 * record by their modules; the run itself is recorded once, with the cut-offs and counts (ids and numbers only).
 */
import type { RetentionConfig } from '../../config.js';
import type { Actor, CommandRunner } from '../../platform/db/command.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Who deletes, as the audit trail names it: no person. */
export const RETENTION_ACTOR: Actor = { subject: 'system:retention', username: 'system' };

/** What each owning module offers; each deletes in batches of `batchSize` and returns what it deleted. */
export interface RetentionDeps {
  config: RetentionConfig;
  commands: CommandRunner;
  deleteAbandonedDrafts(before: Date, batchSize: number, actor: Actor): Promise<string[]>;
  deleteDocumentsOfRejectedApplications(
    before: Date,
    batchSize: number,
    actor: Actor,
  ): Promise<{ deleted: string[]; blobsDeleted: number }>;
  forgetIdempotentResults(before: Date, batchSize: number): Promise<number>;
  deletePublishedOutboxEvents(before: Date, batchSize: number): Promise<number>;
  now?: () => Date;
}

export interface RetentionRunResult {
  runId: string;
  /** Ids of the drafts deleted; undefined when drafts are kept (RETENTION_DRAFT_DAYS=0). */
  drafts: string[] | undefined;
  documents: { deleted: string[]; blobsDeleted: number } | undefined;
  idempotencyKeys: number | undefined;
  outboxEvents: number | undefined;
}

/** The moment `days` days before `now`, or undefined for 0 (keep). */
function cutOff(now: Date, days: number): Date | undefined {
  return days === 0 ? undefined : new Date(now.getTime() - days * DAY_MS);
}

export async function runRetention(deps: RetentionDeps, runId: string): Promise<RetentionRunResult> {
  const { config } = deps;
  const now = (deps.now ?? (() => new Date()))();
  const size = config.batchSize;
  const drafts = cutOff(now, config.draftDays);
  const documents = cutOff(now, config.rejectedDocumentDays);
  const idempotency = cutOff(now, config.idempotencyKeyDays);
  const outbox = cutOff(now, config.outboxEventDays);
  const result: RetentionRunResult = {
    runId,
    drafts: drafts && (await deps.deleteAbandonedDrafts(drafts, size, RETENTION_ACTOR)),
    documents: documents && (await deps.deleteDocumentsOfRejectedApplications(documents, size, RETENTION_ACTOR)),
    idempotencyKeys: idempotency && (await deps.forgetIdempotentResults(idempotency, size)),
    outboxEvents: outbox && (await deps.deletePublishedOutboxEvents(outbox, size)),
  };
  await deps.commands.run(RETENTION_ACTOR, async () => ({
    result: undefined,
    events: [
      {
        type: 'retention.completed',
        aggregateType: 'retention-run',
        aggregateId: runId,
        payload: {
          cutOffs: {
            drafts: drafts?.toISOString() ?? null,
            rejectedDocuments: documents?.toISOString() ?? null,
            idempotencyKeys: idempotency?.toISOString() ?? null,
            outboxEvents: outbox?.toISOString() ?? null,
          },
          drafts: result.drafts?.length ?? null,
          documents: result.documents?.deleted.length ?? null,
          blobs: result.documents?.blobsDeleted ?? null,
          idempotencyKeys: result.idempotencyKeys ?? null,
          outboxEvents: result.outboxEvents ?? null,
        },
      },
    ],
  }));
  return result;
}

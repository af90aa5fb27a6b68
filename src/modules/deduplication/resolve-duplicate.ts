import type { Principal } from '../../platform/auth/principal.js';
import type { DomainEvent } from '../../platform/db/command.js';
import { selectOne } from '../../platform/db/sql.js';
import { ConflictError, InputError, NotFoundError, UnprocessableError } from '../../platform/http/errors.js';
import type { DeduplicationDeps } from './deps.js';
import { findOpenCandidates } from './list-duplicate-candidates.js';
import {
  pairKeyOf,
  toDuplicateResolution,
  type DuplicateResolution,
  type DuplicateResolutionInput,
  type DuplicateResolutionRow,
} from './models.js';

export interface ResolveDuplicateOptions {
  applicationId: string;
  input: DuplicateResolutionInput;
}

/**
 * The officer holding the application's first stage resolves one likely duplicate: merges the other
 * registrant into the application's, links the two as one household, or dismisses the match with a
 * reason. One command: the application is locked at its first stage (approvals), the pair must be a
 * candidate now and unresolved, the registry merge (if any) and the resolution are written together, and
 * the events name ids, the resolution and the score, never the reason.
 */
export async function resolveDuplicate(
  deps: DeduplicationDeps,
  actor: Principal,
  { applicationId, input }: ResolveDuplicateOptions,
): Promise<DuplicateResolution> {
  const reason = input.reason?.trim() || undefined;
  return deps.commands.run(actor, async (transaction) => {
    const held = await deps.approvals.holdFirstStage(actor, applicationId, transaction);
    if (input.resolution === 'dismiss' && !reason) {
      throw new InputError(
        'Say in words why the two records are not the same person.',
        [{ path: '/body/reason', message: 'is required to dismiss a likely duplicate' }],
        'ERR_DUPLICATE_REASON_REQUIRED',
      );
    }
    const record = { kind: input.recordKind, id: input.recordId };
    const match = { kind: input.matchKind, id: input.matchId };
    const pairKey = pairKeyOf(record, match);
    const resolved = await selectOne(
      deps.sequelize,
      'SELECT 1 AS found FROM duplicate_resolutions WHERE pair_key = :pairKey',
      { pairKey },
      transaction,
    );
    if (resolved) throw new ConflictError('These two records were resolved already.', 'ERR_DUPLICATE_RESOLVED');
    const candidates = await findOpenCandidates(deps, held.registrantId, transaction);
    const candidate = candidates.find(
      (c) => c.record.kind === record.kind && c.record.id === record.id && c.match.kind === match.kind && c.match.id === match.id,
    );
    if (!candidate) throw new NotFoundError('These two records are not a likely duplicate of this application now.');
    const events: DomainEvent[] = [];
    if (input.resolution === 'merge') {
      if (candidate.record.kind !== 'registrant' || candidate.match.kind !== 'registrant') {
        throw new UnprocessableError(
          'Only two registrants can be merged; link a family member as one household, or dismiss.',
          'ERR_MERGE_NEEDS_REGISTRANTS',
        );
      }
      events.push(
        ...(await deps.registry.mergeRegistrants(actor, { keptId: candidate.record.id, mergedId: candidate.match.id }, transaction)),
      );
    }
    const row = await selectOne<DuplicateResolutionRow>(
      deps.sequelize,
      `INSERT INTO duplicate_resolutions (application_id, pair_key, record_kind, record_id, match_kind, match_id, resolution, reason,
         match_type, score, matched_on, resolved_by_subject, resolved_by_display_name, resolved_at)
       VALUES (:applicationId, :pairKey, :recordKind, :recordId, :matchKind, :matchId, :resolution, :reason,
         :matchType, :score, CAST(:matchedOn AS text[]), :subject, :displayName, :resolvedAt)
       RETURNING *`,
      {
        applicationId,
        pairKey,
        recordKind: candidate.record.kind,
        recordId: candidate.record.id,
        matchKind: candidate.match.kind,
        matchId: candidate.match.id,
        resolution: input.resolution,
        reason: reason ?? null,
        matchType: candidate.kind,
        score: candidate.score,
        matchedOn: candidate.matchedOn,
        subject: actor.subject,
        displayName: actor.displayName,
        resolvedAt: deps.now(),
      },
      transaction,
    );
    if (!row) throw new TypeError('the resolution was not stored');
    events.unshift({
      type: 'application.duplicate-resolved',
      aggregateType: 'application',
      aggregateId: applicationId,
      // Ids, the resolution and the score: the reason stays in its table (free text may name people).
      payload: {
        resolution: input.resolution,
        record: { kind: candidate.record.kind, id: candidate.record.id },
        match: { kind: candidate.match.kind, id: candidate.match.id, registrantId: candidate.match.registrantId },
        kind: candidate.kind,
        score: candidate.score,
      },
    });
    return { result: toDuplicateResolution(row), events };
  });
}

import type { Principal } from '../../platform/auth/principal.js';
import type { DomainEvent } from '../../platform/db/command.js';
import { execute } from '../../platform/db/sql.js';
import { NotFoundError } from '../../platform/http/errors.js';
import type { SignalsDeps } from './deps.js';
import { computeSignals, findSignalSubject } from './find-signals.js';
import type { SignalReview, SignalReviewInput } from './models.js';

export interface ReviewSignalOptions {
  applicationId: string;
  signalKey: string;
  input: SignalReviewInput;
}

/**
 * A designated officer marks a signal as reviewed, with a note. One command: the signal must be one the
 * application has now (404 otherwise); the review is appended, and the event names the signal, never the note.
 */
export async function reviewSignal(deps: SignalsDeps, actor: Principal, options: ReviewSignalOptions): Promise<SignalReview> {
  return deps.commands.run(actor, async (transaction) => {
    const subject = await findSignalSubject(deps, actor, options.applicationId, transaction);
    const signal = (await computeSignals(deps, subject, transaction)).find((s) => s.key === options.signalKey);
    if (!signal) throw new NotFoundError('This application has no such signal now.');
    const reviewedAt = deps.now();
    const note = options.input.note.trim();
    await execute(
      deps.sequelize,
      `INSERT INTO signal_reviews (application_id, signal_key, reviewed_by_subject, reviewed_by_display_name, reviewed_at, note)
       VALUES (:applicationId, :signalKey, :subject, :displayName, :reviewedAt, :note)`,
      { applicationId: subject.id, signalKey: signal.key, subject: actor.subject, displayName: actor.displayName, reviewedAt, note },
      transaction,
    );
    const event: DomainEvent = {
      type: 'application.signal-reviewed',
      aggregateType: 'application',
      aggregateId: subject.id,
      // The note stays in its table: free text may name people.
      payload: { signalKey: signal.key, kind: signal.kind },
    };
    const review: SignalReview = {
      signalKey: signal.key,
      note,
      reviewedBy: { subject: actor.subject, displayName: actor.displayName },
      reviewedAt: reviewedAt.toISOString(),
    };
    return { result: review, events: [event] };
  });
}

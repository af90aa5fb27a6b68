/**
 * Which notices an outbox event makes, and for whom. Events carry ids and codes only; the facts a message
 * needs are read from the modules that own them. An event that concerns nobody makes none.
 *
 * | event | who is told | kind |
 * | --- | --- | --- |
 * | application.submitted | the applicant; the officer(s) of stage 1 | application-received; application-waiting |
 * | application.stage-decided, reject | the applicant | application-rejected (with the program's reason) |
 * | application.stage-decided, approve, more stages | the applicant; the next stage's officer(s) | stage-approved; application-waiting |
 * | application.stage-decided, approve, last stage | the applicant | application-approved (with the amount) |
 * | application.stage-reassigned | the new officer(s) | application-waiting |
 * | voucher.issued | the applicant | voucher-issued (a link, never the voucher) |
 * | voucher.redeemed | the applicant | voucher-redeemed |
 * | claim.approved / claim.rejected / claim.paid | the facility's users | claim-approved / claim-rejected / claim-paid |
 */
import type { OutboxEvent } from '../../platform/outbox/consumer.js';
import type { ApplicationNoticeFacts, NoticeSources } from './deps.js';
import type { Notice, NoticeKind } from './models.js';

export interface PlanNoticesOptions {
  sources: NoticeSources;
  publicUrl: string;
}

type Officer = { type: 'user' | 'group'; ref: string };

export async function planNotices({ sources, publicUrl }: PlanNoticesOptions, event: OutboxEvent): Promise<Notice[]> {
  const source = `event:${event.id}`;
  const payload = event.payload;

  async function officersOf(officer: Officer | undefined): Promise<string[]> {
    if (!officer) return [];
    return officer.type === 'user' ? [officer.ref] : sources.findGroupMembers(officer.ref);
  }

  function applicantNotice(app: ApplicationNoticeFacts, kind: NoticeKind, values: Record<string, string | number> = {}): Notice {
    return {
      source,
      kind,
      recipientSubject: app.applicantSubject,
      recipientRole: 'applicant',
      programId: app.programId,
      values: { reference: app.reference, program: app.programName, link: `${publicUrl}/ssp/applications/${app.id}`, ...values },
      applicant: { registrantId: app.registrantId, givenName: app.givenName, email: app.email, phone: app.phone },
    };
  }

  async function waitingNotices(app: ApplicationNoticeFacts, position: number, officer?: Officer): Promise<Notice[]> {
    const stage = app.stages.find((s) => s.position === position);
    if (!stage) return [];
    const subjects = await officersOf(officer ?? stage.officer);
    // An officer is not told of their own application (they could not decide it anyway).
    return [...new Set(subjects)]
      .filter((subject) => subject !== app.applicantSubject)
      .map((subject) => ({
        source,
        kind: 'application-waiting' as const,
        recipientSubject: subject,
        recipientRole: 'officer' as const,
        programId: app.programId,
        values: {
          reference: app.reference,
          program: app.programName,
          stage: stage.name,
          link: `${publicUrl}/officer/applications/${app.id}`,
        },
      }));
  }

  switch (event.type) {
    case 'application.submitted': {
      const app = await sources.findApplication(event.aggregateId);
      if (!app) return [];
      return [applicantNotice(app, 'application-received'), ...(await waitingNotices(app, 1))];
    }
    case 'application.stage-decided': {
      const app = await sources.findApplication(event.aggregateId);
      if (!app) return [];
      const position = Number(payload.position);
      const stageName = app.stages.find((s) => s.position === position)?.name ?? String(position);
      if (payload.decision === 'reject') {
        const reason = (await sources.findDecisionReason(app.id, position)) ?? String(payload.reasonCode ?? '');
        return [applicantNotice(app, 'application-rejected', { stage: stageName, reason })];
      }
      if (payload.status === 'APPROVED') {
        return [applicantNotice(app, 'application-approved', { amount: amountOf(payload.amount, payload.currency) })];
      }
      return [applicantNotice(app, 'stage-approved', { stage: stageName }), ...(await waitingNotices(app, position + 1))];
    }
    case 'application.stage-reassigned': {
      const app = await sources.findApplication(event.aggregateId);
      if (!app) return [];
      return waitingNotices(app, Number(payload.position), payload.to as Officer | undefined);
    }
    case 'voucher.issued': {
      const app = await sources.findApplication(String(payload.applicationId));
      if (!app) return [];
      return [applicantNotice(app, 'voucher-issued', { amount: amountOf(payload.amount, payload.currency) })];
    }
    case 'voucher.redeemed': {
      const app = await sources.findApplication(String(payload.applicationId));
      if (!app) return [];
      return [
        applicantNotice(app, 'voucher-redeemed', {
          amount: amountOf(payload.amount, payload.currency),
          remaining: amountOf(payload.remaining, payload.currency),
        }),
      ];
    }
    case 'claim.approved':
    case 'claim.rejected':
    case 'claim.paid': {
      const claim = await sources.findClaim(event.aggregateId);
      if (!claim) return [];
      const kind = event.type.replace('.', '-') as NoticeKind;
      return claim.providerUserSubjects.map((subject) => ({
        source,
        kind,
        recipientSubject: subject,
        recipientRole: 'provider' as const,
        programId: undefined,
        values: {
          claim: claim.id.slice(0, 8).toUpperCase(),
          amount: amountOf(claim.total, claim.currency),
          link: `${publicUrl}/provider/claims/${claim.id}`,
        },
      }));
    }
    default:
      return [];
  }
}

/** `900.00 USD`: the figure as recorded and its currency code, the same in every language. */
function amountOf(amount: unknown, currency: unknown): string {
  return [amount, currency].filter((part) => typeof part === 'string' || typeof part === 'number').join(' ');
}

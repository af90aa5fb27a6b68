/**
 * The officer's application page (`/officer/applications/:id`): the snapshot taken at submission, its
 * documents (each viewed in place), the decisions so far with who made them, the registry changes the
 * applicant proposed (decided by the first-stage officer), and the decision form of the stage waiting
 * for this officer. A decision goes through the approvals service with the form's Idempotency-Key, so
 * a double submit records one decision; then the officer is sent back to their queue with a notice.
 */
import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { Application, RegistryProposal } from '../../modules/applications/index.js';
import type { StageToDecide } from '../../modules/approvals/index.js';
import { readDocumentContent } from '../../modules/documents/index.js';
import type { Principal } from '../../platform/auth/principal.js';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import { AppError, NotFoundError } from '../../platform/http/errors.js';
import { formatCalendarDate, formatMoment } from '../format-dates.js';
import { formatMoney } from '../money.js';
import { datesOf, localeOf, uuidParam, wantsFragment, type OfficerPagesOptions } from './context.js';
import {
  checkDecisionForm,
  DECISION_FIELDS,
  explainRefusal,
  readDecisionForm,
  toDecisionInput,
  type DecisionErrors,
  type DecisionValues,
} from './decision-form.js';
import { keepQueueNotice } from './notices.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;
const PROPOSAL_DECISIONS = new Set(['accept', 'keep']);

interface DecisionFormState {
  values: DecisionValues;
  errors: DecisionErrors;
  general?: { title: string; explanation: string } | undefined;
  idempotencyKey: string;
}

interface PanelUpdate {
  announce: string;
  focus: string;
}

const EMPTY_VALUES: DecisionValues = { decision: '', reasonCode: '', reasonText: '', amount: '', overrideReason: '' };

export function createApplicationPage(options: OfficerPagesOptions): Router {
  const { applications, approvals, programs } = options;
  const router = Router();

  /** Everything the page shows, as the signed-in officer may see it; reading it is recorded (getApplication). */
  async function loadPage(req: Request, principal: Principal, id: string) {
    const application = await applications.getApplication(principal, id);
    const [decisions, stage, terms, zones] = await Promise.all([
      approvals.listStageDecisions(principal, id),
      approvals.findStageToDecide(principal, id),
      programs.findDecisionTerms(application.programId),
      programs.programTimeZones([application.programId]),
    ]);
    const dates = datesOf(req, zones, application.programId);
    const locale = localeOf(req);
    const currency = terms?.currency ?? application.treatment.currency;
    return { application, decisions, stage, terms, dates, locale, currency };
  }

  type Loaded = Awaited<ReturnType<typeof loadPage>>;

  function presentProposals(req: Request, loaded: Loaded, update?: PanelUpdate) {
    const proposals = loaded.application.registryProposals;
    if (!proposals || proposals.length === 0) return undefined;
    const show = (value: RegistryProposal['proposedValue']) => (typeof value === 'string' ? value : JSON.stringify(value));
    return {
      applicationId: loaded.application.id,
      update,
      items: proposals.map((p) => ({
        field: p.field,
        fieldName: req.t(`officer.proposals.field.${p.field}`),
        proposedValue: show(p.proposedValue),
        registryValue: show(p.registryValue),
        decision: p.decision,
        decidedWords: p.decision
          ? req.t(`officer.proposals.decided.${p.decision}`, {
              officer: p.decidedBy ?? '',
              when: p.decidedAt ? formatMoment(p.decidedAt, loaded.dates) : '',
            })
          : '',
      })),
    };
  }

  function presentPage(req: Request, loaded: Loaded, form: DecisionFormState | undefined) {
    const { application, decisions, stage, terms, dates, locale, currency } = loaded;
    const maximum = terms ? formatMoney(terms.maxAmount, terms.currency, locale) : '';
    const estimatedCost = formatMoney(application.treatment.estimatedCost, application.treatment.currency, locale);
    const { applicant } = application;
    return {
      application,
      labels: {
        status: req.t(`officer.status.${application.status}`),
        idType: req.t(`officer.idType.${applicant.idType}`),
        gender: req.t(`officer.gender.${applicant.gender}`),
      },
      submitted: formatMoment(application.submittedAt, dates),
      estimatedCost,
      assessedAmount: application.assessedAmount ? formatMoney(application.assessedAmount, currency, locale) : '',
      birthDate: formatCalendarDate(application.applicant.birthDate, dates),
      familyMembers: application.familyMembers.map((m) => ({
        ...m,
        birthDate: formatCalendarDate(m.birthDate, dates),
        relationLabel: req.t(`officer.relation.${m.relation}`),
        genderLabel: req.t(`officer.gender.${m.gender}`),
      })),
      documents: application.documents.map((d) => ({
        ...d,
        kindLabel: req.t(`officer.documentKind.${d.kind}`),
        href: `/officer/applications/${application.id}/documents/${d.documentId}`,
        size: new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(
          Math.max(1, d.sizeBytes / 1024),
        ),
      })),
      timeline: application.timeline.map((entry) => {
        const decided = decisions.find((d) => d.position === entry.position);
        return {
          ...entry,
          stateLabel: req.t(`officer.timelineState.${entry.state}`),
          decided: decided && {
            ...decided,
            when: formatMoment(decided.decidedAt, dates),
            whenIso: decided.decidedAt.toISOString(),
            amount: decided.amount ? formatMoney(decided.amount, decided.currency, locale) : '',
          },
        };
      }),
      proposals: presentProposals(req, loaded),
      stage,
      decisionForm: stage?.designated ? presentForm(req, stage, form) : undefined,
      reasons: terms?.reasonCodes ?? [],
      currency,
      maximum,
    };
  }

  function presentForm(req: Request, stage: StageToDecide, form: DecisionFormState | undefined) {
    const state = form ?? { values: EMPTY_VALUES, errors: {}, idempotencyKey: randomUUID() };
    const order = DECISION_FIELDS.filter((f) => state.errors[f]);
    return {
      ...state,
      assessment: stage.kind === 'assessment',
      approveLabel: req.t(`officer.decision.approve.${stage.kind}`),
      action: `stages/${stage.position}/decision`,
      summary: order.map((f) => ({ message: state.errors[f], href: `#f-${f === 'decision' ? 'decision-approve' : f}` })),
    };
  }

  const showPage = async (req: Request, res: Response, id: string, form?: DecisionFormState, status = 200) => {
    const loaded = await loadPage(req, requirePrincipal(req), id);
    res.status(status).render('officer/application.njk', presentPage(req, loaded, form));
  };

  router.get('/applications/:applicationId', async (req, res) => {
    await showPage(req, res, uuidParam(req, 'applicationId'));
  });

  router.post('/applications/:applicationId/stages/:position/decision', async (req, res) => {
    const principal = requirePrincipal(req);
    const id = uuidParam(req, 'applicationId');
    const position = Number(req.params.position);
    if (!Number.isInteger(position) || position < 1 || position > 32767) throw new NotFoundError('There is nothing at this address.');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values = readDecisionForm(body);
    const key = typeof body.idempotencyKey === 'string' && IDEMPOTENCY_KEY.test(body.idempotencyKey) ? body.idempotencyKey : randomUUID();
    const stage = await approvals.findStageToDecide(principal, id);
    const errors = checkDecisionForm(values, stage?.kind === 'assessment', req.t);
    if (Object.keys(errors).length > 0) {
      await showPage(req, res, id, { values, errors, idempotencyKey: key }, 400);
      return;
    }
    try {
      const { decision } = await approvals.decideStage(principal, {
        applicationId: id,
        position,
        input: toDecisionInput(values),
        idempotencyKey: key,
      });
      const reference = (await approvals.findReferences(principal, [id])).get(id) ?? '';
      await keepQueueNotice(req, { kind: 'decided', reference, decision: decision.decision });
      res.redirect(303, '/officer#queue-notice');
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.status === 404) throw error;
      const loaded = await loadPage(req, principal, id);
      const limits = {
        maximum: loaded.terms ? formatMoney(loaded.terms.maxAmount, loaded.terms.currency, loaded.locale) : '',
        estimatedCost: formatMoney(loaded.application.treatment.estimatedCost, loaded.application.treatment.currency, loaded.locale),
      };
      const explained = explainRefusal(error, limits, req.t);
      // A refused decision recorded nothing: the next attempt is a new request with a new key.
      const form = { values, errors: explained.fields, general: explained.general, idempotencyKey: randomUUID() };
      res.status(error.status).render('officer/application.njk', presentPage(req, loaded, form));
    }
  });

  // The first-stage officer accepts a proposed registry change, or keeps the registry's value.
  router.post('/applications/:applicationId/proposals/:field', async (req, res) => {
    const principal = requirePrincipal(req);
    const id = uuidParam(req, 'applicationId');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const decision =
      typeof body.decision === 'string' && PROPOSAL_DECISIONS.has(body.decision) ? (body.decision as 'accept' | 'keep') : undefined;
    const loadedBefore = await loadPage(req, principal, id);
    const proposal = loadedBefore.application.registryProposals?.find((p) => p.field === req.params.field);
    if (!decision || !proposal) throw new NotFoundError('There is nothing at this address.');
    let update: PanelUpdate;
    try {
      await applications.decideRegistryProposal(principal, { applicationId: id, field: proposal.field, decision });
      const fieldName = req.t(`officer.proposals.field.${proposal.field}`);
      update = { announce: req.t(`officer.proposals.done.${decision}`, { field: fieldName }), focus: `proposal-${proposal.field}` };
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.status === 404) throw error;
      update = { announce: req.t(`problem.${error.code}.title`), focus: `proposal-${proposal.field}` };
    }
    if (!wantsFragment(req)) {
      res.redirect(303, `/officer/applications/${id}#proposal-${proposal.field}`);
      return;
    }
    const loaded = await loadPage(req, principal, id);
    res.render('officer/proposals-panel.njk', { proposals: presentProposals(req, loaded, update), csrfToken: res.locals.csrfToken });
  });

  // A document of the application, shown in the browser's own viewer: only to officers who may read it.
  router.get('/applications/:applicationId/documents/:documentId', async (req, res) => {
    const principal = requirePrincipal(req);
    const id = uuidParam(req, 'applicationId');
    const documentId = uuidParam(req, 'documentId');
    const application: Application = await applications.getApplication(principal, id);
    if (!application.documents.some((d) => d.documentId === documentId)) throw new NotFoundError('There is nothing at this address.');
    const { document, bytes } = await readDocumentContent(options.documents, {
      documentId,
      reader: principal,
      policy: options.documentReadPolicy,
    });
    // inline() is not in Express: attachment() encodes the name (ASCII and UTF-8 forms), then the type is made inline.
    res.attachment(document.fileName);
    res.setHeader('Content-Disposition', String(res.getHeader('Content-Disposition')).replace(/^attachment/, 'inline'));
    res.setHeader('Content-Type', document.mediaType);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Personal (often medical) data: kept by no cache; no script runs in it.
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Content-Security-Policy', "default-src 'none'; img-src 'self'; object-src 'self'");
    res.send(bytes);
  });

  return router;
}

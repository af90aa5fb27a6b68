/**
 * The fraud signals panel of the officer's application page: each signal the service finds now, its
 * evidence in plain words, a link to the other application when this officer may open it (its reference
 * otherwise), and a form to mark it reviewed with a note; a reviewed one says who, when and the note.
 * Signals inform, never decide. htmx swaps the panel in place; without JavaScript the form posts.
 */
import { Router, type Request, type Response } from 'express';
import type { Signal } from '../../modules/signals/index.js';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import { AppError, NotFoundError } from '../../platform/http/errors.js';
import { formatMoment } from '../format-dates.js';
import { formatMoney } from '../money.js';
import type { LoadedApplicationPage, PanelUpdate } from './application-view.js';
import { uuidParam, wantsFragment, type OfficerPagesOptions } from './context.js';

/** The contract's SignalKey: a kind, and for a signal about another record, its id. */
const SIGNAL_KEY =
  /^(same-person|same-household|shared-document|shared-phone|shared-payment-account)\.[0-9a-f-]{36}$|^cost-outlier$|^id-linked-elsewhere$/;

export interface SignalsPanelState {
  update?: PanelUpdate;
  typed?: { key: string; note: string; error: string };
}

/** An id for the page from a signal's key (which holds a dot, awkward in a CSS selector). */
const anchorOf = (key: string) => `signal-${key.replace('.', '-')}`;

/** The evidence of a signal as sentences; ids and figures only, as the service gives them. */
function evidenceOf(req: Request, signal: Signal, loaded: LoadedApplicationPage): string[] {
  const { evidence } = signal;
  switch (signal.kind) {
    case 'same-person':
    case 'same-household':
      return (evidence.matchedOn ?? []).map((match) => req.t(`officer.signals.matchedOn.${match}`));
    case 'shared-document':
      return (evidence.documents ?? []).map((d) => {
        const attached = loaded.application.documents.find((a) => a.documentId === d.documentId);
        return req.t('officer.signals.sharedDocument', {
          name: attached?.fileName ?? d.documentId,
          kind: req.t(`officer.documentKind.${d.kind}`),
        });
      });
    case 'shared-phone':
      return [req.t('officer.signals.sharedPhone')];
    case 'shared-payment-account':
      return [req.t('officer.signals.sharedPaymentAccount', { count: evidence.registrantCount ?? 1 })];
    case 'cost-outlier': {
      const cost = evidence.cost;
      if (!cost) return [];
      const money = (amount: string) => formatMoney(amount, loaded.application.treatment.currency, loaded.locale);
      return [
        req.t('officer.signals.costOutlier', {
          cost: money(cost.estimatedCost),
          median: money(cost.median),
          mad: money(cost.mad),
          count: cost.sampleSize,
        }),
      ];
    }
    case 'id-linked-elsewhere':
      // When, and only when: the ID and the other account are not this officer's to see.
      return (evidence.linkAttempts ?? []).map((at) =>
        req.t('officer.signals.idLinkedElsewhere', { when: formatMoment(new Date(at), loaded.dates) }),
      );
  }
}

export function presentSignalsPanel(req: Request, loaded: LoadedApplicationPage, state: SignalsPanelState = {}) {
  const { application, dates, openable } = loaded;
  const items = loaded.signals.map((signal) => {
    const typed = state.typed?.key === signal.key ? state.typed : undefined;
    const anchor = anchorOf(signal.key);
    const related = signal.related && {
      reference: signal.related.reference,
      href: openable.has(signal.related.applicationId) ? `/officer/applications/${signal.related.applicationId}` : undefined,
      words: req.t('officer.signals.related', {
        status: req.t(`officer.status.${signal.related.status}`),
        when: formatMoment(new Date(signal.related.submittedAt), dates),
      }),
    };
    return {
      key: signal.key,
      anchor,
      title: req.t(`officer.signals.kind.${signal.kind}`),
      evidence: evidenceOf(req, signal, loaded),
      related,
      action: `/officer/applications/${application.id}/signals/${signal.key}/review`,
      review: signal.review && {
        words: req.t('officer.signals.reviewedBy', {
          officer: signal.review.reviewedBy.displayName,
          when: formatMoment(new Date(signal.review.reviewedAt), dates),
        }),
        note: signal.review.note,
      },
      note: typed?.note ?? '',
      error: typed?.error,
    };
  });
  const refused = items.find((item) => item.error);
  return {
    items,
    update: state.update,
    summary: refused ? [{ message: refused.error, href: `#f-note-${refused.anchor}` }] : [],
  };
}

export interface SignalsRoutesOptions {
  pages: OfficerPagesOptions;
  loadPage: (req: Request, id: string) => Promise<LoadedApplicationPage>;
  renderPage: (req: Request, res: Response, loaded: LoadedApplicationPage, states: { signals: SignalsPanelState }, status: number) => void;
}

export function createSignalsRoutes({ pages, loadPage, renderPage }: SignalsRoutesOptions): Router {
  const router = Router();

  const answer = async (req: Request, res: Response, id: string, state: SignalsPanelState, status: number) => {
    const loaded = await loadPage(req, id);
    if (wantsFragment(req)) {
      res
        .status(status)
        .render('officer/signals-panel.njk', { signalsPanel: presentSignalsPanel(req, loaded, state), csrfToken: res.locals.csrfToken });
    } else {
      renderPage(req, res, loaded, { signals: state }, status);
    }
  };

  router.post('/applications/:applicationId/signals/:signalKey/review', async (req, res) => {
    const principal = requirePrincipal(req);
    const id = uuidParam(req, 'applicationId');
    const key = req.params.signalKey;
    if (typeof key !== 'string' || !SIGNAL_KEY.test(key)) throw new NotFoundError('There is nothing at this address.');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const note = typeof body.note === 'string' ? body.note.trim() : '';
    const anchor = anchorOf(key);
    if (note === '') {
      const error = req.t('officer.signals.error.note');
      await answer(req, res, id, { typed: { key, note, error }, update: { announce: error, focus: 'signals-errors' } }, 400);
      return;
    }
    try {
      await pages.signals.reviewSignal(principal, { applicationId: id, signalKey: key, input: { note } });
    } catch (error) {
      // A signal the application no longer has is a 404 like any address that leads nowhere.
      if (!(error instanceof AppError) || error.status >= 500 || error.status === 404) throw error;
      const said = `${req.t(`problem.${error.code}.title`)}. ${req.t(`problem.${error.code}.explanation`)}`;
      await answer(req, res, id, { typed: { key, note, error: said }, update: { announce: said, focus: 'signals-errors' } }, error.status);
      return;
    }
    if (!wantsFragment(req)) {
      res.redirect(303, `/officer/applications/${id}#${anchor}`);
      return;
    }
    await answer(req, res, id, { update: { announce: req.t('officer.signals.done'), focus: anchor } }, 200);
  });

  return router;
}

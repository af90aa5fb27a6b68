/**
 * The likely duplicates panel of the officer's application page, for its first-stage officer: each
 * candidate with the two records side by side (this application's person and the other), what matched and
 * the score, and while the application waits at the first stage, a form to merge the two registrants, link
 * them as one household, or dismiss the match with a reason; then how each was resolved, by whom and when.
 * htmx swaps the panel in place; without JavaScript the form posts and the page comes back.
 */
import { Router, type Request, type Response } from 'express';
import type { DuplicateCandidateList, DuplicateResolution } from '../../modules/deduplication/index.js';
import type { DuplicateMatch, RegistryPerson } from '../../modules/registry/index.js';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import { AppError, NotFoundError } from '../../platform/http/errors.js';
import { isUuid } from '../../platform/http/uuid.js';
import { formatCalendarDate, formatMoment } from '../format-dates.js';
import type { LoadedApplicationPage, PanelUpdate } from './application-view.js';
import { uuidParam, wantsFragment, type OfficerPagesOptions } from './context.js';

type Resolution = DuplicateResolution['resolution'];
const RESOLUTIONS: readonly Resolution[] = ['merge', 'link-household', 'dismiss'];
const KINDS = new Set(['registrant', 'family-member']);

/** What the officer sent for one candidate, kept when the form is refused. */
export interface DuplicateFormValues {
  recordKind: RegistryPerson['kind'];
  recordId: string;
  matchKind: RegistryPerson['kind'];
  matchId: string;
  resolution: Resolution | '';
  reason: string;
}

export interface DuplicatesPanelState {
  update?: PanelUpdate;
  typed?: { values: DuplicateFormValues; errors: { resolution?: string; reason?: string; general?: string } };
}

/** An id for the page from a pair (the match alone is unique on this page only with its record). */
const anchorOf = (c: { record: { id: string }; match: { id: string } }) => `duplicate-${c.record.id.slice(0, 8)}-${c.match.id}`;

function sideOf(req: Request, person: RegistryPerson, loaded: LoadedApplicationPage) {
  return {
    who:
      person.kind === 'registrant'
        ? req.t('officer.duplicates.registrant')
        : req.t('officer.duplicates.familyMember', { relation: req.t(`officer.relation.${person.relation ?? 'other'}`) }),
    givenName: person.givenName,
    familyName: person.familyName,
    birthDate: formatCalendarDate(person.birthDate, loaded.dates),
    gender: req.t(`officer.gender.${person.gender}`),
    region: person.region,
    id:
      person.idType && person.idValue ? `${req.t(`officer.idType.${person.idType}`)} ${person.idValue}` : req.t('officer.duplicates.noId'),
  };
}

function resolutionWords(req: Request, resolution: DuplicateResolution, loaded: LoadedApplicationPage) {
  return {
    words: req.t(`officer.duplicates.resolved.${resolution.resolution}`, {
      officer: resolution.resolvedBy.displayName,
      when: formatMoment(new Date(resolution.resolvedAt), loaded.dates),
    }),
    reason: resolution.reason,
  };
}

export function presentDuplicatesPanel(req: Request, loaded: LoadedApplicationPage, state: DuplicatesPanelState = {}) {
  const list: DuplicateCandidateList | undefined = loaded.duplicates;
  if (!list) return undefined;
  const { application, stage } = loaded;
  const mayResolve = stage?.position === 1 && stage.designated;
  const items = list.candidates.map((c: DuplicateMatch) => {
    const anchor = anchorOf(c);
    const typed =
      state.typed && state.typed.values.recordId === c.record.id && state.typed.values.matchId === c.match.id ? state.typed : undefined;
    const mergeable = c.record.kind === 'registrant' && c.match.kind === 'registrant';
    return {
      anchor,
      title: req.t(`officer.duplicates.kind.${c.kind}`, { score: c.score.toFixed(2) }),
      matchedOn: c.matchedOn.map((m) => req.t(`officer.duplicates.matchedOn.${m}`)),
      record: sideOf(req, c.record, loaded),
      match: sideOf(req, c.match, loaded),
      action: `/officer/applications/${application.id}/duplicates/resolutions`,
      hidden: { recordKind: c.record.kind, recordId: c.record.id, matchKind: c.match.kind, matchId: c.match.id },
      resolutions: RESOLUTIONS.filter((r) => r !== 'merge' || mergeable).map((r) => ({
        value: r,
        label: req.t(`officer.duplicates.resolution.${r}`),
        checked: typed?.values.resolution === r,
      })),
      reason: typed?.values.reason ?? '',
      errors: typed?.errors ?? {},
    };
  });
  const refused = items.find((item) => Object.keys(item.errors).length > 0);
  const summary = refused
    ? [
        ...(refused.errors.general ? [{ message: refused.errors.general, href: `#${refused.anchor}` }] : []),
        ...(refused.errors.resolution ? [{ message: refused.errors.resolution, href: `#f-resolution-${refused.anchor}-0` }] : []),
        ...(refused.errors.reason ? [{ message: refused.errors.reason, href: `#f-reason-${refused.anchor}` }] : []),
      ]
    : [];
  return {
    items,
    mayResolve,
    resolutions: list.resolutions.map((r) => resolutionWords(req, r, loaded)),
    update: state.update,
    summary,
  };
}

export interface DuplicatesRoutesOptions {
  pages: OfficerPagesOptions;
  loadPage: (req: Request, id: string) => Promise<LoadedApplicationPage>;
  renderPage: (
    req: Request,
    res: Response,
    loaded: LoadedApplicationPage,
    states: { duplicates: DuplicatesPanelState },
    status: number,
  ) => void;
}

/** The form's fields, or undefined when they do not name a pair (a forged post: nothing at this address). */
function readForm(body: Record<string, unknown>): DuplicateFormValues | undefined {
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
  const [recordKind, recordId, matchKind, matchId] = [text('recordKind'), text('recordId'), text('matchKind'), text('matchId')];
  if (!KINDS.has(recordKind) || !KINDS.has(matchKind) || !isUuid(recordId) || !isUuid(matchId)) return undefined;
  const resolution = RESOLUTIONS.find((r) => r === text('resolution')) ?? '';
  return {
    recordKind: recordKind as RegistryPerson['kind'],
    recordId,
    matchKind: matchKind as RegistryPerson['kind'],
    matchId,
    resolution,
    reason: text('reason').trim(),
  };
}

export function createDuplicatesRoutes({ pages, loadPage, renderPage }: DuplicatesRoutesOptions): Router {
  const router = Router();

  const answer = async (req: Request, res: Response, id: string, state: DuplicatesPanelState, status: number) => {
    const loaded = await loadPage(req, id);
    if (wantsFragment(req)) {
      res.status(status).render('officer/duplicates-panel.njk', {
        duplicatesPanel: presentDuplicatesPanel(req, loaded, state),
        csrfToken: res.locals.csrfToken,
      });
    } else {
      renderPage(req, res, loaded, { duplicates: state }, status);
    }
  };

  router.post('/applications/:applicationId/duplicates/resolutions', async (req, res) => {
    const principal = requirePrincipal(req);
    const id = uuidParam(req, 'applicationId');
    const values = readForm((req.body ?? {}) as Record<string, unknown>);
    if (!values) throw new NotFoundError('There is nothing at this address.');
    const refuse = (errors: NonNullable<DuplicatesPanelState['typed']>['errors'], status: number) => {
      const announce = Object.values(errors).join(' ');
      return answer(req, res, id, { typed: { values, errors }, update: { announce, focus: 'duplicates-errors' } }, status);
    };
    if (values.resolution === '') {
      await refuse({ resolution: req.t('officer.duplicates.error.resolution') }, 400);
      return;
    }
    if (values.resolution === 'dismiss' && values.reason === '') {
      await refuse({ reason: req.t('officer.duplicates.error.reason') }, 400);
      return;
    }
    try {
      await pages.deduplication.resolveDuplicate(principal, {
        applicationId: id,
        input: {
          recordKind: values.recordKind,
          recordId: values.recordId,
          matchKind: values.matchKind,
          matchId: values.matchId,
          resolution: values.resolution,
          ...(values.reason ? { reason: values.reason } : {}),
        },
      });
    } catch (error) {
      // A pair that is no longer a candidate is a 404 like any address that leads nowhere.
      if (!(error instanceof AppError) || error.status >= 500 || error.status === 404) throw error;
      await refuse({ general: `${req.t(`problem.${error.code}.title`)}. ${req.t(`problem.${error.code}.explanation`)}` }, error.status);
      return;
    }
    if (!wantsFragment(req)) {
      res.redirect(303, `/officer/applications/${id}#duplicates-panel`);
      return;
    }
    await answer(
      req,
      res,
      id,
      { update: { announce: req.t(`officer.duplicates.done.${values.resolution}`), focus: 'duplicates-heading' } },
      200,
    );
  });

  return router;
}

/**
 * Facilities: the service providers that serve beneficiaries and are reimbursed. The program manager
 * registers them and links provider users to them (one facility per user), each change through the claims
 * service as the signed-in person. Unlinking a user is asked, then confirmed, each a plain form.
 */
import { Router, type Request, type Response } from 'express';
import type { ServiceProvider } from '../../modules/claims/index.js';
import { AppError, type ErrorCode } from '../../platform/http/errors.js';
import type { Translate } from '../../platform/i18n/catalogs.js';
import { dateLocaleOf, formatMoment } from '../format-dates.js';
import { actorOf, uuidParam, type AdminContext } from './context.js';
import { linkFacilityErrors, linkProviderUserErrors } from './error-links.js';
import {
  FACILITY_KINDS,
  emptyFacilityForm,
  facilityKindShown,
  readFacilityForm,
  readProviderUserForm,
  toProviderUserLink,
  toServiceProviderInput,
  type FacilityFormValues,
  type ProviderUserFormValues,
} from './facility-forms.js';
import { FormInputError, fieldMessages, text, type FieldMessages, type FormBody } from './forms.js';
import { attempt } from './outcome.js';

type ProviderUser = ServiceProvider['users'][number];

/** The service's refusals of a user name to link: said next to the field, by the code's title in the page's language. */
const USERNAME_REFUSALS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'ERR_PROVIDER_USER_UNKNOWN',
  'ERR_PROVIDER_USER_LACKS_ROLE',
  'ERR_PROVIDER_USER_LINKED_ELSEWHERE',
]);

/** What a redirect after a change may announce (`?notice=`), and its words. */
const LIST_NOTICES: Record<string, string> = { registered: 'admin.facilities.notice.registered' };
const FACILITY_NOTICES: Record<string, string> = {
  linked: 'admin.facility.notice.linked',
  unlinked: 'admin.facility.notice.unlinked',
};

interface FacilitiesView {
  facilities: ServiceProvider[];
  form: { values: FacilityFormValues; errors: FieldMessages };
  notice?: string;
  alert?: string;
}

interface FacilityView {
  facility: ServiceProvider;
  link: { values: ProviderUserFormValues; errors: FieldMessages };
  notice?: string;
  alert?: string;
  /** The user the manager asked to unlink: the page asks to confirm. */
  unlinking?: ProviderUser;
}

function noticeOf(req: Request, notices: Record<string, string>): string | undefined {
  const key = typeof req.query.notice === 'string' ? notices[req.query.notice] : undefined;
  return key === undefined ? undefined : req.t(key);
}

function renderFacilities(req: Request, res: Response, view: FacilitiesView, status = 200): void {
  res.status(status).render('admin/facilities.njk', {
    ...view,
    rows: view.facilities.map((facility) => ({ ...facility, kindShown: facilityKindShown(facility.kind, req.t) })),
    kinds: FACILITY_KINDS.map((kind) => ({ value: kind.value, label: req.t(kind.key) })),
    errorList: linkFacilityErrors(view.form.errors),
  });
}

/** A facility has no time zone of its own: its times are told in UTC, named as such. */
function renderFacility(req: Request, res: Response, view: FacilityView, status = 200): void {
  const dates = { locale: dateLocaleOf(req.language), timeZone: 'UTC' };
  res.status(status).render('admin/facility.njk', {
    ...view,
    kindShown: facilityKindShown(view.facility.kind, req.t),
    createdAtShown: formatMoment(view.facility.createdAt, dates),
    users: view.facility.users.map((user) => ({ ...user, linkedAtShown: formatMoment(user.linkedAt, dates) })),
    errorList: linkProviderUserErrors(view.link.errors),
  });
}

/** A refusal of the user name to link, in the page's words; anything else is not the form's to tell. */
function usernameRefusal(error: unknown, t: Translate): { status: number; errors: FieldMessages } | undefined {
  if (error instanceof FormInputError) return { status: error.status, errors: fieldMessages(error) };
  if (error instanceof AppError && USERNAME_REFUSALS.has(error.code)) {
    return { status: error.status, errors: { username: t(`problem.${error.code}.title`) } };
  }
  return undefined;
}

export function createFacilityPages(context: AdminContext): Router {
  const router = Router();
  const { claims } = context;

  function findFacility(req: Request): Promise<ServiceProvider> {
    return claims.getProvider(actorOf(req), uuidParam(req, 'facilityId', 'facility'));
  }

  router.get('/facilities', async (req, res) => {
    const facilities = await claims.listProviders(actorOf(req));
    renderFacilities(req, res, { facilities, form: { values: emptyFacilityForm(), errors: {} }, notice: noticeOf(req, LIST_NOTICES) });
  });

  router.post('/facilities', async (req, res) => {
    const values = readFacilityForm(req.body as FormBody);
    const schemas = await context.schemas();
    const outcome = await attempt(() => claims.registerProvider(actorOf(req), toServiceProviderInput(values, schemas, req.t)), req);
    if (outcome.ok) {
      res.redirect(303, '/admin/facilities?notice=registered');
      return;
    }
    const { refusal } = outcome;
    const facilities = await claims.listProviders(actorOf(req));
    renderFacilities(req, res, { facilities, form: { values, errors: refusal.fields }, alert: refusal.message }, refusal.status);
  });

  router.get('/facilities/:facilityId', async (req, res) => {
    const facility = await findFacility(req);
    renderFacility(req, res, { facility, link: { values: { username: '' }, errors: {} }, notice: noticeOf(req, FACILITY_NOTICES) });
  });

  router.post('/facilities/:facilityId/users', async (req, res) => {
    const facility = await findFacility(req);
    const values = readProviderUserForm(req.body as FormBody);
    const schemas = await context.schemas();
    try {
      await claims.linkProviderUser(actorOf(req), facility.id, toProviderUserLink(values, schemas, req.t));
    } catch (error) {
      const refused = usernameRefusal(error, req.t);
      if (!refused) throw error;
      renderFacility(req, res, { facility: await findFacility(req), link: { values, errors: refused.errors } }, refused.status);
      return;
    }
    res.redirect(303, `/admin/facilities/${facility.id}?notice=linked`);
  });

  // The row's button asks (`step` absent); the confirmation's button unlinks (`step=confirm`).
  router.post('/facilities/:facilityId/unlink', async (req, res) => {
    const facility = await findFacility(req);
    const body = req.body as FormBody;
    const user = facility.users.find((linked) => linked.subject === text(body, 'subject'));
    const link = { values: { username: '' }, errors: {} };
    if (!user) {
      renderFacility(req, res, { facility, link, alert: req.t('admin.facility.unlink.gone') }, 409);
      return;
    }
    if (text(body, 'step') !== 'confirm') {
      renderFacility(req, res, { facility, link, unlinking: user });
      return;
    }
    await claims.unlinkProviderUser(actorOf(req), facility.id, user.subject);
    res.redirect(303, `/admin/facilities/${facility.id}?notice=unlinked`);
  });

  return router;
}

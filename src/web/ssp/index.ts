/**
 * Self-Service Portal pages (`/ssp`, role applicant): open programs, the apply flow in steps on a
 * draft, and "My applications". Server-rendered with htmx for the in-place parts (family members,
 * document uploads). Every POST is CSRF-checked; every read and write goes through the services as
 * the signed-in person, so someone else's draft or application is a 404.
 */
import { randomUUID } from 'node:crypto';
import { Router, type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import type { Principal } from '../../platform/auth/principal.js';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import type { SchemaValidator } from '../../platform/http/schema-validator.js';
import { AppError, InputError, NotFoundError } from '../../platform/http/errors.js';
import { verifyCsrfToken } from '../../platform/web/csrf.js';
import { requirePageRole } from '../../platform/web/page-guard.js';
import type { VouchersService } from '../../modules/vouchers/index.js';
import type { Messages } from '../../platform/i18n/catalogs.js';
import { createVoucherFileRoutes, presentVoucher } from '../vouchers/index.js';
import type { ApplicationDraft, ApplicationsService } from '../../modules/applications/index.js';
import type { Program, ProgramsService } from '../../modules/programs/index.js';
import type { DocumentStore } from '../../modules/documents/index.js';
import { sendPersonDataArchive, type ErasureService, type PrivacyService } from '../../modules/privacy/index.js';
import { createErasurePages } from './erasure-pages.js';
import { createVerifyIdPages } from './verify-id-pages.js';
import type { IdentityService } from '../../modules/identity/index.js';
import { createApplyFlow, type DraftContext, type FormStep } from './apply-flow.js';
import { explainFieldError } from './explain-errors.js';
import {
  linkToFix,
  panelRefusal,
  panelSuccess,
  presentCostNote,
  presentDocuments,
  presentFamily,
  presentReview,
  presentStep,
  type PanelOutcome,
  type Problem,
} from './page-models.js';
import { dateLocaleOf, formatMoment } from '../format-dates.js';
import { describeDraftQuotaReached, presentPager, summarizeApplication, type PageFormats, type PageText } from './present.js';
import type { StepErrors } from './step-checks.js';
import { blankMember, isMemberTyped, readField, readMemberForm, type FormBody } from './step-forms.js';
import { keepSendRefusal, takeSendRefusal } from './send-refusal.js';
import { describeStep, readReturnPlace, stepAfter, stepBefore, stepPath, type ReturnPlace, type StepSlug } from './steps.js';
import { readUploadForm, uploadFormOf } from './upload-form.js';
import { isUuid } from '../../platform/http/uuid.js';
import { pageOf } from '../../platform/db/sql.js';

export interface SelfServicePagesOptions {
  programs: ProgramsService;
  applications: ApplicationsService;
  documents: DocumentStore;
  /** The contract's schemas: the forms are checked exactly as the API checks the same data. */
  schemas: SchemaValidator;
  /** The applicant's vouchers, their QR codes and files. */
  vouchers: VouchersService;
  /** The person's own copy of everything held about them ("Download my data"). */
  privacy: PrivacyService;
  /** "Erase my data": the person's own erasure request. */
  erasure: Pick<ErasureService, 'requestErasure' | 'findOwnErasureRequest'>;
  messages: Messages;
  /** "Verify your ID": the applicant's ID QR verified and their account linked; the fields it locks. */
  identity: Pick<IdentityService, 'linkVerifiedId' | 'readLinkedId' | 'readVerifiedFields'>;
}

/** The statuses of an application that has (or had) a voucher. */
const VOUCHER_STATUSES: ReadonlySet<string> = new Set(['VOUCHER_ISSUED', 'REDEEMED', 'CLAIMED', 'REIMBURSED', 'REVOKED', 'EXPIRED']);
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;
const FORM_STEPS: FormStep[] = ['treatment', 'person', 'address'];
const LIST_SIZE = { page: 1, pageSize: 50 };
/** Open programs on one page of the start page. */
const PROGRAMS_PER_PAGE = 20;
/** The id of the family panel's error summary: focus goes there when a member is refused in place. */
const FAMILY_ERRORS = 'family-errors';

/** The page's language for the presenters: its words, and the locales of its dates and amounts. */
function textOf(req: Request): PageText {
  return { t: req.t, dateLocale: dateLocaleOf(req.language), moneyLocale: req.language };
}

/** How a page shows the dates and amounts of a program's drafts and applications: in its language, where the program runs. */
function formatsOf(req: Request, zones: Map<string, string>, programId: string): PageFormats {
  return { locale: dateLocaleOf(req.language), moneyLocale: req.language, timeZone: zones.get(programId) ?? 'UTC' };
}

function isHtmx(req: Request): boolean {
  return req.get('HX-Request') === 'true';
}

function bodyOf(req: Request): FormBody {
  return (req.body ?? {}) as FormBody;
}

/** After a POST: the next page (303, so a reload does not post again). */
function redirectAfterPost(req: Request, res: Response, to: string): void {
  if (isHtmx(req)) {
    res.setHeader('HX-Redirect', to);
    res.status(204).end();
    return;
  }
  res.redirect(303, to);
}

/**
 * Where "Save and continue" or "Back" leads from a step: both back to the page the step was opened
 * from (the form's `return`), else the next or the previous step; "Back" on the first step leads to the portal.
 */
function destination(draftId: string, slug: StepSlug, body: FormBody): string {
  const returnTo = readReturnPlace(body.return);
  if (returnTo) return stepPath(draftId, returnTo);
  if (readField(body, 'action') === 'back') {
    const before = stepBefore(slug);
    return before ? stepPath(draftId, before) : '/ssp';
  }
  return stepPath(draftId, stepAfter(slug));
}

function hasErrors(errors: StepErrors): boolean {
  return Object.keys(errors).length > 0;
}

function draftIdOf(req: Request): string {
  return String(req.params.draftId);
}

/** Where a step page was opened from, by its address's `return` (never an address itself). */
function returnOf(req: Request): ReturnPlace | undefined {
  return readReturnPlace(req.query.return);
}

export function createSelfServicePages(options: SelfServicePagesOptions): Router {
  const { programs, applications, documents } = options;
  const flow = createApplyFlow({
    programs,
    applications,
    documents,
    schemas: options.schemas,
    verifiedFieldsOf: async (subject) => {
      const verified = await options.identity.readVerifiedFields(subject);
      if (!verified) return undefined;
      const { givenName, familyName, gender, birthDate, address: line } = verified;
      return { givenName, familyName, gender, birthDate, line };
    },
  });
  const router = Router();
  router.use(requirePageRole('applicant'));
  router.use('/vouchers', createVoucherFileRoutes(options));

  // Ids in paths are UUIDs; anything else is a page that does not exist (and never reaches SQL).
  for (const name of ['draftId', 'applicationId', 'programId', 'documentId']) {
    router.param(name, (_req, res, next, value: string) => {
      if (!isUuid(value)) {
        next(new NotFoundError('There is nothing at this address.'));
        return;
      }
      if (name === 'draftId') res.locals.draftId = value;
      next();
    });
  }

  /** What an in-place update of a panel shows and says (see views/assets/in-page-updates.js). */
  type PanelUpdate = { notice: string; outcome?: PanelOutcome };
  const renderFamily = (
    req: Request,
    res: Response,
    context: DraftContext,
    member: object,
    errors: StepErrors,
    options: { status?: number; errorTitle?: string; returnTo?: ReturnPlace | undefined } = {},
  ) => {
    const { status = 200, errorTitle, returnTo } = options;
    const text = textOf(req);
    res.status(status).render('ssp/family.njk', {
      ...presentStep(context, 'family', text, {}, returnTo),
      panel: { ...presentFamily(context, member, errors, flow.checksIn(req.t), text, undefined, returnTo), errorTitle },
    });
  };
  const renderFamilyPanel = (
    req: Request,
    res: Response,
    context: DraftContext,
    member: object,
    errors: StepErrors,
    update: PanelUpdate,
    options: { errorTitle?: string; returnTo?: ReturnPlace | undefined } = {},
  ) => {
    res.render('ssp/family-panel.njk', {
      panel: {
        ...presentFamily(context, member, errors, flow.checksIn(req.t), textOf(req), update, options.returnTo),
        errorTitle: options.errorTitle,
      },
    });
  };
  const renderDocuments = async (
    req: Request,
    res: Response,
    principal: Principal,
    context: DraftContext,
    kind: string,
    errors: StepErrors,
    options: { status?: number; fragment?: boolean; update?: PanelUpdate; returnTo?: ReturnPlace | undefined } = {},
  ) => {
    const panel = presentDocuments(
      context,
      await flow.listAttached(principal, context.draft.data, req.t),
      kind,
      errors,
      documents.maxBytes,
      req.t,
      options.update,
      options.returnTo,
    );
    // htmx swaps only 2xx answers, except a refused oversize body's 413 (see views/assets/ssp.js).
    if (options.fragment) res.status(options.status === 413 ? 413 : 200).render('ssp/documents-panel.njk', { panel });
    else
      res
        .status(options.status ?? 200)
        .render('ssp/documents.njk', { ...presentStep(context, 'documents', textOf(req), {}, options.returnTo), panel });
  };
  const renderReview = async (
    req: Request,
    res: Response,
    principal: Principal,
    context: DraftContext,
    problems: Problem[],
    submitted: boolean,
  ) => {
    const text = textOf(req);
    res.render('ssp/review.njk', {
      ...presentStep(context, 'review', text),
      sections: presentReview(context, principal, await flow.listAttached(principal, context.draft.data, req.t), text),
      problems,
      // Submitting failed: say so first; otherwise these are what is still missing.
      submitFailed: submitted,
      nationalId: principal.nationalId,
      // A fresh key per rendering: a double tap sends the same key and gets the first result back.
      idempotencyKey: randomUUID(),
    });
  };

  // ---------------------------------------------------------------------------------------------
  // The portal's start page

  /** Where a draft stands: the first step that is not finished (else the review), as "Step n of 6: title". */
  const progressOf = (req: Request, draft: ApplicationDraft, program: Program | undefined) => {
    const step = describeStep(flow.checksIn(req.t).draft(draft.data, program)[0]?.step ?? 'review', req.t);
    return req.t('ssp.home.progress', { number: step.number, total: step.total, title: step.title });
  };

  /** The programs of the person's drafts: those on the page shown, and the others read one by one (undefined: closed). */
  const programsOfDrafts = async (principal: Principal, drafts: ApplicationDraft[], shown: Program[]) => {
    const missing = [...new Set(drafts.map((d) => d.programId))].filter((id) => !shown.some((p) => p.id === id));
    const read = await Promise.all(
      missing.map((id) =>
        programs.getProgram(principal, id).catch((error: unknown) => {
          if (error instanceof NotFoundError) return undefined;
          throw error;
        }),
      ),
    );
    return [...shown, ...read.filter((p): p is Program => p !== undefined)];
  };

  /**
   * The start page: the person's drafts and a page of the open programs (`?page=`, by name; past the last page shows the
   * last); `problem` says why starting an application was refused (next to the Apply buttons).
   */
  const renderHome = async (req: Request, res: Response, principal: Principal, problem?: string, status = 200, notice = '') => {
    const asked = pageOf({ page: req.query.page, pageSize: PROGRAMS_PER_PAGE });
    const drafts = await applications.listDrafts(principal, LIST_SIZE);
    let open = await programs.listPrograms(principal, { ...asked, state: 'open' });
    const lastPage = Math.max(1, Math.ceil(open.total / PROGRAMS_PER_PAGE));
    if (asked.page > lastPage) open = await programs.listPrograms(principal, { ...asked, page: lastPage, state: 'open' });
    const [known, zones] = await Promise.all([
      programsOfDrafts(principal, drafts.items, open.items),
      programs.programTimeZones(drafts.items.map((d) => d.programId)),
    ]);
    res.status(status).render('ssp/home.njk', {
      // Each program with the person's open draft of it, if any (the newest: "Apply" continues it).
      programs: open.items.map((program) => ({ ...program, openDraft: drafts.items.find((d) => d.programId === program.id) })),
      pager: presentPager(open.page, lastPage, open.total, req.t),
      drafts: drafts.items.map((draft) => {
        const program = known.find((p) => p.id === draft.programId);
        return {
          id: draft.id,
          reference: draft.reference,
          programName: program?.name ?? req.t('ssp.home.closedProgram'),
          progress: progressOf(req, draft, program),
          savedAt: formatMoment(draft.updatedAt, formatsOf(req, zones, draft.programId)),
        };
      }),
      nationalId: principal.nationalId,
      problems: problem ? [{ message: problem, href: '#drafts-heading' }] : [],
      notice,
    });
  };

  /** One program's own page (the link a program gives out): its description and the Apply button; closed or unknown is a 404. */
  router.get('/programs/:programId', async (req, res) => {
    const principal = requirePrincipal(req);
    const programId = String(req.params.programId);
    if (!isUuid(programId)) throw new NotFoundError('There is no program at this address.');
    const program = await programs.getProgram(principal, programId);
    const drafts = await applications.listDrafts(principal, LIST_SIZE);
    res.render('ssp/program.njk', {
      program: { ...program, openDraft: drafts.items.find((d) => d.programId === program.id) },
      nationalId: principal.nationalId,
    });
  });

  router.get('/', async (req, res) => {
    const notice = req.query.discarded !== undefined ? req.t('ssp.home.discarded') : '';
    await renderHome(req, res, requirePrincipal(req), undefined, 200, notice);
  });

  // A plain link: the archive downloads without any script, found by the signed-in person's subject alone.
  router.get('/my-data', async (req, res) => {
    sendPersonDataArchive(res, await options.privacy.exportPersonData(requirePrincipal(req)));
  });

  router.use(createErasurePages(options.erasure));
  router.use(createVerifyIdPages(options.identity));

  // "Apply" continues the person's open draft of the program; "Start a new application" (`fresh`) starts another.
  router.post('/programs/:programId/apply', verifyCsrfToken, async (req, res) => {
    const principal = requirePrincipal(req);
    const programId = String(req.params.programId);
    // Before the first step: an account not linked to an ID verifies it (the ID's QR code) first.
    if (!principal.nationalId) {
      redirectAfterPost(req, res, `/ssp/verify-id?program=${programId}`);
      return;
    }
    if (readField(bodyOf(req), 'fresh') === '') {
      const drafts = await applications.listDrafts(principal, LIST_SIZE);
      const open = drafts.items.find((draft) => draft.programId === programId);
      if (open) {
        redirectAfterPost(req, res, `/ssp/drafts/${open.id}`);
        return;
      }
    }
    try {
      const draft = await applications.startDraft(principal, { programId });
      redirectAfterPost(req, res, stepPath(draft.id, 'treatment'));
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'ERR_DRAFT_QUOTA_REACHED') throw error;
      await renderHome(req, res, principal, describeDraftQuotaReached(applications.maxOpenDrafts, req.t), 409);
    }
  });

  // ---------------------------------------------------------------------------------------------
  // The apply flow

  router.get('/drafts/:draftId', async (req, res) => {
    const draftId = draftIdOf(req);
    res.redirect(stepPath(draftId, await flow.resumeStep(requirePrincipal(req), draftId, req.t)));
  });

  for (const step of FORM_STEPS) {
    router.get(`/drafts/:draftId/${step}`, async (req, res) => {
      const principal = requirePrincipal(req);
      const shown = await flow.showStep(principal, draftIdOf(req), step, req.query.check !== undefined, req.t);
      const text = textOf(req);
      res.render(`ssp/${step}.njk`, {
        ...presentStep(shown.context, step, text, shown.errors, returnOf(req)),
        values: shown.values,
        costNote: presentCostNote(shown.context, shown.values.estimatedCost, text),
        nationalId: principal.nationalId,
        locked: shown.locked,
      });
    });

    router.post(`/drafts/:draftId/${step}`, verifyCsrfToken, async (req, res) => {
      const principal = requirePrincipal(req);
      const body = bodyOf(req);
      const mode = readField(body, 'action') === 'back' ? 'lenient' : 'complete';
      const saved = await flow.saveStep(principal, draftIdOf(req), step, body, mode, req.t);
      if (hasErrors(saved.errors)) {
        const text = textOf(req);
        res.status(400).render(`ssp/${step}.njk`, {
          ...presentStep(saved.context, step, text, saved.errors, readReturnPlace(body.return)),
          values: saved.values,
          costNote: saved.errors.estimatedCost ? '' : presentCostNote(saved.context, saved.values.estimatedCost, text),
          nationalId: principal.nationalId,
          locked: saved.locked,
        });
        return;
      }
      redirectAfterPost(req, res, destination(saved.context.draft.id, step, body));
    });
  }

  router.get('/drafts/:draftId/family', async (req, res) => {
    const context = await flow.openDraft(requirePrincipal(req), draftIdOf(req));
    renderFamily(req, res, context, blankMember(), {}, { returnTo: returnOf(req) });
  });

  // The family members are saved as they are added or removed. The step's buttons send the add form
  // too: a filled-in member is added before moving on, and a partly filled one stops the step with its errors.
  router.post('/drafts/:draftId/family', verifyCsrfToken, async (req, res) => {
    const principal = requirePrincipal(req);
    const body = bodyOf(req);
    if (!isMemberTyped(readMemberForm(body))) {
      const context = await flow.openDraft(principal, draftIdOf(req));
      redirectAfterPost(req, res, destination(context.draft.id, 'family', body));
      return;
    }
    const added = await flow.addFamilyMember(principal, draftIdOf(req), body, req.t);
    if (hasErrors(added.errors)) {
      const errorTitle = req.t('ssp.family.notAddedTitle');
      const returnTo = readReturnPlace(body.return);
      const refusal = panelRefusal(req.t('ssp.family.notAddedSentence'), added.errors, FAMILY_ERRORS);
      if (isHtmx(req)) renderFamilyPanel(req, res, added.context, added.member, added.errors, refusal, { errorTitle, returnTo });
      else renderFamily(req, res, added.context, added.member, added.errors, { status: 400, errorTitle, returnTo });
      return;
    }
    redirectAfterPost(req, res, destination(added.context.draft.id, 'family', body));
  });

  router.post('/drafts/:draftId/family/members', verifyCsrfToken, async (req, res) => {
    const body = bodyOf(req);
    const returnTo = readReturnPlace(body.return);
    const added = await flow.addFamilyMember(requirePrincipal(req), draftIdOf(req), body, req.t);
    const failed = hasErrors(added.errors);
    const name = `${added.member.givenName} ${added.member.familyName}`;
    // Added members go last: focus goes to the new one's entry.
    const addedNumber = added.context.draft.data.familyMembers?.length ?? 0;
    if (isHtmx(req))
      renderFamilyPanel(
        req,
        res,
        added.context,
        failed ? added.member : blankMember(),
        added.errors,
        failed
          ? panelRefusal(req.t('ssp.family.notAdded'), added.errors, FAMILY_ERRORS)
          : panelSuccess(req.t('ssp.family.added', { name }), `member-${addedNumber}`),
        { returnTo },
      );
    else if (failed) renderFamily(req, res, added.context, added.member, added.errors, { status: 400, returnTo });
    else redirectAfterPost(req, res, stepPath(added.context.draft.id, 'family', returnTo));
  });

  router.post('/drafts/:draftId/family/members/remove', verifyCsrfToken, async (req, res) => {
    const body = bodyOf(req);
    const context = await flow.removeFamilyMember(
      requirePrincipal(req),
      draftIdOf(req),
      Number(readField(body, 'index')),
      readField(body, 'key'),
    );
    const returnTo = readReturnPlace(body.return);
    const removed = panelSuccess(
      req.t('ssp.family.removed', { name: readField(body, 'name') || req.t('ssp.family.someone') }),
      'family-heading',
    );
    if (isHtmx(req)) renderFamilyPanel(req, res, context, blankMember(), {}, removed, { returnTo });
    else redirectAfterPost(req, res, stepPath(context.draft.id, 'family', returnTo));
  });

  router.get('/drafts/:draftId/documents', async (req, res) => {
    const principal = requirePrincipal(req);
    await renderDocuments(req, res, principal, await flow.openDraft(principal, draftIdOf(req)), '', {}, { returnTo: returnOf(req) });
  });

  router.post('/drafts/:draftId/documents', verifyCsrfToken, async (req, res) => {
    const context = await flow.openDraft(requirePrincipal(req), draftIdOf(req));
    redirectAfterPost(req, res, destination(context.draft.id, 'documents', bodyOf(req)));
  });

  // Multipart: the form is read first so its `_csrf` field can be checked (htmx also sends the header).
  // An oversized form was not read past the cap, token included; it changes nothing, so it is answered unchecked.
  const verifyUploadCsrf: RequestHandler = (req, res, next) => {
    if (uploadFormOf(req).tooLarge) next();
    else verifyCsrfToken(req, res, next);
  };
  router.post('/drafts/:draftId/documents/files', readUploadForm(documents.maxBytes), verifyUploadCsrf, async (req, res) => {
    const principal = requirePrincipal(req);
    const form = uploadFormOf(req);
    const attached = await flow.attachDocument(principal, draftIdOf(req), form, req.t);
    const failed = hasErrors(attached.errors);
    const returnTo = readReturnPlace(form.fields.return);
    if (!failed && !isHtmx(req)) {
      redirectAfterPost(req, res, stepPath(attached.context.draft.id, 'documents', returnTo));
      return;
    }
    // Focus: the new document (listed last), or the first refused field's message.
    const newest = attached.context.draft.data.documents?.at(-1)?.documentId ?? '';
    const update = failed
      ? panelRefusal(req.t('ssp.documents.notUploaded'), attached.errors, `f-${Object.keys(attached.errors)[0] ?? 'file'}-error`)
      : panelSuccess(req.t('ssp.documents.uploaded', { name: form.file?.name ?? req.t('ssp.documents.someFile') }), `document-${newest}`);
    await renderDocuments(req, res, principal, attached.context, attached.kind, attached.errors, {
      // Over the cap, the body was not read to its end and the connection closes after this answer.
      status: form.tooLarge ? 413 : 400,
      fragment: isHtmx(req),
      update,
      returnTo,
    });
  });

  router.post('/drafts/:draftId/documents/files/:documentId/remove', verifyCsrfToken, async (req, res) => {
    const principal = requirePrincipal(req);
    const context = await flow.detachDocument(principal, draftIdOf(req), String(req.params.documentId));
    const returnTo = readReturnPlace(bodyOf(req).return);
    const removed = panelSuccess(
      req.t('ssp.documents.removed', { name: readField(bodyOf(req), 'fileName') || req.t('ssp.documents.someDocument') }),
      'documents-heading',
    );
    if (isHtmx(req)) await renderDocuments(req, res, principal, context, '', {}, { fragment: true, update: removed, returnTo });
    else redirectAfterPost(req, res, stepPath(context.draft.id, 'documents', returnTo));
  });

  router.get('/drafts/:draftId/review', async (req, res) => {
    const principal = requirePrincipal(req);
    const context = await flow.openDraft(principal, draftIdOf(req));
    // After a refused send: why it was refused, once; otherwise (and on a reload) what is still missing.
    const refused = takeSendRefusal(req, context.draft.id);
    const problems = refused ?? flow.checkDraft(context, req.t).map((p) => linkToFix(context.draft.id, p, req.t));
    await renderReview(req, res, principal, context, problems, refused !== undefined);
  });

  router.post('/drafts/:draftId/submit', verifyCsrfToken, async (req, res) => {
    const principal = requirePrincipal(req);
    const key = readField(bodyOf(req), 'idempotencyKey');
    try {
      const { application } = await applications.submitDraft(principal, draftIdOf(req), IDEMPOTENCY_KEY.test(key) ? key : undefined);
      redirectAfterPost(req, res, `/ssp/applications/${application.id}?submitted=1`);
    } catch (error) {
      // The service's own checks: shown on the review page, each linked to the step that fixes it.
      if (!(error instanceof AppError) || ![400, 403, 422].includes(error.status)) throw error;
      const context = await flow.openDraft(principal, draftIdOf(req));
      const fields = error instanceof InputError ? error.fields : [];
      const problems =
        fields.length > 0
          ? fields.map((f) => linkToFix(context.draft.id, explainFieldError(f, req.t), req.t))
          : [{ message: req.t(`problem.${error.code}.explanation`), href: '#submit' }];
      await keepSendRefusal(req, context.draft.id, problems);
      redirectAfterPost(req, res, stepPath(context.draft.id, 'review'));
    }
  });

  // Discarding asks first on a page of its own, so the question works without JavaScript.
  router.get('/drafts/:draftId/discard', async (req, res) => {
    const context = await flow.openDraft(requirePrincipal(req), draftIdOf(req));
    const zones = await programs.programTimeZones([context.draft.programId]);
    res.render('ssp/discard.njk', {
      draft: { id: context.draft.id, reference: context.draft.reference },
      programName: context.program?.name ?? req.t('ssp.home.closedProgram'),
      progress: progressOf(req, context.draft, context.program),
      savedAt: formatMoment(context.draft.updatedAt, formatsOf(req, zones, context.draft.programId)),
    });
  });

  router.post('/drafts/:draftId/discard', verifyCsrfToken, async (req, res) => {
    await applications.discardDraft(requirePrincipal(req), draftIdOf(req));
    redirectAfterPost(req, res, '/ssp?discarded=1');
  });

  // ---------------------------------------------------------------------------------------------
  // My applications

  router.get('/applications', async (req, res) => {
    const page = await applications.listApplications(requirePrincipal(req), LIST_SIZE);
    const zones = await programs.programTimeZones(page.items.map((a) => a.programId));
    res.render('ssp/applications.njk', {
      applications: page.items.map((a) => summarizeApplication(a, formatsOf(req, zones, a.programId), req.t)),
      total: page.total,
    });
  });

  router.get('/applications/:applicationId', async (req, res) => {
    const principal = requirePrincipal(req);
    const application = await applications.getApplication(principal, String(req.params.applicationId));
    const zones = await programs.programTimeZones([application.programId]);
    const voucher = VOUCHER_STATUSES.has(application.status)
      ? await options.vouchers.getVoucher(principal, { applicationId: application.id }).catch((error: unknown) => {
          if (error instanceof NotFoundError) return undefined;
          throw error;
        })
      : undefined;
    res.render('ssp/application.njk', {
      application: summarizeApplication(application, formatsOf(req, zones, application.programId), req.t),
      details: application,
      voucher: voucher && (await presentVoucher(req, options, voucher, '/ssp/vouchers')),
      justSubmitted: req.query.submitted !== undefined,
    });
  });

  // A draft that has been submitted (a second tab, the browser's back button) is now an application.
  const showSubmittedApplication: ErrorRequestHandler = (error, req, res, next) => {
    const draftId = res.locals.draftId as string | undefined;
    if (error instanceof AppError && error.code === 'ERR_APPLICATION_NOT_DRAFT' && draftId) {
      if (req.method === 'GET') res.redirect(`/ssp/applications/${draftId}`);
      else redirectAfterPost(req, res, `/ssp/applications/${draftId}`);
      return;
    }
    next(error);
  };
  router.use(showSubmittedApplication);
  return router;
}

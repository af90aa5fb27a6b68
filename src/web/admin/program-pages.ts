/** The programs list, the new-program form and the program editor's details and open/close forms. */
import { Router } from 'express';
import { actorOf, loadProgramEditor, uuidParam, type AdminContext } from './context.js';
import { noticeFor, programEditorView, refusalBanner, renderProgramEditor } from './editor-view.js';
import { linkProgramErrors } from './error-links.js';
import {
  emptyProgramForm,
  programFormValues,
  readProgramForm,
  toProgramInput,
  toProgramPatch,
  toStatePatch,
  type FormBody,
} from './forms.js';
import { attempt } from './outcome.js';
import { listTimeZones } from '../../platform/time-zones.js';
import { compareProgramWithSaved } from './stale-edit.js';
import { formatMoney } from '../money.js';

const PAGE_SIZE = 25;

function pageNumber(value: unknown): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}

/** The list's filters; a value the list cannot filter by is ignored rather than refused. */
function listFilter(query: Record<string, unknown>): { code?: string; state?: 'open' | 'closed' } {
  const code = typeof query.code === 'string' ? query.code.trim().toUpperCase() : '';
  const state = query.state === 'open' || query.state === 'closed' ? query.state : undefined;
  return { code: code && code.length <= 32 ? code : undefined, state };
}

export function createProgramPages(context: AdminContext): Router {
  const router = Router();
  const { programs } = context;

  router.get('/', async (req, res) => {
    const filter = listFilter(req.query);
    const result = await programs.listPrograms(actorOf(req), { page: pageNumber(req.query.page), pageSize: PAGE_SIZE, ...filter });
    const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== undefined));
    res.render('admin/programs.njk', {
      result: {
        ...result,
        items: result.items.map((program) => ({
          ...program,
          maxAmountShown: formatMoney(program.maxAmount, program.currency, req.language),
        })),
      },
      filter,
      filterQuery: query.toString(),
      lastPage: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
    });
  });

  router.get('/programs/new', (_req, res) => {
    res.render('admin/program-new.njk', { form: { values: emptyProgramForm(), errors: {} }, timeZones: listTimeZones() });
  });

  router.post('/programs', async (req, res) => {
    const values = readProgramForm(req.body as FormBody);
    const schemas = await context.schemas();
    const outcome = await attempt(() => programs.createProgram(actorOf(req), toProgramInput(values, schemas, req.t)), req);
    if (outcome.ok) {
      res.redirect(303, `/admin/programs/${outcome.value.id}?notice=created`);
      return;
    }
    const { fields, message, status } = outcome.refusal;
    res.status(status).render('admin/program-new.njk', {
      form: { values, errors: fields },
      errorList: linkProgramErrors(fields),
      alert: message,
      timeZones: listTimeZones(),
    });
  });

  router.get('/programs/:programId', async (req, res) => {
    const data = await loadProgramEditor(context, actorOf(req), uuidParam(req, 'programId', 'program'));
    renderProgramEditor(res, programEditorView(data, { notice: noticeFor(req.query.notice, req.t) }));
  });

  router.post('/programs/:programId', async (req, res) => {
    const programId = uuidParam(req, 'programId', 'program');
    const values = readProgramForm(req.body as FormBody);
    const schemas = await context.schemas();
    const outcome = await attempt(() => programs.updateProgram(actorOf(req), programId, toProgramPatch(values, schemas, req.t)), req);
    if (outcome.ok) {
      res.redirect(303, `/admin/programs/${programId}?notice=saved`);
      return;
    }
    const { refusal } = outcome;
    const data = await loadProgramEditor(context, actorOf(req), programId);
    const typed = { ...values, code: data.program.code };
    if (refusal.conflict) {
      // Someone saved in between: the typing stays in the form, now sent against the current version,
      // and is shown beside what is saved now.
      const resend = { ...typed, version: String(data.program.version) };
      const staleDetails = compareProgramWithSaved(resend, programFormValues(data.program), req.t);
      renderProgramEditor(res, programEditorView(data, { details: { values: resend, errors: {} }, staleDetails }), refusal.status);
      return;
    }
    renderProgramEditor(
      res,
      programEditorView(data, { ...refusalBanner(refusal, true), details: { values: typed, errors: refusal.fields } }),
      refusal.status,
    );
  });

  router.post('/programs/:programId/state', async (req, res) => {
    const programId = uuidParam(req, 'programId', 'program');
    const schemas = await context.schemas();
    const outcome = await attempt(
      () => programs.updateProgram(actorOf(req), programId, toStatePatch(req.body as FormBody, schemas, req.t)),
      req,
    );
    if (outcome.ok) {
      res.redirect(303, `/admin/programs/${programId}?notice=${outcome.value.state === 'open' ? 'opened' : 'closed'}`);
      return;
    }
    const data = await loadProgramEditor(context, actorOf(req), programId);
    renderProgramEditor(res, programEditorView(data, refusalBanner(outcome.refusal, false)), outcome.refusal.status);
  });

  return router;
}

/**
 * The program page's voucher template: its form (title, instructions, printed fields, language), the logo's
 * upload and removal, and the live preview htmx asks for as the manager types.
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { VOUCHER_LOGO_MAX_BYTES } from '../../modules/programs/index.js';
import { AppError, NotFoundError } from '../../platform/http/errors.js';
import { verifyCsrfToken } from '../../platform/web/csrf.js';
import { readUploadForm, uploadFormOf } from '../ssp/upload-form.js';
import { actorOf, loadProgramEditor, uuidParam, type AdminContext } from './context.js';
import { programEditorView, refusalBanner, renderProgramEditor } from './editor-view.js';
import { readVoucherTemplateForm, toVoucherTemplateInput, voucherTemplateFormValues, type FormBody } from './forms.js';
import { attempt } from './outcome.js';
import { voucherPreview } from './voucher-preview.js';

const AT_TEMPLATE = '#voucher-template';

/** The program page again, with the logo form's message; the text form shows what is saved. */
async function refuseLogo(context: AdminContext, req: Request, res: Response, programId: string, message: string, status: number) {
  const data = await loadProgramEditor(context, actorOf(req), programId);
  const voucher = { values: voucherTemplateFormValues(data.voucherTemplate), errors: { logo: message } };
  renderProgramEditor(res, programEditorView(data, { voucher }), status);
}

/** A body over the cap was not read, so it holds no token either; it changes nothing, and gets its message. */
const verifyUploadCsrf: RequestHandler = (req, res, next) => {
  if (uploadFormOf(req).tooLarge) next();
  else verifyCsrfToken(req, res, next);
};

/** The logo's multipart form: mounted before the admin pages' CSRF check, which reads urlencoded forms only. */
export function createVoucherLogoUpload(context: AdminContext): Router {
  const router = Router();
  router.post('/programs/:programId/voucher-template/logo', readUploadForm(VOUCHER_LOGO_MAX_BYTES), verifyUploadCsrf, async (req, res) => {
    const programId = uuidParam(req, 'programId', 'program');
    const form = uploadFormOf(req);
    if (form.tooLarge) return refuseLogo(context, req, res, programId, req.t('admin.fix.voucher.logo.size'), 413);
    if (!form.file) return refuseLogo(context, req, res, programId, req.t('admin.fix.voucher.logo.missing'), 400);
    try {
      await context.programs.setVoucherLogo(actorOf(req), programId, form.file.bytes);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'ERR_VOUCHER_LOGO_NOT_IMAGE')
        return refuseLogo(context, req, res, programId, req.t('admin.fix.voucher.logo.type'), 415);
      if (error.code === 'ERR_VOUCHER_LOGO_TOO_LARGE')
        return refuseLogo(context, req, res, programId, req.t('admin.fix.voucher.logo.size'), 413);
      throw error;
    }
    res.redirect(303, `/admin/programs/${programId}?notice=logoSaved${AT_TEMPLATE}`);
  });
  return router;
}

export function createVoucherTemplatePages(context: AdminContext): Router {
  const router = Router();
  const { programs } = context;

  router.post('/programs/:programId/voucher-template', async (req, res) => {
    const programId = uuidParam(req, 'programId', 'program');
    const values = readVoucherTemplateForm(req.body as FormBody);
    const schemas = await context.schemas();
    const outcome = await attempt(
      () => programs.updateVoucherTemplate(actorOf(req), programId, toVoucherTemplateInput(values, schemas, req.t)),
      req,
    );
    if (outcome.ok) {
      res.redirect(303, `/admin/programs/${programId}?notice=templateSaved${AT_TEMPLATE}`);
      return;
    }
    const data = await loadProgramEditor(context, actorOf(req), programId);
    const { refusal } = outcome;
    renderProgramEditor(
      res,
      programEditorView(data, { ...refusalBanner(refusal, true), voucher: { values, errors: refusal.fields } }),
      refusal.status,
    );
  });

  // Shows what is typed, valid or not: nothing is saved, so it needs no more than the page's token.
  router.post('/programs/:programId/voucher-template/preview', async (req, res) => {
    const programId = uuidParam(req, 'programId', 'program');
    const actor = actorOf(req);
    const [program, template] = await Promise.all([programs.getProgram(actor, programId), programs.getVoucherTemplate(actor, programId)]);
    const values = readVoucherTemplateForm(req.body as FormBody);
    res.render('admin/voucher-preview-fragment.njk', {
      voucherPreview: voucherPreview(program, values, template.logo, context.printWords),
    });
  });

  router.get('/programs/:programId/voucher-template/logo', async (req, res) => {
    const programId = uuidParam(req, 'programId', 'program');
    const { logo } = await programs.readPrintableVoucherTemplate(programId);
    if (!logo) throw new NotFoundError(req.t('admin.notFound.program'));
    res.setHeader('Content-Type', logo.mediaType);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.send(logo.bytes);
  });

  router.post('/programs/:programId/voucher-template/logo/remove', async (req, res) => {
    const programId = uuidParam(req, 'programId', 'program');
    await programs.removeVoucherLogo(actorOf(req), programId);
    res.redirect(303, `/admin/programs/${programId}?notice=logoRemoved${AT_TEMPLATE}`);
  });

  return router;
}

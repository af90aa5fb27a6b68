/**
 * "Verify your ID" (`/ssp/verify-id`), before the first step of an application: the applicant scans the QR code of
 * their ID card with the camera, chooses a photo of it (both read on the phone by jsQR, so the image never leaves
 * it), or pastes its text. The server checks the text (signature, issuer, dates) and links the account; the page
 * then shows the verified fields, which the application's steps show locked. A plain form works without script.
 * With script, a Claim 169 code is also decoded on the phone (id-preview/) and its fields shown before it is sent.
 */
import { Router, type Request, type Response } from 'express';
import type { IdentityService } from '../../modules/identity/index.js';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import { AppError } from '../../platform/http/errors.js';
import { isUuid } from '../../platform/http/uuid.js';
import { sendBuiltScript } from '../../platform/web/browser-script.js';
import { verifyCsrfToken } from '../../platform/web/csrf.js';
import { idPreviewScript } from './id-preview/build-id-preview.js';

const PAGE = '/verify-id';
const TEXT_MAX = 8000;

function programOf(value: unknown): string | undefined {
  return typeof value === 'string' && isUuid(value) ? value : undefined;
}

export function createVerifyIdPages(identity: Pick<IdentityService, 'linkVerifiedId' | 'readLinkedId'>): Router {
  const router = Router();

  async function render(req: Request, res: Response, view: { code: string; error?: string; programId?: string }, status = 200) {
    const principal = requirePrincipal(req);
    const verified = await identity.readLinkedId(principal.subject);
    res.status(status).render('ssp/verify-id.njk', {
      ...view,
      verified,
      tokenId: principal.nationalId,
      errorList: view.error ? [{ message: view.error, href: '#f-code' }] : [],
    });
  }

  router.get(`${PAGE}/preview.js`, async (req, res) => {
    sendBuiltScript(req, res, await idPreviewScript());
  });

  router.get(PAGE, async (req, res) => {
    await render(req, res, { code: '', programId: programOf(req.query.program) });
  });

  router.post(PAGE, verifyCsrfToken, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const code = typeof body.code === 'string' ? body.code.trim() : '';
    const programId = programOf(body.program);
    if (code === '' || code.length > TEXT_MAX) {
      await render(req, res, { code: code.slice(0, TEXT_MAX), programId, error: req.t('ssp.verifyId.error.empty') }, 400);
      return;
    }
    try {
      await identity.linkVerifiedId(requirePrincipal(req), { text: code });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const message = `${req.t(`problem.${error.code}.title`)}. ${req.t(`problem.${error.code}.explanation`)}`;
      await render(req, res, { code, programId, error: message }, error.status);
      return;
    }
    res.redirect(303, `/ssp${PAGE}?verified=1${programId ? `&program=${programId}` : ''}`);
  });

  return router;
}

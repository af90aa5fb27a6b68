/**
 * The public scanner page (`/scan`, no sign-in): anyone holding a voucher, or serving its holder, checks it with
 * the camera, a photo or its pasted text, and sees a large green or red verdict with each check in plain words.
 * It is an installable web app (a manifest and a service worker that keeps the page and its scripts), and it
 * verifies in the browser when the network is gone, with the trust bundle (`/scan/trust.json`: our issuer keys,
 * the QR type table and the signed status lists) it kept from its last visit online, saying how old that is.
 * The form works without JavaScript: it posts here and the service answers with the verdict.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Router, type Request, type Response } from 'express';
import type { VerificationService } from '../../modules/verification/index.js';
import type { VouchersService } from '../../modules/vouchers/index.js';
import { appIconPng, appIconSvg } from './app-icon.js';
import { offlineVerifierScript } from './offline/build-verifier.js';
import { presentScan } from './present-scan.js';
import { scanWords } from './scan-words.js';

export interface ScanPagesOptions {
  verification: VerificationService;
  vouchers: VouchersService;
  /** The views folder: the service worker's source is there (scan/service-worker.js). */
  viewsDir: string;
}

const CODE_LIMIT = 8000;
/** Where the service worker is served: at the root, so its scope can be `/scan` itself. */
export const SERVICE_WORKER_PATH = '/scan-sw.js';

function sendScript(req: Request, res: Response, code: string, etag: string) {
  res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('ETag', etag);
  if (req.headers['if-none-match'] === etag) {
    res.status(304).end();
    return;
  }
  res.send(code);
}

export function createScanPages(options: ScanPagesOptions): Router {
  const { verification, vouchers } = options;
  const router = Router();
  const workerSource = readFileSync(path.join(options.viewsDir, 'scan', 'service-worker.js'), 'utf8');

  const renderPage = (
    req: Request,
    res: Response,
    view: { code: string; error?: string; scan?: ReturnType<typeof presentScan> },
    status = 200,
  ) => res.status(status).render('scan/scan.njk', { ...view, words: scanWords(req) });

  router.get('/scan', (req, res) => renderPage(req, res, { code: '' }));

  router.post('/scan', async (req, res) => {
    const code = typeof req.body?.code === 'string' ? (req.body.code as string).trim() : '';
    if (!code) return renderPage(req, res, { code, error: req.t('scan.codeMissing') }, 422);
    if (code.length > CODE_LIMIT) return renderPage(req, res, { code: '', error: req.t('scan.codeTooLong') }, 422);
    // Anyone may check a voucher: what remains on it is for providers, who scan in their portal.
    const scan = await verification.verifyScan({ text: code }, undefined);
    renderPage(req, res, { code, scan: presentScan(req, scan) });
  });

  router.get('/scan/trust.json', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await vouchers.readTrustBundle());
  });

  router.get('/scan/verifier.js', async (req, res) => {
    const script = await offlineVerifierScript();
    sendScript(req, res, script.code, script.etag);
  });

  router.get(SERVICE_WORKER_PATH, async (req, res) => {
    // The cache's name follows the verifier: a new build replaces what the browsers keep.
    const { etag } = await offlineVerifierScript();
    const version = etag.slice(1, 13);
    sendScript(req, res, workerSource.replace('__VERSION__', version), `"${version}-${workerSource.length}"`);
  });

  router.get('/scan/manifest.webmanifest', (req, res) => {
    res.setHeader('Content-Type', 'application/manifest+json; charset=utf-8');
    res.send(
      JSON.stringify({
        name: req.t('scan.app.name'),
        short_name: req.t('scan.app.shortName'),
        description: req.t('scan.lead'),
        lang: req.language,
        dir: req.language === 'ar' ? 'rtl' : 'ltr',
        start_url: '/scan',
        scope: '/scan',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#146c2e',
        icons: [
          { src: '/scan/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: '/scan/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/scan/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        ],
      }),
    );
  });

  router.get('/scan/icon.svg', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.type('image/svg+xml').send(appIconSvg());
  });
  for (const size of [192, 512]) {
    router.get(`/scan/icon-${size}.png`, (_req, res) => {
      res.setHeader('Cache-Control', 'public, max-age=86400');
      res.type('image/png').send(appIconPng(size));
    });
  }

  return router;
}

/**
 * A voucher's files, for whoever may read the voucher (the service decides; someone else's is a 404):
 * the credential as a JSON file (for a wallet or another verifier), the QR code as a PNG, and the printable PDF. File names
 * carry the application reference, never the person's name.
 */
import { Router } from 'express';
import { drawQrPng } from '../../modules/vouchers/index.js';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import { uuidParam } from '../officer/context.js';
import type { VoucherPagesOptions } from './context.js';
import { pdfRendererFor } from './voucher-pdf-file.js';

export function createVoucherFileRoutes(options: VoucherPagesOptions): Router {
  const { vouchers } = options;
  const router = Router();
  router.get('/:voucherId/voucher.pdf', async (req, res) => {
    const { voucher, pdf } = await vouchers.readVoucherPdf(
      requirePrincipal(req),
      { voucherId: uuidParam(req, 'voucherId') },
      pdfRendererFor(options),
    );
    res.type('application/pdf').attachment(`voucher-${voucher.applicationReference}.pdf`).send(pdf);
  });
  router.get('/:voucherId/voucher.json', async (req, res) => {
    const voucher = await vouchers.getVoucher(requirePrincipal(req), { voucherId: uuidParam(req, 'voucherId') });
    res
      .type('application/json')
      .attachment(`voucher-${voucher.applicationReference}.json`)
      .send(`${JSON.stringify(voucher.credential, null, 2)}\n`);
  });
  router.get('/:voucherId/qr.png', async (req, res) => {
    const voucher = await vouchers.getVoucher(requirePrincipal(req), { voucherId: uuidParam(req, 'voucherId') });
    res
      .type('image/png')
      .attachment(`voucher-${voucher.applicationReference}-qr.png`)
      .send(await drawQrPng(voucher.qrText));
  });
  return router;
}

/**
 * Voucher pages (`/vouchers`): issuance for the issuing officer, each voucher with its files for officers
 * of vouchers, and its status for the program manager. Every POST is CSRF-checked; every read and change
 * goes through the vouchers service as the signed-in officer.
 */
import { Router } from 'express';
import { verifyCsrfToken } from '../../platform/web/csrf.js';
import { requirePageRole } from '../../platform/web/page-guard.js';
import type { VoucherPagesOptions } from './context.js';
import { createIssuancePage } from './issuance-page.js';
import { createVoucherFileRoutes } from './voucher-files.js';
import { createVoucherPage } from './voucher-page.js';

export type { VoucherPagesOptions } from './context.js';
export { createVoucherFileRoutes } from './voucher-files.js';
export { presentVoucher, type VoucherView } from './present-voucher.js';

export function createVoucherPages(options: VoucherPagesOptions): Router {
  const router = Router();
  router.use(requirePageRole('issuing-officer', 'program-manager', 'auditor'));
  router.use(verifyCsrfToken);
  router.use(createIssuancePage(options));
  router.use(createVoucherFileRoutes(options));
  router.use(createVoucherPage(options));
  return router;
}

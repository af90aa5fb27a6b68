/**
 * One voucher for officers (`/vouchers/:voucherId`): what it says, its QR code and files to reprint, and,
 * for the program manager, revoking, suspending or reinstating it with a reason (what was typed is kept
 * when the form is refused).
 */
import { Router, type Request, type Response } from 'express';
import type { Voucher } from '../../modules/vouchers/index.js';
import { hasAnyRole } from '../../platform/auth/principal.js';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import { requirePageRole } from '../../platform/web/page-guard.js';
import { uuidParam } from '../officer/context.js';
import type { VoucherPagesOptions } from './context.js';
import { presentVoucher } from './present-voucher.js';

const ACTIONS = ['revoke', 'suspend', 'reinstate'] as const;
type Action = (typeof ACTIONS)[number];
const REASON_LIMIT = 2000;

interface StatusForm {
  action?: Action;
  reason: string;
  error?: string;
}

async function renderVoucher(req: Request, res: Response, options: VoucherPagesOptions, voucher: Voucher, form: StatusForm, status = 200) {
  const principal = requirePrincipal(req);
  const manager = hasAnyRole(principal, ['program-manager']);
  res.status(status).render('vouchers/voucher.njk', {
    voucher: await presentVoucher(req, options, voucher, '/vouchers'),
    actions: manager ? ACTIONS.filter((action) => allowed(voucher, action)) : [],
    form,
    changed: typeof req.query.changed === 'string' && (ACTIONS as readonly string[]).includes(req.query.changed) ? req.query.changed : '',
  });
}

function allowed(voucher: Voucher, action: Action): boolean {
  if (action === 'revoke') return voucher.status !== 'REVOKED';
  if (action === 'suspend') return voucher.status === 'ACTIVE';
  return voucher.status === 'SUSPENDED';
}

export function createVoucherPage(options: VoucherPagesOptions): Router {
  const { vouchers } = options;
  const router = Router();

  router.get('/:voucherId', async (req, res) => {
    const voucher = await vouchers.getVoucher(requirePrincipal(req), { voucherId: uuidParam(req, 'voucherId') });
    await renderVoucher(req, res, options, voucher, { reason: '' });
  });

  router.post('/:voucherId/status', requirePageRole('program-manager'), async (req, res) => {
    const principal = requirePrincipal(req);
    const voucherId = uuidParam(req, 'voucherId');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const action = (ACTIONS as readonly unknown[]).includes(body.action) ? (body.action as Action) : undefined;
    const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
    const refuse = async (error: string) =>
      renderVoucher(req, res, options, await vouchers.getVoucher(principal, { voucherId }), { action, reason, error }, 400);
    if (!action) return refuse(req.t('vouchers.status.form.chooseAction'));
    if (action !== 'reinstate' && reason === '') return refuse(req.t('vouchers.status.form.reasonMissing'));
    if (reason.length > REASON_LIMIT) return refuse(req.t('vouchers.status.form.reasonTooLong', { limit: REASON_LIMIT }));
    if (action === 'revoke') await vouchers.revokeVoucher(principal, voucherId, reason);
    else if (action === 'suspend') await vouchers.suspendVoucher(principal, voucherId, reason);
    else await vouchers.reinstateVoucher(principal, voucherId);
    res.redirect(303, `/vouchers/${voucherId}?changed=${action}#voucher-status`);
  });

  return router;
}

import express, { type Router } from 'express';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import { pageOf } from '../../platform/db/sql.js';
import { NotFoundError, RateLimitedError } from '../../platform/http/errors.js';
import type { RateLimits } from '../../platform/http/rate-limits.js';
import type { OperationHandlers } from '../../platform/http/operations.js';
import { sendProblem, setErrorHeaders, toProblem } from '../../platform/http/problem.js';
import { readStatusListPath } from './qr/type-table.js';
import type { VouchersService } from './service.js';

export function createVoucherHandlers(vouchers: VouchersService): OperationHandlers {
  return {
    async issueVoucher(req, res) {
      res.status(201).json(await vouchers.issueVoucher(requirePrincipal(req), req.params.applicationId));
    },

    async getApplicationVoucher(req, res) {
      res.json(await vouchers.getVoucher(requirePrincipal(req), { applicationId: req.params.applicationId }));
    },

    async issueVouchers(req, res) {
      res.json({ results: await vouchers.issueVouchers(requirePrincipal(req), req.body.applicationIds) });
    },

    async listIssuableApplications(req, res) {
      res.json(await vouchers.listIssuable({ ...pageOf(req.query), programId: req.query.programId }));
    },

    async getVoucher(req, res) {
      res.json(await vouchers.getVoucher(requirePrincipal(req), { voucherId: req.params.voucherId }));
    },

    async getVoucherQr(req, res) {
      const png = await vouchers.drawVoucherQr(requirePrincipal(req), { voucherId: req.params.voucherId }, 'png');
      res.type('image/png').send(png);
    },

    async revokeVoucher(req, res) {
      res.json(await vouchers.revokeVoucher(requirePrincipal(req), req.params.voucherId, req.body.reason));
    },

    async suspendVoucher(req, res) {
      res.json(await vouchers.suspendVoucher(requirePrincipal(req), req.params.voucherId, req.body.reason));
    },

    async reinstateVoucher(req, res) {
      res.json(await vouchers.reinstateVoucher(requirePrincipal(req), req.params.voucherId));
    },

    async verifyCredential(req, res) {
      res.json(await vouchers.verifyCredential(req.body.verifiableCredential));
    },

    async issueCredential(req, res) {
      res.status(201).json({ verifiableCredential: await vouchers.issueCredential(requirePrincipal(req), req.body.credential) });
    },
  };
}

const UNDER_LISTS = /^\/status-lists(?:\/.*)?$/;

/**
 * The status lists at `/status-lists/<n>/<purpose>`, where vouchers name them: public, cacheable for five
 * minutes (a revocation reaches online scanners within that), readable from other sites' scanner pages.
 */
export function createStatusListRoutes(vouchers: VouchersService, limits: RateLimits): Router {
  const router = express.Router();
  router.get(UNDER_LISTS, async (req, res) => {
    try {
      // Scanners everywhere fetch the lists: charged to their address like the anonymous API.
      await limits.chargeAnonymous(req.ip);
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      setErrorHeaders(res, error);
      sendProblem(res, toProblem(error, req));
      return;
    }
    const named = readStatusListPath(req.path);
    const list = named && (await vouchers.readStatusList(named.listNumber, named.purpose));
    res.set({ 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' });
    if (!list) {
      sendProblem(res, toProblem(new NotFoundError('No voucher names this status list.'), req));
      return;
    }
    res.set({ 'Cache-Control': 'public, max-age=300', ETag: list.etag });
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.json(list.credential);
  });
  return router;
}

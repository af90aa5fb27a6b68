import { requirePrincipal } from '../../platform/auth/require-role.js';
import { pageOf } from '../../platform/db/sql.js';
import type { OperationHandlers } from '../../platform/http/operations.js';
import type { ClaimsService } from './service.js';

export function createClaimsHandlers(claims: ClaimsService): OperationHandlers {
  return {
    async listProviders(req, res) {
      res.json({ items: await claims.listProviders(requirePrincipal(req)) });
    },

    async registerProvider(req, res) {
      const provider = await claims.registerProvider(requirePrincipal(req), req.body);
      res.status(201).location(`/api/v1/providers/${provider.id}`).json(provider);
    },

    async getProvider(req, res) {
      res.json(await claims.getProvider(requirePrincipal(req), req.params.providerId));
    },

    async linkProviderUser(req, res) {
      res.json(await claims.linkProviderUser(requirePrincipal(req), req.params.providerId, req.body.username));
    },

    async unlinkProviderUser(req, res) {
      res.json(await claims.unlinkProviderUser(requirePrincipal(req), req.params.providerId, req.params.subject));
    },

    async redeemVoucher(req, res) {
      const key = req.headers['idempotency-key'];
      const { redemption, replayed } = await claims.redeemVoucher(
        requirePrincipal(req),
        req.body,
        typeof key === 'string' ? key : undefined,
      );
      if (replayed) res.setHeader('Idempotent-Replayed', 'true');
      res.status(201).location(`/api/v1/redemptions/${redemption.id}`).json(redemption);
    },

    async getRedemption(req, res) {
      res.json(await claims.getRedemption(requirePrincipal(req), req.params.redemptionId));
    },

    async listRedemptions(req, res) {
      res.json(await claims.listOwnRedemptions(requirePrincipal(req), pageOf(req.query), { unclaimed: req.query.unclaimed === true }));
    },

    async submitClaim(req, res) {
      const key = req.headers['idempotency-key'];
      const { claim, replayed } = await claims.submitClaim(requirePrincipal(req), req.body, typeof key === 'string' ? key : undefined);
      if (replayed) res.setHeader('Idempotent-Replayed', 'true');
      res.status(201).location(`/api/v1/claims/${claim.id}`).json(claim);
    },

    async listClaims(req, res) {
      res.json(await claims.listClaims(requirePrincipal(req), { ...pageOf(req.query), status: req.query.status }));
    },

    async getClaim(req, res) {
      res.json(await claims.getClaim(requirePrincipal(req), req.params.claimId));
    },

    async exportClaims(req, res) {
      const csv = await claims.exportClaimsCsv(requirePrincipal(req));
      res.type('text/csv; charset=utf-8').setHeader('Content-Disposition', 'attachment; filename="claims.csv"').send(csv);
    },

    async decideClaim(req, res) {
      res.json(await claims.decideClaim(requirePrincipal(req), req.params.claimId, req.body));
    },

    async payClaim(req, res) {
      res.json(await claims.payClaim(requirePrincipal(req), req.params.claimId, req.body.paymentReference));
    },
  };
}

import type { Request } from 'express';
import { AuthenticationError } from '../../platform/http/errors.js';
import type { OperationHandlers } from '../../platform/http/operations.js';
import type { VerificationService } from './service.js';

/**
 * Anyone may verify; a caller who sends a token must send a valid one (it is not quietly ignored), and a
 * provider's or claims officer's token adds what remains on the voucher.
 */
function optionalPrincipal(req: Request) {
  if (req.headers.authorization && !req.principal) {
    throw req.authError ?? new AuthenticationError('ERR_AUTH_TOKEN_INVALID', 'The access token was not accepted.');
  }
  return req.principal;
}

export function createVerificationHandlers(verification: VerificationService): OperationHandlers {
  return {
    async verifyScan(req, res) {
      res.json(await verification.verifyScan(req.body, optionalPrincipal(req)));
    },
  };
}

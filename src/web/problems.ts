import { Router } from 'express';
import { problemTypeFor } from '../platform/http/problem.js';
import type { ErrorCode } from '../platform/http/errors.js';

/** What each problem `type` means, so the URI in every error document leads somewhere useful. */
const PROBLEM_TYPES: Record<ErrorCode, string> = {
  ERR_VALIDATION: 'A field is missing, unknown or has a value the API does not accept; `errors` names each one.',
  ERR_MALFORMED_JSON: 'The body is not well-formed JSON.',
  ERR_UNSUPPORTED_MEDIA_TYPE: 'The body has a content type this endpoint does not take (send application/json).',
  ERR_PAYLOAD_TOO_LARGE: 'The body is larger than the endpoint accepts.',
  ERR_NOT_FOUND: 'Nothing exists at this address, or you may not know it exists.',
  ERR_METHOD_NOT_ALLOWED: 'The address exists but not with this HTTP method.',
  ERR_AUTH_REQUIRED: 'No access token was sent.',
  ERR_AUTH_TOKEN_INVALID: 'The token is malformed, forged, from another issuer, or meant for another audience.',
  ERR_AUTH_TOKEN_EXPIRED: 'The token has expired; get a new one.',
  ERR_FORBIDDEN_ROLE: 'You are signed in, but none of your roles allows this.',
  ERR_CSRF: 'A page form was sent without its anti-forgery token, usually because the page is old.',
  ERR_CONFLICT: 'The resource changed or already exists; reload it and try again.',
  ERR_RATE_LIMITED: 'Too many requests in a short time; wait and retry.',
  ERR_SERVICE_UNAVAILABLE: 'A service this one depends on is not answering; retry later.',
  ERR_DOCUMENT_TYPE_REFUSED: "The uploaded file is not a PDF, JPEG or PNG. The type is read from the file's bytes, not its name.",
  ERR_DOCUMENT_INTEGRITY:
    'A stored document no longer matches the fingerprint taken at upload, so it is not served; the request id identifies it in our logs.',
  ERR_INTERNAL: 'An error on our side; the request id identifies it in our logs.',
  ERR_VERSION_CONFLICT: 'Someone changed this since you read it; reload it and apply your change again.',
  ERR_PROGRAM_CODE_TAKEN: 'Another program already uses this code.',
  ERR_PROGRAM_NEEDS_ASSESSMENT_STAGE: 'An open program needs at least one stage, and at least one of them an assessment stage.',
  ERR_OFFICER_GROUP_UNKNOWN: 'The stage names an officer group that does not exist; create the group first.',
  ERR_OFFICER_UNKNOWN:
    'A user named as an officer (of a stage or in a group) is not in the identity provider, or their account is disabled; ' +
    'check the user name.',
  ERR_OFFICER_LACKS_ROLE:
    'A user named as an officer does not hold the reviewer or assessor role; ' +
    'give them one in the identity provider first, or choose someone else.',
  ERR_STAGE_POSITION: 'The stage position is beyond the end of the list.',
  ERR_REGISTRANT_DUPLICATE: 'A registrant with this ID type and value is already in the registry.',
  ERR_PROGRAM_CLOSED: 'The program does not take applications now (or does not exist).',
  ERR_UNKNOWN_TREATMENT_TYPE: "The treatment type is not one of the program's treatment types.",
  ERR_CURRENCY_MISMATCH: "The amount is not in the program's currency.",
  ERR_AMOUNT_NOT_POSITIVE: 'The amount must be more than zero.',
  ERR_IDENTITY_UNVERIFIED: 'Your account carries no verified national ID, so it cannot be linked to a registrant.',
  ERR_IDENTITY_MISMATCH: 'The ID in the application is not the ID your account is verified with.',
  ERR_DOCUMENT_NOT_ATTACHABLE: 'A listed document does not exist or was not uploaded by you.',
  ERR_APPLICATION_NOT_DRAFT: 'The application was already submitted; it can no longer be edited as a draft.',
  ERR_APPLICATION_INCOMPLETE: 'The draft misses information needed to submit it; `errors` names each field.',
  ERR_IDEMPOTENCY_KEY_REUSED: 'This Idempotency-Key was already used for a different request.',
  ERR_IDEMPOTENCY_IN_PROGRESS: 'A request with this Idempotency-Key is still being processed; retry shortly.',
};

export function createProblemTypeRoutes(): Router {
  const router = Router();
  const types = Object.entries(PROBLEM_TYPES).map(([code, meaning]) => ({ code, meaning, href: problemTypeFor(code as ErrorCode) }));
  router.get('/problems', (_req, res) => {
    res.render('problems.njk', { types });
  });
  router.get('/problems/:slug', (req, res, next) => {
    const found = types.find((t) => t.href === `/problems/${req.params.slug}`);
    if (!found) {
      next();
      return;
    }
    res.render('problems.njk', { types: [found] });
  });
  return router;
}

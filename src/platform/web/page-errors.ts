/** Errors on pages become a plain-language page (or problem+json for clients that ask for JSON). */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ERROR_CODES } from '../http/error-codes.js';
import { NotFoundError } from '../http/errors.js';
import { sendProblem, setErrorHeaders, toAppError, toProblem } from '../http/problem.js';

export const sendPageNotFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`No page at ${req.path}.`));
};

/** The code's title and explanation from the table of error codes; what was wrong with this request, unless it was on our side. */
export const renderPageError: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) {
    next(err);
    return;
  }
  const error = toAppError(err, req);
  if (error.status >= 500) req.log.error({ err: error.cause ?? error, code: error.code }, 'page failed');
  const problem = toProblem(error, req);
  setErrorHeaders(res, error);
  if (req.accepts(['html', 'json', 'application/problem+json']) !== 'html') {
    sendProblem(res, problem);
    return;
  }
  res.status(problem.status).render('error.njk', {
    status: problem.status,
    heading: problem.title,
    explanation: ERROR_CODES[error.code].explanation,
    detail: problem.status >= 500 ? undefined : problem.detail,
    requestId: problem.requestId,
  });
};

/** Errors on pages become a plain-language page (or problem+json for clients that ask for JSON). */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ERROR_CODES } from '../http/error-codes.js';
import { SOURCE_LANGUAGE } from '../i18n/languages.js';
import { NotFoundError } from '../http/errors.js';
import { sendProblem, setErrorHeaders, toAppError, toProblem } from '../http/problem.js';

export const sendPageNotFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`No page at ${req.path}.`));
};

/** The code's title and explanation in the page's language; in English, what was wrong with this request, unless it was on our side. */
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
  // In English the page also says what was wrong with this request; translated, the problem's detail is the explanation.
  const english = req.language === SOURCE_LANGUAGE;
  res.status(problem.status).render('error.njk', {
    status: problem.status,
    heading: problem.title,
    explanation: english ? ERROR_CODES[error.code].explanation : problem.detail,
    detail: problem.status >= 500 || !english ? undefined : problem.detail,
    requestId: problem.requestId,
  });
};

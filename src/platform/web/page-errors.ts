/** Errors on pages become a plain-language page (or problem+json for clients that ask for JSON). */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { NotFoundError } from '../http/errors.js';
import { sendProblem, toAppError, toProblem } from '../http/problem.js';

const PLAIN_LANGUAGE: Record<number, string> = {
  400: 'Something in the request was not right.',
  401: 'Please sign in to continue.',
  403: 'Your account is not allowed to open this page.',
  404: 'We could not find that page.',
  413: 'That upload is too large.',
  503: 'A service we depend on is not answering. Please try again in a moment.',
};

export const sendPageNotFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`No page at ${req.path}.`));
};

export const renderPageError: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) {
    next(err);
    return;
  }
  const error = toAppError(err, req);
  if (error.status >= 500) req.log.error({ err: error.cause ?? error, code: error.code }, 'page failed');
  const problem = toProblem(error, req);
  if (req.accepts(['html', 'json', 'application/problem+json']) !== 'html') {
    sendProblem(res, problem);
    return;
  }
  res.status(problem.status).render('error.njk', {
    status: problem.status,
    heading: PLAIN_LANGUAGE[problem.status] ?? (problem.status >= 500 ? 'Something went wrong on our side.' : 'That did not work.'),
    detail: problem.status >= 500 ? undefined : problem.detail,
    requestId: problem.requestId,
  });
};

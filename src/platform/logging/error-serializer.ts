/**
 * How an error is logged (pino's `err`): its type, its code, where it was thrown, and for a database error
 * the SQLSTATE, constraint, table and column; never a value from a request. pg's `detail` and `where`, the
 * message of a database error (`invalid input syntax for type integer: "…"`), Sequelize's `sql`,
 * `parameters`, `fields` and `errors`, and a JSON parse error's message can all quote what a person sent.
 */
import { findDatabaseFault, type DatabaseFault } from '../db/database-fault.js';
import { AppError } from '../http/errors.js';

export interface LoggedError extends Partial<DatabaseFault> {
  type: string;
  /** Our ERR_ code, or a system code such as ECONNREFUSED. */
  code?: string;
  /** Kept only where it is in words we chose (see keepsMessage). */
  message?: string;
  /** The stack's frames, without its first line (which repeats the message). */
  stack?: string[];
  cause?: LoggedError;
}

const MAX_DEPTH = 3;

/** Errors whose message is ours or the runtime's (a TypeError names code, not data); not the database's or a parser's. */
function keepsMessage(error: Error, fault: DatabaseFault | undefined): boolean {
  if (error instanceof AppError) return true;
  return fault === undefined && !error.name.startsWith('Sequelize') && !(error instanceof SyntaxError);
}

export function serializeError(err: unknown, depth = 0): LoggedError {
  if (!(err instanceof Error)) return { type: err === null ? 'null' : typeof err };
  const fault = findDatabaseFault(err);
  const code = (err as { code?: unknown }).code;
  return {
    type: err.name,
    code: fault === undefined && typeof code === 'string' ? code : undefined,
    message: keepsMessage(err, fault) ? err.message : undefined,
    ...fault,
    stack: err.stack?.split('\n').filter((line) => /^\s+at /.test(line)),
    cause: err.cause !== undefined && depth < MAX_DEPTH ? serializeError(err.cause, depth + 1) : undefined,
  };
}

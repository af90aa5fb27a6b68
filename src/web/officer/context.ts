/** What the officer pages share: the services they act through, and how a page shows dates and money. */
import type { Request } from 'express';
import type { ApplicationsService } from '../../modules/applications/index.js';
import type { ApprovalsService } from '../../modules/approvals/index.js';
import type { DocumentReadPolicy, DocumentStore } from '../../modules/documents/index.js';
import type { ProgramsService } from '../../modules/programs/index.js';
import type { SignalsService } from '../../modules/signals/index.js';
import type { DeduplicationService } from '../../modules/deduplication/index.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { DEFAULT_LOCALE, type DateFormatOptions } from '../format-dates.js';
import { isUuid } from '../../platform/http/uuid.js';

export interface OfficerPagesOptions {
  approvals: ApprovalsService;
  applications: ApplicationsService;
  programs: ProgramsService;
  documents: DocumentStore;
  /** Which officers read which documents: the same policy the API's document routes ask. */
  documentReadPolicy: DocumentReadPolicy;
  /** The fraud signals shown on the application page, and their reviews. */
  signals: SignalsService;
  /** The likely duplicates shown to the first-stage officer, and their resolutions. */
  deduplication: DeduplicationService;
}

export { isUuid };

/** A path parameter that must be a UUID; anything else is a page that does not exist (and never reaches SQL). */
export function uuidParam(req: Request, name: string): string {
  const value = req.params[name];
  if (!isUuid(value)) throw new NotFoundError('There is nothing at this address.');
  return value;
}

/** The locale the page's dates and money are written in: the page's language (British English for English). */
export function localeOf(req: Request): string {
  return req.language === 'en' ? DEFAULT_LOCALE : req.language;
}

/** Dates of a program's applications: in the page's language, where the program runs. */
export function datesOf(req: Request, zones: Map<string, string>, programId: string): DateFormatOptions {
  return { locale: localeOf(req), timeZone: zones.get(programId) ?? 'UTC' };
}

/** htmx asks for a fragment; a plain form post gets the whole page. */
export function wantsFragment(req: Request): boolean {
  return req.get('HX-Request') === 'true';
}

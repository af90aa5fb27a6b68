/**
 * Officer pages (`/officer`, roles reviewer and assessor): the work queue, each application with its
 * decision form, and bulk approval of review items. Server-rendered with htmx for the in-place parts
 * (registry proposals). Every POST is CSRF-checked; every read and decision goes through the services
 * as the signed-in officer, so an application they may not see is a 404.
 */
import { Router } from 'express';
import { verifyCsrfToken } from '../../platform/web/csrf.js';
import { requirePageRole } from '../../platform/web/page-guard.js';
import { createApplicationPage } from './application-page.js';
import type { OfficerPagesOptions } from './context.js';
import { createQueuePage } from './queue-page.js';

export type { OfficerPagesOptions } from './context.js';

export function createOfficerPages(options: OfficerPagesOptions): Router {
  const router = Router();
  router.use(requirePageRole('reviewer', 'assessor'));
  router.use(verifyCsrfToken);
  router.use(createQueuePage(options));
  router.use(createApplicationPage(options));
  return router;
}

/**
 * The notification pages: each portal's "Messages" page, where the signed-in person chooses their channels
 * (`/ssp/notifications`, `/officer/notifications`, `/provider/notifications`, `/claims/notifications`), and the
 * development mailbox `/dev/mail`, mounted only where messages are kept for it (never in production).
 * Plain forms, no script: two checkboxes and a button.
 */
import { Router, type RequestHandler } from 'express';
import type { NotificationsService } from '../../modules/notifications/index.js';
import type { Role } from '../../platform/auth/principal.js';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import { verifyCsrfToken } from '../../platform/web/csrf.js';
import { requirePageRole } from '../../platform/web/page-guard.js';
import { dateLocaleOf, formatMoment } from '../format-dates.js';

/** Each portal's page, and who may open it (those who open the portal). */
const PORTALS: ReadonlyArray<{ path: string; roles: Role[] }> = [
  { path: '/ssp', roles: ['applicant'] },
  { path: '/officer', roles: ['reviewer', 'assessor'] },
  { path: '/provider', roles: ['service-provider'] },
  { path: '/claims', roles: ['claims-officer'] },
];

export function createNotificationPages(notifications: Pick<NotificationsService, 'readPreferences' | 'savePreferences'>): Router {
  const router = Router();
  for (const { path, roles } of PORTALS) {
    const page = `${path}/notifications`;
    const guard: RequestHandler = requirePageRole(...roles);
    router.get(page, guard, async (req, res) => {
      const preferences = await notifications.readPreferences(requirePrincipal(req));
      res.render('notifications/preferences.njk', {
        portalPath: path,
        action: page,
        preferences,
        notice: req.query.notice === 'saved' ? req.t('notifications.preferences.saved') : '',
      });
    });
    router.post(page, guard, verifyCsrfToken, async (req, res) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      await notifications.savePreferences(requirePrincipal(req), { email: body.email === 'on', sms: body.sms === 'on' });
      res.redirect(303, `${page}?notice=saved`);
    });
  }
  return router;
}

export function createDevMailPage(notifications: Pick<NotificationsService, 'listDevMail'>): Router {
  const router = Router();
  router.get('/dev/mail', async (req, res) => {
    const dates = { locale: dateLocaleOf(req.language), timeZone: 'UTC' };
    const messages = (await notifications.listDevMail()).map((message) => ({
      ...message,
      sentAtShown: formatMoment(message.sentAt.toISOString(), dates),
    }));
    res.render('notifications/dev-mail.njk', { messages });
  });
  return router;
}

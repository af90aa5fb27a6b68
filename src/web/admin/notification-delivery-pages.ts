/**
 * How notifications went (`/admin/notification-deliveries`, role program-manager): the latest deliveries, newest
 * first, by kind, the recipient's role, channel and state, with the attempts and the last error code. Never the
 * text, the address or the person: a manager sees that a message waits or failed, not what it said or to whom.
 */
import { Router } from 'express';
import type { NotificationsService } from '../../modules/notifications/index.js';
import { dateLocaleOf, formatMoment } from '../format-dates.js';
import { actorOf } from './context.js';

export type DeliveryOperations = Pick<NotificationsService, 'listDeliveries'>;

const STATUSES = ['PENDING', 'SENT', 'FAILED', 'SKIPPED'] as const;
type Status = (typeof STATUSES)[number];

function statusOf(value: unknown): Status | undefined {
  return STATUSES.find((status) => status === value);
}

export function createNotificationDeliveryPages(notifications: DeliveryOperations): Router {
  const router = Router();
  router.get('/notification-deliveries', async (req, res) => {
    const status = statusOf(req.query.status);
    const deliveries = await notifications.listDeliveries(actorOf(req), { status, limit: 200 });
    const dates = { locale: dateLocaleOf(req.language), timeZone: 'UTC' };
    res.render('admin/notification-deliveries.njk', {
      status,
      statuses: STATUSES,
      rows: deliveries.map((delivery) => ({
        ...delivery,
        createdAtShown: formatMoment(delivery.createdAt, dates),
        sentAtShown: delivery.sentAt ? formatMoment(delivery.sentAt, dates) : undefined,
      })),
    });
  });
  return router;
}

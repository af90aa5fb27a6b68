/**
 * The outbox consumer that tells people of what concerns them. The relay hands it every event in order,
 * at least once; each delivery is keyed by the event, so a repeat sends nothing twice, and a transport that
 * is down makes it throw so the relay tries again with back-off (see deliver-notices.ts).
 */
import type { OutboxConsumer } from '../../platform/outbox/consumer.js';
import type { NotificationsDeps } from './deps.js';
import { deliverNotices } from './deliver-notices.js';
import { planNotices } from './plan-notices.js';

export function createNotificationsConsumer(deps: NotificationsDeps, name = 'notifications'): OutboxConsumer {
  return {
    name,
    async deliver(event) {
      const notices = await planNotices({ sources: deps.sources, publicUrl: deps.publicUrl }, event);
      if (notices.length === 0) return;
      const result = await deliverNotices(deps, notices);
      deps.logger.info({ eventId: event.id, eventType: event.type, ...result }, 'notifications delivered');
    },
  };
}

/** What other modules and the composition root may use of the notifications module. */
export { createNotifications } from './migrations.js';
export { createNotificationsService, type NotificationsService, type NotificationsServiceOptions } from './service.js';
export { createNotificationsConsumer } from './notifications-consumer.js';
export { startOfficerDigest, officerDigestCron, type OfficerDigestWorker } from './start-officer-digest.js';
export { sendOfficerDigest } from './send-officer-digest.js';
export { createNotificationHandlers } from './routes.js';
export { eraseNotificationPreferences, type NotificationPreferences } from './preferences.js';
export type { NoticeSources, NotificationsDeps } from './deps.js';
export { DeliveryError, type MessageTransport, type OutgoingMessage } from './transports.js';
export { NOTICE_KINDS, type NoticeKind } from './models.js';
export type { DevMail } from './dev-mailbox.js';

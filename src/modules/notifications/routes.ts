import { requirePrincipal } from '../../platform/auth/require-role.js';
import type { OperationHandlers } from '../../platform/http/operations.js';
import type { DeliveryStatus } from './models.js';
import type { NotificationsService } from './service.js';

export function createNotificationHandlers(notifications: NotificationsService): OperationHandlers {
  return {
    async getMyNotificationPreferences(req, res) {
      res.json(await notifications.readPreferences(requirePrincipal(req)));
    },

    async putMyNotificationPreferences(req, res) {
      res.json(await notifications.savePreferences(requirePrincipal(req), { email: req.body.email, sms: req.body.sms }));
    },

    async listNotificationDeliveries(req, res) {
      const query = req.query as { programId?: string; status?: DeliveryStatus; limit?: string | number };
      const items = await notifications.listDeliveries(requirePrincipal(req), {
        programId: query.programId,
        status: query.status,
        limit: query.limit === undefined ? undefined : Number(query.limit),
      });
      res.json({ items });
    },

    async listProgramNotificationTemplates(req, res) {
      res.json({ items: await notifications.listProgramTemplates(requirePrincipal(req), String(req.params.programId)) });
    },

    async putProgramNotificationTemplate(req, res) {
      const { programId, kind, language } = req.params as Record<string, string>;
      res.json(
        await notifications.setProgramTemplate(requirePrincipal(req), {
          programId: String(programId),
          kind: String(kind),
          language: String(language),
          input: { subject: req.body.subject, body: req.body.body },
        }),
      );
    },

    async deleteProgramNotificationTemplate(req, res) {
      const { programId, kind, language } = req.params as Record<string, string>;
      await notifications.removeProgramTemplate(requirePrincipal(req), {
        programId: String(programId),
        kind: String(kind),
        language: String(language),
      });
      res.status(204).end();
    },
  };
}

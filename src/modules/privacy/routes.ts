import type { Response } from 'express';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import type { OperationHandlers } from '../../platform/http/operations.js';
import type { PersonDataArchive } from './export-person-data.js';
import type { PrivacyService } from './service.js';

/** Sends the archive as a download that no browser or proxy keeps (the API and the portal's page alike). */
export function sendPersonDataArchive(res: Response, archive: PersonDataArchive): void {
  res.attachment(archive.fileName);
  res.setHeader('Content-Type', 'application/zip');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.send(Buffer.from(archive.bytes.buffer, archive.bytes.byteOffset, archive.bytes.byteLength));
}

export function createPrivacyHandlers(privacy: PrivacyService): OperationHandlers {
  return {
    async exportMyData(req, res) {
      sendPersonDataArchive(res, await privacy.exportPersonData(requirePrincipal(req)));
    },
  };
}

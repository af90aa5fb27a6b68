/**
 * A registrant's first name and how to reach them, for the notifications: read without recording an
 * access, since the service writing to a person about their own case is no one reading their record.
 */
import type { Sequelize } from 'sequelize';
import { selectOne } from '../../platform/db/sql.js';

export interface ContactDetails {
  givenName: string;
  email: string | undefined;
  phone: string | undefined;
}

export async function findContactDetails(sequelize: Sequelize, registrantId: string): Promise<ContactDetails | undefined> {
  const row = await selectOne<{ given_name: string; email: string | null; phone: string | null }>(
    sequelize,
    'SELECT given_name, email, phone FROM registrants WHERE id = :registrantId',
    { registrantId },
  );
  if (!row) return undefined;
  return { givenName: row.given_name, email: row.email ?? undefined, phone: row.phone ?? undefined };
}

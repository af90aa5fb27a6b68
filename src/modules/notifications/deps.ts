/**
 * What the notifications read of the other modules, given by the composition root through each module's
 * index.ts: ids in, the few facts a message needs out. Nothing here reads another module's tables.
 */
import type { Sequelize } from 'sequelize';
import type { Messages } from '../../platform/i18n/catalogs.js';
import type { Channel } from './models.js';
import type { MessageTransport } from './transports.js';

export interface ApplicationNoticeFacts {
  id: string;
  reference: string;
  programId: string;
  programName: string;
  applicantSubject: string;
  registrantId: string | null;
  stages: Array<{ position: number; name: string; officer: { type: 'user' | 'group'; ref: string } }>;
  givenName: string | undefined;
  email: string | undefined;
  phone: string | undefined;
}

export interface NoticeSources {
  findApplication(applicationId: string): Promise<ApplicationNoticeFacts | undefined>;
  /** The registry's current first name, email and phone of a registrant. */
  findRegistrantContact(registrantId: string): Promise<{ givenName: string; email?: string; phone?: string } | undefined>;
  /** The program's label of the reason a stage was decided with. */
  findDecisionReason(applicationId: string, position: number): Promise<string | undefined>;
  findGroupMembers(code: string): Promise<string[]>;
  findClaim(
    claimId: string,
  ): Promise<{ id: string; providerId: string; total: string; currency: string; providerUserSubjects: string[] } | undefined>;
  /** A member of staff in the identity provider: their name, email and phone if it has them. */
  findStaff(subject: string): Promise<{ displayName: string; email?: string; phone?: string } | undefined>;
  /** The language the person chose for pages (and messages); undefined when never chosen. */
  findLanguage(subject: string): Promise<string | undefined>;
  /** How many applications wait for each officer (a user or a group). */
  countWaiting(): Promise<Array<{ officer: { type: 'user' | 'group'; ref: string }; count: number }>>;
}

export interface NotificationsDeps {
  sequelize: Sequelize;
  sources: NoticeSources;
  messages: Messages;
  transports: Readonly<Record<Channel, MessageTransport | undefined>>;
  /** The service's public address, for links in messages. */
  publicUrl: string;
  logger: { info(object: object, message: string): void; warn(object: object, message: string): void };
  now: () => Date;
}

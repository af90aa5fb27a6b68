/**
 * Service providers: the program manager registers the facilities that serve beneficiaries and links
 * provider users (role `service-provider`) to them, one facility per user. Every change is a command.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../platform/auth/principal.js';
import { execute, isUniqueViolation, selectOne, selectRows, type Transaction } from '../../platform/db/sql.js';
import { AppError, ConflictError, NotFoundError } from '../../platform/http/errors.js';
import type { components } from '../../generated/openapi.js';
import type { ClaimsDeps } from './deps.js';
import { requireActorRole } from '../../platform/auth/require-role.js';

export type ServiceProvider = components['schemas']['ServiceProvider'];
export type ServiceProviderInput = components['schemas']['ServiceProviderInput'];
export type ProviderUser = components['schemas']['ProviderUser'];

interface ProviderRow {
  id: string;
  name: string;
  kind: ServiceProvider['kind'];
  region: string;
  payment_details: string;
  created_at: Date;
}

interface ProviderUserRow {
  subject: string;
  provider_id: string;
  username: string;
  display_name: string;
  linked_at: Date;
}

function providerOf(row: ProviderRow, users: ProviderUserRow[]): ServiceProvider {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    region: row.region,
    paymentDetails: row.payment_details,
    createdAt: row.created_at.toISOString(),
    users: users.map(userOf),
  };
}

function userOf(row: ProviderUserRow): ProviderUser {
  return { subject: row.subject, username: row.username, displayName: row.display_name, linkedAt: row.linked_at.toISOString() };
}

export async function registerProvider(deps: ClaimsDeps, actor: Principal, input: ServiceProviderInput): Promise<ServiceProvider> {
  requireActorRole(actor, ['program-manager']);
  return deps.commands.run(actor, async (transaction) => {
    const id = randomUUID();
    const [row] = await selectRows<ProviderRow>(
      deps.sequelize,
      `INSERT INTO service_providers (id, name, kind, region, payment_details, created_by, created_at)
       VALUES (:id, :name, :kind, :region, :paymentDetails, :subject, :now) RETURNING *`,
      { id, ...input, subject: actor.subject, now: deps.now() },
      transaction,
    );
    return {
      result: providerOf(row as ProviderRow, []),
      events: [{ type: 'provider.registered', aggregateType: 'service-provider', aggregateId: id, payload: { kind: input.kind } }],
    };
  });
}

/** Every facility with its users, by name; for the program manager and the claims officers. */
export async function listProviders(deps: ClaimsDeps, reader: Principal): Promise<ServiceProvider[]> {
  requireActorRole(reader, ['program-manager', 'claims-officer']);
  const rows = await selectRows<ProviderRow>(deps.sequelize, 'SELECT * FROM service_providers ORDER BY name, id');
  const users = await selectRows<ProviderUserRow>(deps.sequelize, 'SELECT * FROM provider_users ORDER BY username');
  return rows.map((row) =>
    providerOf(
      row,
      users.filter((user) => user.provider_id === row.id),
    ),
  );
}

/** A facility: for the program manager, the claims officers, and its own users. */
export async function getProvider(
  deps: ClaimsDeps,
  reader: Principal,
  providerId: string,
  transaction?: Transaction,
): Promise<ServiceProvider> {
  const row = await selectOne<ProviderRow>(
    deps.sequelize,
    'SELECT * FROM service_providers WHERE id = :providerId',
    { providerId },
    transaction,
  );
  const users = row
    ? await selectRows<ProviderUserRow>(
        deps.sequelize,
        'SELECT * FROM provider_users WHERE provider_id = :providerId ORDER BY username',
        { providerId },
        transaction,
      )
    : [];
  const ownUser = users.some((user) => user.subject === reader.subject);
  if (!row || !(ownUser || reader.roles.includes('program-manager') || reader.roles.includes('claims-officer'))) {
    throw new NotFoundError('There is no service provider with this id that you may see.');
  }
  return providerOf(row, users);
}

/**
 * Links a provider user to a facility. The user must exist, be enabled and hold the service-provider role;
 * one already linked to this facility stays linked (nothing changes), one linked elsewhere is refused.
 */
export async function linkProviderUser(deps: ClaimsDeps, actor: Principal, providerId: string, username: string): Promise<ServiceProvider> {
  requireActorRole(actor, ['program-manager']);
  const user = await deps.directory.findUser(username);
  if (!user || !user.enabled) throw new AppError('ERR_PROVIDER_USER_UNKNOWN', { detail: `There is no enabled user named ${username}.` });
  if (!user.roles.includes('service-provider')) {
    throw new AppError('ERR_PROVIDER_USER_LACKS_ROLE', { detail: `${user.username} does not hold the service-provider role.` });
  }
  return deps.commands.run(actor, async (transaction) => {
    const provider = await selectOne<{ id: string }>(
      deps.sequelize,
      'SELECT id FROM service_providers WHERE id = :providerId FOR UPDATE',
      { providerId },
      transaction,
    );
    if (!provider) throw new NotFoundError('There is no service provider with this id.');
    const linked = await selectOne<{ provider_id: string }>(
      deps.sequelize,
      'SELECT provider_id FROM provider_users WHERE subject = :subject',
      { subject: user.subject },
      transaction,
    );
    if (linked && linked.provider_id !== providerId) throw linkedElsewhere(user.username);
    if (!linked) {
      try {
        await execute(
          deps.sequelize,
          `INSERT INTO provider_users (subject, provider_id, username, display_name, linked_by, linked_at)
           VALUES (:subject, :providerId, :username, :displayName, :by, :now)`,
          { subject: user.subject, providerId, username: user.username, displayName: user.displayName, by: actor.subject, now: deps.now() },
          transaction,
        );
      } catch (error) {
        // Linked to another facility by someone else at the same moment.
        if (isUniqueViolation(error)) throw linkedElsewhere(user.username);
        throw error;
      }
    }
    const result = await getProvider(deps, actor, providerId, transaction);
    const events = linked
      ? []
      : [{ type: 'provider.user-linked', aggregateType: 'service-provider', aggregateId: providerId, payload: { subject: user.subject } }];
    return { result, events };
  });
}

function linkedElsewhere(username: string): ConflictError {
  return new ConflictError(`${username} is linked to another facility.`, 'ERR_PROVIDER_USER_LINKED_ELSEWHERE');
}

export async function unlinkProviderUser(
  deps: ClaimsDeps,
  actor: Principal,
  providerId: string,
  subject: string,
): Promise<ServiceProvider> {
  requireActorRole(actor, ['program-manager']);
  return deps.commands.run(actor, async (transaction) => {
    const removed = await execute(
      deps.sequelize,
      'DELETE FROM provider_users WHERE provider_id = :providerId AND subject = :subject',
      { providerId, subject },
      transaction,
    );
    if (removed === 0) throw new NotFoundError('That user is not linked to this service provider.');
    return {
      result: await getProvider(deps, actor, providerId, transaction),
      events: [{ type: 'provider.user-unlinked', aggregateType: 'service-provider', aggregateId: providerId, payload: { subject } }],
    };
  });
}

/** The facility a provider user redeems for, or ERR_PROVIDER_NOT_LINKED. */
export async function requireLinkedProvider(
  deps: ClaimsDeps,
  actor: Principal,
  transaction?: Transaction,
): Promise<{ id: string; name: string; region: string }> {
  requireActorRole(actor, ['service-provider']);
  const provider = await selectOne<{ id: string; name: string; region: string }>(
    deps.sequelize,
    'SELECT p.id, p.name, p.region FROM provider_users u JOIN service_providers p ON p.id = u.provider_id WHERE u.subject = :subject',
    { subject: actor.subject },
    transaction,
  );
  if (!provider) throw new AppError('ERR_PROVIDER_NOT_LINKED', { detail: 'Your account is not linked to a service provider.' });
  return provider;
}

/** Whether a reader may see a facility's claims and redemptions: a claims officer, or one of its own users. */
export async function mayReadFacilityRecords(deps: ClaimsDeps, reader: Principal, providerId: string): Promise<boolean> {
  if (reader.roles.includes('claims-officer')) return true;
  const member = await selectOne(deps.sequelize, 'SELECT 1 FROM provider_users WHERE subject = :subject AND provider_id = :providerId', {
    subject: reader.subject,
    providerId,
  });
  return member !== undefined;
}

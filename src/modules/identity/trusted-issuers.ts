/**
 * The trusted ID issuers: those of the settings (read-only) and those the program manager adds, changes and
 * removes. Every change is a command; the events name the issuer's row, never a key or a person.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../platform/auth/principal.js';
import { requireActorRole } from '../../platform/auth/require-role.js';
import { execute, isUniqueViolation, selectOne, selectRows } from '../../platform/db/sql.js';
import { AppError, ConflictError, InputError, NotFoundError } from '../../platform/http/errors.js';
import type { components } from '../../generated/openapi.js';
import type { IdentityDeps } from './deps.js';
import { ed25519KeyOfDidKey } from './vc/verify-id-credential.js';
import { isWellFormedKey, type TrustedIdIssuer as TrustedIssuerKeys, type TrustedIdKey } from './trusted-issuer.js';

export type TrustedIdIssuer = components['schemas']['TrustedIdIssuer'];
export type TrustedIdIssuerInput = components['schemas']['TrustedIdIssuerInput'];
export type TrustedIdIssuerUpdate = components['schemas']['TrustedIdIssuerUpdate'];

interface IssuerRow {
  id: string;
  issuer: string;
  name: string;
  keys: TrustedIdKey[];
  version: number;
}

const issuerOf = (row: IssuerRow): TrustedIdIssuer => ({
  id: row.id,
  issuer: row.issuer,
  name: row.name,
  keys: row.keys,
  fromSettings: false,
  version: row.version,
});

/** Every issuer trusted now, with its keys: what a verification checks against. */
export async function readTrustedIssuers(deps: IdentityDeps): Promise<TrustedIssuerKeys[]> {
  const rows = await selectRows<IssuerRow>(deps.sequelize, 'SELECT id, issuer, name, keys, version FROM trusted_id_issuers');
  return [...deps.settingsIssuers, ...rows.map((row) => ({ issuer: row.issuer, name: row.name, keys: row.keys }))];
}

export async function listIdIssuers(deps: IdentityDeps, reader: Principal): Promise<TrustedIdIssuer[]> {
  requireActorRole(reader, ['program-manager']);
  const rows = await selectRows<IssuerRow>(deps.sequelize, 'SELECT id, issuer, name, keys, version FROM trusted_id_issuers');
  const fromSettings = deps.settingsIssuers.map((issuer): TrustedIdIssuer => ({ ...issuer, keys: issuer.keys, fromSettings: true }));
  return [...fromSettings, ...rows.map(issuerOf)].sort((a, b) => a.name.localeCompare(b.name) || a.issuer.localeCompare(b.issuer));
}

export async function getIdIssuer(deps: IdentityDeps, reader: Principal, id: string): Promise<TrustedIdIssuer> {
  requireActorRole(reader, ['program-manager']);
  const row = await selectOne<IssuerRow>(deps.sequelize, 'SELECT id, issuer, name, keys, version FROM trusted_id_issuers WHERE id = :id', {
    id,
  });
  if (!row) throw new NotFoundError('There is no trusted ID issuer with this id.');
  return issuerOf(row);
}

function checkKeys(keys: TrustedIdKey[]): TrustedIdKey[] {
  const fields = keys.flatMap((key, index) =>
    isWellFormedKey(key)
      ? []
      : [{ path: `/body/keys/${index}/publicKeyHex`, message: `is not a ${key.algorithm === 'EdDSA' ? 'Ed25519' : 'P-256'} public key` }],
  );
  if (fields.length > 0) throw new InputError('A key is not a public key of its algorithm.', fields, 'ERR_ID_ISSUER_KEY_INVALID');
  // The same key twice is one key.
  const unique = new Map(keys.map((key) => [`${key.algorithm}:${key.publicKeyHex.toLowerCase()}`, key]));
  return [...unique.values()].map((key) => ({ algorithm: key.algorithm, publicKeyHex: key.publicKeyHex.toLowerCase() }));
}

/**
 * An issuer named by its Ed25519 `did:key` signs with that key alone: a list without it could never verify one of
 * its credentials, so it is refused when it is set.
 */
async function checkDidKeyHeld(issuer: string, keys: TrustedIdKey[]): Promise<void> {
  const key = await ed25519KeyOfDidKey(issuer);
  if (!key) return;
  const hex = Buffer.from(key).toString('hex');
  if (keys.some((candidate) => candidate.algorithm === 'EdDSA' && candidate.publicKeyHex === hex)) return;
  throw new InputError(
    "The keys do not hold the issuer's own did:key.",
    [{ path: '/body/keys', message: `must hold the issuer's did:key, as the EdDSA key ${hex}` }],
    'ERR_ID_ISSUER_KEY_INVALID',
  );
}

export async function createIdIssuer(deps: IdentityDeps, actor: Principal, input: TrustedIdIssuerInput): Promise<TrustedIdIssuer> {
  requireActorRole(actor, ['program-manager']);
  const keys = checkKeys(input.keys);
  const issuer = input.issuer.trim();
  await checkDidKeyHeld(issuer, keys);
  if (deps.settingsIssuers.some((trusted) => trusted.issuer === issuer)) {
    throw new AppError('ERR_ID_ISSUER_EXISTS', { detail: 'This issuer is trusted in the settings already.' });
  }
  try {
    return await deps.commands.run(actor, async (transaction) => {
      const id = randomUUID();
      const now = deps.now();
      const row = await selectOne<IssuerRow>(
        deps.sequelize,
        `INSERT INTO trusted_id_issuers (id, issuer, name, keys, created_by, created_at, updated_at)
         VALUES (:id, :issuer, :name, CAST(:keys AS jsonb), :subject, :now, :now) RETURNING id, issuer, name, keys, version`,
        { id, issuer, name: input.name.trim(), keys: JSON.stringify(keys), subject: actor.subject, now },
        transaction,
      );
      return {
        result: issuerOf(row as IssuerRow),
        events: [{ type: 'id-issuer.trusted', aggregateType: 'id-issuer', aggregateId: id, payload: { keys: keys.length } }],
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('ERR_ID_ISSUER_EXISTS', { detail: 'This issuer is trusted already.' });
    throw error;
  }
}

export async function updateIdIssuer(
  deps: IdentityDeps,
  actor: Principal,
  id: string,
  update: TrustedIdIssuerUpdate,
): Promise<TrustedIdIssuer> {
  requireActorRole(actor, ['program-manager']);
  const keys = checkKeys(update.keys);
  return deps.commands.run(actor, async (transaction) => {
    const current = await selectOne<IssuerRow>(
      deps.sequelize,
      'SELECT * FROM trusted_id_issuers WHERE id = :id FOR UPDATE',
      { id },
      transaction,
    );
    if (!current) throw new NotFoundError('There is no trusted ID issuer with this id.');
    await checkDidKeyHeld(current.issuer, keys);
    if (current.version !== update.version) {
      throw new ConflictError(
        `The issuer was changed since you read it (version ${current.version} now); read it again.`,
        'ERR_VERSION_CONFLICT',
      );
    }
    const row = await selectOne<IssuerRow>(
      deps.sequelize,
      `UPDATE trusted_id_issuers SET name = :name, keys = CAST(:keys AS jsonb), version = version + 1, updated_at = :now
       WHERE id = :id RETURNING id, issuer, name, keys, version`,
      { id, name: update.name.trim(), keys: JSON.stringify(keys), now: deps.now() },
      transaction,
    );
    return {
      result: issuerOf(row as IssuerRow),
      events: [{ type: 'id-issuer.changed', aggregateType: 'id-issuer', aggregateId: id, payload: { keys: keys.length } }],
    };
  });
}

export async function deleteIdIssuer(deps: IdentityDeps, actor: Principal, id: string): Promise<void> {
  requireActorRole(actor, ['program-manager']);
  await deps.commands.run(actor, async (transaction) => {
    const removed = await execute(deps.sequelize, 'DELETE FROM trusted_id_issuers WHERE id = :id', { id }, transaction);
    if (removed === 0) throw new NotFoundError('There is no trusted ID issuer with this id.');
    return { result: undefined, events: [{ type: 'id-issuer.removed', aggregateType: 'id-issuer', aggregateId: id }] };
  });
}

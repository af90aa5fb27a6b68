/**
 * An applicant verifies the QR code of their ID: the code is checked (verify-id-qr.ts), then the account. When the
 * token carries a national ID, the code's must be that one; an ID another account holds (linked by its own QR, or
 * applied with by its token) is refused, and the attempt recorded for the first-stage officer. Otherwise the account
 * is linked to the ID with its verified fields, in one command. A refused code stores nothing but that attempt.
 */
import type { Principal } from '../../platform/auth/principal.js';
import { requireActorRole } from '../../platform/auth/require-role.js';
import { execute, selectOne, type Transaction } from '../../platform/db/sql.js';
import { AppError } from '../../platform/http/errors.js';
import type { components } from '../../generated/openapi.js';
import type { IdentityDeps } from './deps.js';
import { IdQrError } from './id-qr-error.js';
import { readTrustedIssuers } from './trusted-issuers.js';
import { LOCKABLE_FIELDS, type VerifiedId } from './verified-id.js';
import { verifyIdQr } from './verify-id-qr.js';

export type VerifiedIdentity = components['schemas']['VerifiedIdentity'];
export type IdQrInput = components['schemas']['IdQrInput'];

export function verifiedIdentityOf(verified: VerifiedId, verifiedAt: Date): VerifiedIdentity {
  return {
    ...verified,
    verifiedAt: verifiedAt.toISOString(),
    lockedFields: LOCKABLE_FIELDS.filter((field) => verified[field] !== undefined),
  };
}

/** The checks of the code alone, as an AppError naming the failed one. */
export async function checkIdQr(deps: IdentityDeps, text: string): Promise<VerifiedId> {
  try {
    return await verifyIdQr(text, { trustedIssuers: await readTrustedIssuers(deps), decryptionKeys: deps.decryptionKeys, now: deps.now() });
  } catch (error) {
    if (error instanceof IdQrError) throw new AppError(error.code, { detail: `${error.message}.`, cause: error });
    throw error;
  }
}

// Another account holds the ID: linked by its own QR, or it applied with it (its token's national ID).
const HELD_ELSEWHERE = `SELECT 1 AS held FROM identity_links WHERE id_type = 'NATIONAL_ID' AND id_value = :idValue AND subject <> :subject
  UNION ALL
  SELECT 1 FROM applications a JOIN registrants r ON r.id = a.registrant_id
  WHERE r.id_type = 'NATIONAL_ID' AND r.id_value = :idValue AND a.applicant_subject <> :subject
  LIMIT 1`;

export async function linkVerifiedId(deps: IdentityDeps, actor: Principal, input: IdQrInput): Promise<VerifiedIdentity> {
  requireActorRole(actor, ['applicant']);
  const verified = await checkIdQr(deps, input.text);
  if (actor.nationalId !== undefined && actor.nationalId !== verified.idNumber) {
    throw new AppError('ERR_ID_QR_ID_MISMATCH', { detail: 'The ID in the code is not the one your account carries.' });
  }
  const outcome = await deps.commands.run<VerifiedIdentity | 'refused'>(actor, async (transaction) => {
    const now = deps.now();
    const key = { idValue: verified.idNumber, subject: actor.subject };
    // Two accounts linking one ID at once: the first to lock its row (or insert it) wins; the unique key stops the other.
    await execute(deps.sequelize, 'SELECT pg_advisory_xact_lock(hashtext(:idValue))', { idValue: verified.idNumber }, transaction);
    if (await selectOne(deps.sequelize, HELD_ELSEWHERE, key, transaction)) {
      const refusal = await selectOne<{ id: string }>(
        deps.sequelize,
        'INSERT INTO identity_link_refusals (subject, id_value, attempted_at) VALUES (:subject, :idValue, :now) RETURNING id',
        { ...key, now },
        transaction,
      );
      return {
        result: 'refused' as const,
        events: [
          { type: 'identity.link-refused', aggregateType: 'account', aggregateId: actor.subject, payload: { refusal: refusal?.id } },
        ],
      };
    }
    await execute(
      deps.sequelize,
      `INSERT INTO identity_links (subject, id_value, verified, verified_at) VALUES (:subject, :idValue, CAST(:verified AS jsonb), :now)
       ON CONFLICT (subject) DO UPDATE SET id_value = EXCLUDED.id_value, verified = EXCLUDED.verified, verified_at = EXCLUDED.verified_at`,
      { ...key, verified: JSON.stringify(verified), now },
      transaction,
    );
    return {
      result: verifiedIdentityOf(verified, now),
      events: [{ type: 'identity.verified', aggregateType: 'account', aggregateId: actor.subject, payload: { format: verified.format } }],
    };
  });
  if (outcome === 'refused') {
    throw new AppError('ERR_ID_QR_ID_LINKED_ELSEWHERE', { detail: 'This ID is linked to another account; the attempt was recorded.' });
  }
  return outcome;
}

/** The ID an account is linked to, with its verified fields; undefined when it has none. */
export async function readLinkedId(deps: IdentityDeps, subject: string): Promise<VerifiedIdentity | undefined> {
  const row = await selectOne<{ verified: VerifiedId; verified_at: Date }>(
    deps.sequelize,
    'SELECT verified, verified_at FROM identity_links WHERE subject = :subject',
    { subject },
  );
  return row ? verifiedIdentityOf(row.verified, row.verified_at) : undefined;
}

/** The linked ID number alone, for the principal of an account whose token carries none. */
export async function findLinkedIdNumber(deps: IdentityDeps, subject: string): Promise<string | undefined> {
  const row = await selectOne<{ id_value: string }>(deps.sequelize, 'SELECT id_value FROM identity_links WHERE subject = :subject', {
    subject,
  });
  return row?.id_value;
}

/** The fields a verified ID vouched for, read in the caller's transaction (an application's submission). */
export async function readVerifiedFields(deps: IdentityDeps, subject: string, transaction?: Transaction): Promise<VerifiedId | undefined> {
  const row = await selectOne<{ verified: VerifiedId }>(
    deps.sequelize,
    'SELECT verified FROM identity_links WHERE subject = :subject',
    { subject },
    transaction,
  );
  return row?.verified;
}

import { randomUUID } from 'node:crypto';
import type { Principal } from '../../platform/auth/principal.js';
import type { CommandContext, DomainEvent } from '../../platform/db/command.js';
import { selectOne, selectRows, type Transaction } from '../../platform/db/sql.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/http/errors.js';
import { deriveBeneficiaryReference } from './beneficiary-reference.js';
import { buildVoucher } from './build-voucher.js';
import type { VouchersDeps } from './deps.js';
import { encodeVoucherQr } from './qr/voucher-qr.js';
import { statusListUrl, VOUCHER_REGISTRY_ENTRY_ID } from './qr/type-table.js';
import { requireVoucherRole } from './require-voucher-role.js';
import { signCredential } from './sign-credential.js';
import { VOUCHER_COLUMNS, voucherOf, type Voucher, type VoucherRow } from './voucher-rows.js';

interface IssuableRow {
  id: string;
  reference: string;
  status: string;
  program_id: string;
  registrant_id: string;
  applicant_subject: string;
  treatment_type: string;
  assessed_amount: string | null;
  given_name: string;
  family_name: string;
  program_code: string;
  program_currency: string;
  validity_days: number;
  voucher_in_force: boolean;
  /** The next status-list sequence number, drawn in the same statement (a refusal leaves one unused slot). */
  status_sequence: string;
}

/**
 * The issuing officer turns an approved application into its voucher. One command: the application row
 * is locked (a second officer waits, then finds it issued), the rules are checked (exists → not one's own
 * → approved), the credential is built, signed and encoded for its QR code, and the voucher, the
 * application's move to VOUCHER_ISSUED and their record are written in one statement.
 */
export async function issueVoucher(deps: VouchersDeps, actor: Principal, applicationId: string): Promise<Voucher> {
  requireVoucherRole(actor, 'issuing-officer');
  return deps.commands.run(actor, async (transaction, context) => {
    const application = await lockIssuable(deps, actor, applicationId, transaction);
    const row = await insertVoucher(deps, actor, application, transaction, context);
    return { result: voucherOf(row.voucher), events: row.events };
  });
}

async function lockIssuable(deps: VouchersDeps, actor: Principal, id: string, transaction: Transaction): Promise<IssuableRow> {
  const application = await selectOne<IssuableRow>(
    deps.sequelize,
    `SELECT a.id, a.reference, a.status, a.program_id, a.registrant_id, a.applicant_subject, a.treatment_type, a.assessed_amount,
       a.snapshot->'applicant'->>'givenName' AS given_name, a.snapshot->'applicant'->>'familyName' AS family_name,
       p.code AS program_code, p.currency AS program_currency, p.voucher_validity_days AS validity_days,
       EXISTS (SELECT 1 FROM vouchers v WHERE v.application_id = a.id AND v.status <> 'REVOKED') AS voucher_in_force,
       nextval('voucher_status_position_seq') AS status_sequence
     FROM applications a JOIN programs p ON p.id = a.program_id
     WHERE a.id = :id AND a.status <> 'DRAFT'
     FOR UPDATE OF a`,
    { id },
    transaction,
  );
  if (!application) throw new NotFoundError('There is no submitted application with this id.');
  if (application.applicant_subject === actor.subject) {
    throw new ForbiddenError(
      'This is your own application: another issuing officer must issue its voucher.',
      'ERR_VOUCHER_OWN_APPLICATION',
    );
  }
  // A second officer who waited on the lock sees the application's new status (the row is re-read after the
  // wait); the EXISTS reads the statement's snapshot, so it guards the data, the status the race.
  if (application.voucher_in_force || application.status === 'VOUCHER_ISSUED') {
    throw new ConflictError(`Application ${application.reference} already has a voucher in force.`, 'ERR_VOUCHER_ALREADY_ISSUED');
  }
  if (application.status !== 'APPROVED' || application.assessed_amount === null) {
    throw new ConflictError(
      `Application ${application.reference} is ${application.status.toLowerCase().replaceAll('_', ' ')}, not approved.`,
      'ERR_APPLICATION_NOT_APPROVED',
    );
  }
  return application;
}

async function insertVoucher(
  deps: VouchersDeps,
  actor: Principal,
  application: IssuableRow,
  transaction: Transaction,
  context: CommandContext,
): Promise<{ voucher: VoucherRow; events: ReturnType<CommandContext['inlineEvents']> }> {
  const position = deps.positionOf(Number(application.status_sequence));
  const id = randomUUID();
  const issuedAt = deps.now();
  const issuer = deps.keys.current.did;
  const place = (purpose: 'revocation' | 'suspension') => ({
    statusListCredential: statusListUrl(deps.publicUrl, position.listNumber, purpose),
    statusListIndex: position.statusListIndex,
  });
  const unsigned = buildVoucher({
    id: `urn:uuid:${id}`,
    issuer,
    subject: {
      name: `${application.given_name} ${application.family_name}`,
      beneficiaryReference: deriveBeneficiaryReference(application.registrant_id, deps.secret),
      program: application.program_code,
      treatmentType: application.treatment_type,
      amount: application.assessed_amount as string,
      currency: application.program_currency,
      applicationReference: application.reference,
    },
    validFrom: issuedAt,
    validityDays: application.validity_days,
    status: { revocation: place('revocation'), suspension: place('suspension') },
  });
  const credential = await signCredential({
    credential: unsigned,
    signer: deps.keys.signer,
    documentLoader: deps.documentLoader,
    now: () => issuedAt,
  });
  const { text } = await encodeVoucherQr({
    credential,
    documentLoader: deps.documentLoader,
    registryEntryId: VOUCHER_REGISTRY_ENTRY_ID,
    typeTables: deps.typeTables,
  });
  const event: DomainEvent = {
    type: 'voucher.issued',
    aggregateType: 'voucher',
    aggregateId: id,
    // Ids and amounts only: the credential names the person.
    payload: {
      applicationId: application.id,
      programId: application.program_id,
      amount: unsigned.credentialSubject.amount,
      currency: unsigned.credentialSubject.currency,
      validUntil: unsigned.validUntil,
      statusList: position.listNumber,
    },
  };
  const events = context.inlineEvents([event]);
  const [voucher] = await selectRows<VoucherRow>(
    deps.sequelize,
    `WITH v AS (
       INSERT INTO vouchers (id, application_id, program_id, status, status_list, status_index, issuer, amount, currency,
         valid_from, valid_until, credential, qr_text, issued_by, issued_at)
       VALUES (:id, :applicationId, :programId, 'ACTIVE', :statusList, :statusIndex, :issuer, :amount, :currency,
         :validFrom, :validUntil, CAST(:credential AS jsonb), :qrText, :issuedBy, :issuedAt)
       RETURNING *
     ),
     moved AS (
       UPDATE applications SET status = 'VOUCHER_ISSUED', updated_at = :issuedAt, version = version + 1 WHERE id = :applicationId
     ),
     ${events.ctes}
     SELECT ${VOUCHER_COLUMNS}, (SELECT count(*) FROM event_audit) AS written
     FROM v JOIN applications a ON a.id = v.application_id`,
    {
      ...events.replacements,
      id,
      applicationId: application.id,
      programId: application.program_id,
      statusList: position.listNumber,
      statusIndex: position.statusListIndex,
      issuer,
      amount: unsigned.credentialSubject.amount,
      currency: unsigned.credentialSubject.currency,
      validFrom: unsigned.validFrom,
      validUntil: unsigned.validUntil,
      credential: JSON.stringify(credential),
      qrText: text,
      issuedBy: actor.subject,
      issuedAt,
    },
    transaction,
  );
  return { voucher: voucher as VoucherRow, events };
}

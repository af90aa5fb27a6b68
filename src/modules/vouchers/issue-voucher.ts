import { randomUUID } from 'node:crypto';
import type { Principal } from '../../platform/auth/principal.js';
import type { CommandContext, DomainEvent } from '../../platform/db/command.js';
import { selectRows, type Transaction } from '../../platform/db/sql.js';
import { type AppError, ConflictError, ForbiddenError, NotFoundError } from '../../platform/http/errors.js';
import { isUuid } from '../../platform/http/uuid.js';
import { deriveBeneficiaryReference } from './beneficiary-reference.js';
import { buildVoucher } from './build-voucher.js';
import type { VoucherCredential } from './credential.js';
import type { VouchersDeps } from './deps.js';
import { statusListUrl } from './qr/type-table.js';
import { requireVoucherRole } from './require-voucher-role.js';
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
}

/** What became of one application of a batch: its voucher, or why it has none. */
export type IssueOutcome = { voucher: Voucher } | { refusal: AppError };

/** The most applications one command locks and issues (a bulk request is cut into batches of this size). */
export const ISSUE_BATCH_SIZE = 50;

/**
 * The issuing officer turns an approved application into its voucher. See `issueVoucherBatch`; a refusal
 * is thrown as the problem it is.
 */
export async function issueVoucher(deps: VouchersDeps, actor: Principal, applicationId: string): Promise<Voucher> {
  const [outcome] = await issueVoucherBatch(deps, actor, [applicationId]);
  if (!outcome) throw new TypeError('a batch of one answered nothing');
  if ('refusal' in outcome) throw outcome.refusal;
  return outcome.voucher;
}

/**
 * Issues the vouchers of up to ISSUE_BATCH_SIZE applications in one command, one outcome per id in the
 * order given. The applications' rows are locked in id order (a second officer waits, then finds them
 * issued; two overlapping batches cannot deadlock), the rules are checked for each (exists → not one's own
 * → approved → no voucher in force), each issuable one's credential is built, signed and encoded for its QR
 * code, and all the vouchers, the applications' moves to VOUCHER_ISSUED and one audit and outbox event per
 * voucher are written in one statement. A refusal is that application's outcome; the others go on.
 */
export async function issueVoucherBatch(deps: VouchersDeps, actor: Principal, applicationIds: readonly string[]): Promise<IssueOutcome[]> {
  requireVoucherRole(actor, 'issuing-officer');
  if (applicationIds.length > ISSUE_BATCH_SIZE) throw new RangeError(`at most ${ISSUE_BATCH_SIZE} applications a batch`);
  const ids = applicationIds.map((id) => id.toLowerCase());
  return deps.commands.run(actor, async (transaction, context) => {
    const locked = await lockApplications(deps, ids, transaction);
    const seen = new Set<string>();
    const refusals = ids.map((id) => {
      const refusal = refusalOf(locked.get(id), actor, seen.has(id));
      seen.add(id);
      return refusal;
    });
    const issuable = ids.flatMap((id, i) => (refusals[i] ? [] : [locked.get(id) as IssuableRow]));
    const written =
      issuable.length === 0 ? { vouchers: [], events: [] } : await insertVouchers(deps, actor, issuable, transaction, context);
    const vouchers = new Map(written.vouchers.map((row) => [row.application_id, voucherOf(row)]));
    const outcomes = ids.map((id, i): IssueOutcome => {
      const refusal = refusals[i];
      return refusal ? { refusal } : { voucher: vouchers.get(id) as Voucher };
    });
    return { result: outcomes, events: written.events };
  });
}

async function lockApplications(deps: VouchersDeps, ids: readonly string[], transaction: Transaction): Promise<Map<string, IssuableRow>> {
  const rows = await selectRows<IssuableRow>(
    deps.sequelize,
    `SELECT a.id, a.reference, a.status, a.program_id, a.registrant_id, a.applicant_subject, a.treatment_type, a.assessed_amount,
       a.snapshot->'applicant'->>'givenName' AS given_name, a.snapshot->'applicant'->>'familyName' AS family_name,
       p.code AS program_code, p.currency AS program_currency, p.voucher_validity_days AS validity_days,
       EXISTS (SELECT 1 FROM vouchers v WHERE v.application_id = a.id AND v.status <> 'REVOKED') AS voucher_in_force
     FROM applications a JOIN programs p ON p.id = a.program_id
     WHERE a.id = ANY(CAST(:ids AS uuid[])) AND a.status <> 'DRAFT'
     ORDER BY a.id
     FOR UPDATE OF a`,
    { ids: `{${[...new Set(ids.filter(isUuid))].join(',')}}` },
    transaction,
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Why this application gets no voucher, if it does not. A second officer who waited on the lock sees the
 * application's new status (the row is read again after the wait); the EXISTS reads the statement's
 * snapshot, so it guards the data and the status guards the race. `again` is an id given twice.
 */
function refusalOf(application: IssuableRow | undefined, actor: Principal, again: boolean): AppError | undefined {
  if (!application) return new NotFoundError('There is no submitted application with this id.');
  if (application.applicant_subject === actor.subject) {
    return new ForbiddenError(
      'This is your own application: another issuing officer must issue its voucher.',
      'ERR_VOUCHER_OWN_APPLICATION',
    );
  }
  if (again || application.voucher_in_force || application.status === 'VOUCHER_ISSUED') return alreadyIssued(application.reference);
  if (application.status !== 'APPROVED' || application.assessed_amount === null) {
    return new ConflictError(
      `Application ${application.reference} is ${application.status.toLowerCase().replaceAll('_', ' ')}, not approved.`,
      'ERR_APPLICATION_NOT_APPROVED',
    );
  }
  return undefined;
}

function alreadyIssued(reference: string): AppError {
  return new ConflictError(`Application ${reference} already has a voucher in force.`, 'ERR_VOUCHER_ALREADY_ISSUED');
}

interface SealedVoucher {
  id: string;
  application: IssuableRow;
  statusList: number;
  statusIndex: number;
  unsigned: VoucherCredential;
  credential: VoucherCredential;
  qrText: string;
}

/** Builds one voucher at its status-list position, and seals it (signs and encodes it for its QR code). */
async function sealVoucher(deps: VouchersDeps, application: IssuableRow, sequenceNumber: number, issuedAt: Date): Promise<SealedVoucher> {
  const position = deps.positionOf(sequenceNumber);
  const id = randomUUID();
  const place = (purpose: 'revocation' | 'suspension') => ({
    statusListCredential: statusListUrl(deps.publicUrl, position.listNumber, purpose),
    statusListIndex: position.statusListIndex,
  });
  const unsigned = buildVoucher({
    id: `urn:uuid:${id}`,
    issuer: deps.keys.current.did,
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
  const { credential, qrText } = await deps.seal({ credential: unsigned, issuedAt });
  return { id, application, statusList: position.listNumber, statusIndex: position.statusListIndex, unsigned, credential, qrText };
}

async function insertVouchers(
  deps: VouchersDeps,
  actor: Principal,
  applications: readonly IssuableRow[],
  transaction: Transaction,
  context: CommandContext,
): Promise<{ vouchers: VoucherRow[]; events: ReturnType<CommandContext['inlineEvents']> }> {
  const sequence = await selectRows<{ n: string }>(
    deps.sequelize,
    "SELECT nextval('voucher_status_position_seq') AS n FROM generate_series(1, :count)",
    { count: applications.length },
    transaction,
  );
  const issuedAt = deps.now();
  const sealed = await Promise.all(applications.map((application, i) => sealVoucher(deps, application, Number(sequence[i]?.n), issuedAt)));
  const events = context.inlineEvents(sealed.map(issuedEventOf));
  const rows = sealed.map((voucher) => ({
    id: voucher.id,
    application_id: voucher.application.id,
    program_id: voucher.application.program_id,
    status_list: voucher.statusList,
    status_index: voucher.statusIndex,
    amount: voucher.unsigned.credentialSubject.amount,
    currency: voucher.unsigned.credentialSubject.currency,
    valid_from: voucher.unsigned.validFrom,
    valid_until: voucher.unsigned.validUntil,
    credential: voucher.credential,
    qr_text: voucher.qrText,
  }));
  const vouchers = await selectRows<VoucherRow>(
    deps.sequelize,
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id uuid, application_id uuid, program_id uuid, status_list int,
         status_index int, amount numeric, currency char(3), valid_from timestamptz, valid_until timestamptz, credential jsonb,
         qr_text text)
     ),
     v AS (
       INSERT INTO vouchers (id, application_id, program_id, status, status_list, status_index, issuer, amount, currency,
         valid_from, valid_until, credential, qr_text, issued_by, issued_at)
       SELECT id, application_id, program_id, 'ACTIVE', status_list, status_index, :issuer, amount, currency,
         valid_from, valid_until, credential, qr_text, :issuedBy, :issuedAt
       FROM input
       RETURNING *
     ),
     moved AS (
       UPDATE applications SET status = 'VOUCHER_ISSUED', updated_at = :issuedAt, version = version + 1
       WHERE id IN (SELECT application_id FROM input)
     ),
     ${events.ctes}
     SELECT ${VOUCHER_COLUMNS}, (SELECT count(*) FROM event_audit) AS written
     FROM v JOIN applications a ON a.id = v.application_id`,
    {
      ...events.replacements,
      rows: JSON.stringify(rows),
      issuer: deps.keys.current.did,
      issuedBy: actor.subject,
      issuedAt,
    },
    transaction,
  );
  return { vouchers, events };
}

function issuedEventOf(voucher: SealedVoucher): DomainEvent {
  return {
    type: 'voucher.issued',
    aggregateType: 'voucher',
    aggregateId: voucher.id,
    // Ids and amounts only: the credential names the person.
    payload: {
      applicationId: voucher.application.id,
      programId: voucher.application.program_id,
      amount: voucher.unsigned.credentialSubject.amount,
      currency: voucher.unsigned.credentialSubject.currency,
      validUntil: voucher.unsigned.validUntil,
      statusList: voucher.statusList,
    },
  };
}

import { selectPage, type PageRequest } from '../../platform/db/sql.js';
import type { components } from '../../generated/openapi.js';
import type { VouchersDeps } from './deps.js';

export type IssuablePage = components['schemas']['IssuablePage'];

export interface ListIssuableOptions extends PageRequest {
  programId?: string;
}

/** Approved applications waiting for their voucher, oldest approval first; no personal data. */
export async function listIssuable(deps: VouchersDeps, options: ListIssuableOptions): Promise<IssuablePage> {
  const { rows, total } = await selectPage<{
    id: string;
    reference: string;
    program_id: string;
    program_name: string;
    treatment_type: string | null;
    assessed_amount: string;
    currency: string;
    approved_at: Date;
  }>(deps.sequelize, {
    columns: `a.id, a.reference, a.program_id, p.name AS program_name, a.treatment_type, a.assessed_amount, p.currency,
      a.updated_at AS approved_at`,
    from: 'applications a JOIN programs p ON p.id = a.program_id',
    where: "a.status = 'APPROVED' AND (CAST(:programId AS uuid) IS NULL OR a.program_id = CAST(:programId AS uuid))",
    orderBy: 'a.updated_at, a.id',
    replacements: { programId: options.programId ?? null },
    page: { page: options.page, pageSize: options.pageSize },
  });
  return {
    page: options.page,
    pageSize: options.pageSize,
    total,
    items: rows.map((row) => ({
      applicationId: row.id,
      reference: row.reference,
      programId: row.program_id,
      programName: row.program_name,
      ...(row.treatment_type ? { treatmentType: row.treatment_type } : {}),
      amount: row.assessed_amount,
      currency: row.currency,
      approvedAt: row.approved_at.toISOString(),
    })),
  };
}

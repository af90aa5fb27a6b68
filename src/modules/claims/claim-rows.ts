import type { components } from '../../generated/openapi.js';

export type Claim = components['schemas']['Claim'];
export type ClaimStatus = Claim['status'];

export interface ClaimRow {
  id: string;
  provider_id: string;
  provider_name: string;
  status: ClaimStatus;
  total: string;
  currency: string;
  invoice_document_id: string;
  redemption_ids: string[];
  submitted_at: Date;
  decided_at: Date | null;
  decision_reason: string | null;
  paid_at: Date | null;
  payment_reference: string | null;
}

/** Selects a ClaimRow from claims `c`. */
export const CLAIM_COLUMNS = `c.id, c.provider_id, (SELECT name FROM service_providers WHERE id = c.provider_id) AS provider_name,
  c.status, c.total, c.currency, c.invoice_document_id, c.redemption_ids, c.submitted_at, c.decided_at, c.decision_reason,
  c.paid_at, c.payment_reference`;

export function claimOf(row: ClaimRow): Claim {
  return {
    id: row.id,
    providerId: row.provider_id,
    providerName: row.provider_name,
    status: row.status,
    total: row.total,
    currency: row.currency,
    invoiceDocumentId: row.invoice_document_id,
    redemptionIds: row.redemption_ids,
    submittedAt: row.submitted_at.toISOString(),
    ...(row.decided_at ? { decidedAt: row.decided_at.toISOString() } : {}),
    ...(row.decision_reason ? { decisionReason: row.decision_reason } : {}),
    ...(row.paid_at ? { paidAt: row.paid_at.toISOString() } : {}),
    ...(row.payment_reference ? { paymentReference: row.payment_reference } : {}),
  };
}

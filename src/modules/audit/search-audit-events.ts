/**
 * The auditor's search of the audit trail: by entity (type and id), by actor (user name or subject) and by
 * period (UTC days, both included), newest first, a page at a time; and the same selection as CSV. A filter
 * that cannot hold (a reversed or over-long period, an over-long value) is refused with the field it concerns.
 */
import type { Sequelize } from 'sequelize';
import { selectRows } from '../../platform/db/sql.js';

export interface AuditSearch {
  entityType?: string;
  entityId?: string;
  /** A user name or an identity-provider subject. */
  actor?: string;
  /** YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
}

export type AuditSearchField = keyof AuditSearch;
export type AuditSearchProblem = 'not-a-date' | 'period-reversed' | 'too-long';

export type ParseAuditSearchResult =
  | { ok: true; search: AuditSearch }
  | { ok: false; errors: Array<{ field: AuditSearchField; problem: AuditSearchProblem }>; values: Record<AuditSearchField, string> };

export interface AuditEventRow {
  id: string;
  occurredAt: Date;
  actorSubject: string;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string;
  details: Record<string, unknown>;
  hash: string;
}

const LIMITS: Record<AuditSearchField, number> = { entityType: 50, entityId: 64, actor: 255, from: 10, to: 10 };
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const AUDIT_PAGE_SIZE = 50;
/** The most rows one export holds; a larger selection is narrowed by period. */
export const AUDIT_EXPORT_LIMIT = 100_000;

function isDay(value: string): boolean {
  return DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

export function parseAuditSearch(query: Record<string, unknown>): ParseAuditSearchResult {
  const fields: AuditSearchField[] = ['entityType', 'entityId', 'actor', 'from', 'to'];
  const values = Object.fromEntries(
    fields.map((field) => [field, typeof query[field] === 'string' ? (query[field] as string).trim() : '']),
  ) as Record<AuditSearchField, string>;
  const errors: Array<{ field: AuditSearchField; problem: AuditSearchProblem }> = [];
  for (const field of fields)
    if (values[field].length > LIMITS[field] && !['from', 'to'].includes(field)) errors.push({ field, problem: 'too-long' });
  for (const field of ['from', 'to'] as const) if (values[field] && !isDay(values[field])) errors.push({ field, problem: 'not-a-date' });
  if (isDay(values.from) && isDay(values.to) && values.to < values.from) errors.push({ field: 'to', problem: 'period-reversed' });
  if (errors.length > 0) return { ok: false, errors, values };
  const search = Object.fromEntries(fields.flatMap((field) => (values[field] ? [[field, values[field]]] : []))) as AuditSearch;
  return { ok: true, search };
}

function whereOf(search: AuditSearch, before?: string) {
  return {
    sql: `(CAST(:entityType AS text) IS NULL OR entity_type = :entityType)
      AND (CAST(:entityId AS text) IS NULL OR entity_id = :entityId)
      AND (CAST(:actor AS text) IS NULL OR actor_username = :actor OR actor_subject = :actor)
      AND (CAST(:from AS text) IS NULL OR occurred_at >= CAST(:from AS date)::timestamp AT TIME ZONE 'UTC')
      AND (CAST(:to AS text) IS NULL OR occurred_at < (CAST(:to AS date) + 1)::timestamp AT TIME ZONE 'UTC')
      AND (CAST(:before AS text) IS NULL OR id < CAST(:before AS bigint))`,
    replacements: {
      entityType: search.entityType ?? null,
      entityId: search.entityId ?? null,
      actor: search.actor ?? null,
      from: search.from ?? null,
      to: search.to ?? null,
      before: before ?? null,
    },
  };
}

interface Row {
  id: string;
  occurred_at: Date;
  actor_subject: string;
  actor_username: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  details: Record<string, unknown>;
  hash: string;
}

const toEvent = (row: Row): AuditEventRow => ({
  id: String(row.id),
  occurredAt: row.occurred_at,
  actorSubject: row.actor_subject,
  actorUsername: row.actor_username,
  action: row.action,
  entityType: row.entity_type,
  entityId: row.entity_id,
  details: row.details,
  hash: row.hash,
});

async function selectEvents(sequelize: Sequelize, search: AuditSearch, limit: number, before?: string): Promise<AuditEventRow[]> {
  const where = whereOf(search, before);
  const rows = await selectRows<Row>(
    sequelize,
    `SELECT id, occurred_at, actor_subject, actor_username, action, entity_type, entity_id, details, hash
       FROM audit_events WHERE ${where.sql} ORDER BY id DESC LIMIT :limit`,
    { ...where.replacements, limit },
  );
  return rows.map(toEvent);
}

export interface AuditEventPage {
  events: AuditEventRow[];
  /** The id to pass as `before` for the next (older) page; absent on the last page. */
  nextBefore?: string;
}

export interface SearchAuditEventsOptions {
  /** An event id: the page starts after it (the previous page's `nextBefore`). */
  before?: string;
  /** Events per page. Default AUDIT_PAGE_SIZE. */
  pageSize?: number;
}

/** A page of events, newest first. */
export async function searchAuditEvents(
  sequelize: Sequelize,
  search: AuditSearch,
  { before, pageSize = AUDIT_PAGE_SIZE }: SearchAuditEventsOptions = {},
): Promise<AuditEventPage> {
  const events = await selectEvents(sequelize, search, pageSize + 1, before);
  const page = events.slice(0, pageSize);
  return events.length > pageSize ? { events: page, nextBefore: page.at(-1)?.id } : { events: page };
}

/** A CSV field: quoted when it holds a separator, a quote or a line break; a leading formula character neutralised. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const CSV_COLUMNS = ['id', 'occurred at', 'actor user name', 'actor subject', 'action', 'entity type', 'entity id', 'details', 'hash'];

/** The selection as CSV (RFC 4180, CRLF), newest first, at most AUDIT_EXPORT_LIMIT rows. */
export async function exportAuditEventsCsv(sequelize: Sequelize, search: AuditSearch): Promise<string> {
  const events = await selectEvents(sequelize, search, AUDIT_EXPORT_LIMIT);
  const lines = events.map((event) =>
    [
      event.id,
      event.occurredAt.toISOString(),
      event.actorUsername ?? '',
      event.actorSubject,
      event.action,
      event.entityType,
      event.entityId,
      JSON.stringify(event.details),
      event.hash,
    ]
      .map(csvField)
      .join(','),
  );
  return [CSV_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}

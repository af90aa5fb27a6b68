import type { Principal } from '../../platform/auth/principal.js';
import { selectPage, type PageRequest } from '../../platform/db/sql.js';
import type { ApplicationsDeps } from './deps.js';
import { toDraft, type ApplicationDraft, type ApplicationRow } from './models.js';

export interface ListDraftsResult {
  items: ApplicationDraft[];
  page: number;
  pageSize: number;
  total: number;
}

/** The caller's own drafts, the most recently changed first. */
export async function listDrafts(deps: ApplicationsDeps, actor: Principal, page: PageRequest): Promise<ListDraftsResult> {
  const { rows, total } = await selectPage<ApplicationRow>(deps.sequelize, {
    columns: '*',
    from: 'applications',
    where: "applicant_subject = :subject AND status = 'DRAFT'",
    orderBy: 'updated_at DESC, id',
    replacements: { subject: actor.subject },
    page,
  });
  return { items: rows.map(toDraft), page: page.page, pageSize: page.pageSize, total };
}

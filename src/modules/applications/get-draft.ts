import type { Principal } from '../../platform/auth/principal.js';
import type { ApplicationsDeps } from './deps.js';
import { toDraft, type ApplicationDraft } from './models.js';
import { readOwnDraft } from './read-own-draft.js';

/** The caller's own draft, as saved. */
export async function getDraft(deps: ApplicationsDeps, actor: Principal, id: string): Promise<ApplicationDraft> {
  return toDraft(await readOwnDraft(deps, actor, id));
}

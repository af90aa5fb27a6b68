/**
 * Deduplication at an application's first stage: the registry's likely duplicates of its registrant and
 * family (exact by ID, probable by name, birth date and region: registry/find-duplicates.ts), shown to the
 * officer holding the first stage, who merges, links as one household, or dismisses each with a reason.
 */
import type { Sequelize } from 'sequelize';
import type { Principal } from '../../platform/auth/principal.js';
import type { CommandRunner } from '../../platform/db/command.js';
import type { DeduplicationDeps, DuplicateRegistry, FirstStageHolder } from './deps.js';
import { listDuplicateCandidates } from './list-duplicate-candidates.js';
import { resolveDuplicate, type ResolveDuplicateOptions } from './resolve-duplicate.js';

export type { ResolveDuplicateOptions } from './resolve-duplicate.js';

export interface DeduplicationServiceOptions {
  sequelize: Sequelize;
  commands: CommandRunner;
  registry: DuplicateRegistry;
  approvals: FirstStageHolder;
  now?: () => Date;
}

export function createDeduplicationService(options: DeduplicationServiceOptions) {
  const deps: DeduplicationDeps = { ...options, now: options.now ?? (() => new Date()) };
  return {
    listDuplicateCandidates: (actor: Principal, applicationId: string) => listDuplicateCandidates(deps, actor, applicationId),
    resolveDuplicate: (actor: Principal, resolution: ResolveDuplicateOptions) => resolveDuplicate(deps, actor, resolution),
  };
}

export type DeduplicationService = ReturnType<typeof createDeduplicationService>;

/** What every admin page handler needs from the request, and the collaborators they share. */
import path from 'node:path';
import type { Request } from 'express';
import { PROJECT_ROOT } from '../../config.js';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import type { Principal } from '../../platform/auth/principal.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { loadApiSpec } from '../../platform/http/spec.js';
import { createSchemaValidator, type SchemaValidator } from '../../platform/http/schema-validator.js';
import type { ApprovalsService, ProgramPipeline } from '../../modules/approvals/index.js';
import type { ClaimsService } from '../../modules/claims/index.js';
import type { OfficerGroup, Program, ProgramsService, VoucherTemplate } from '../../modules/programs/index.js';
import type { PrintWords } from './voucher-preview.js';
import { isUuid } from '../../platform/http/uuid.js';

/** What the facility pages do with the claims module: the facilities and their provider users. */
export type FacilityOperations = Pick<
  ClaimsService,
  'registerProvider' | 'listProviders' | 'getProvider' | 'linkProviderUser' | 'unlinkProviderUser'
>;

export interface AdminContext {
  programs: ProgramsService;
  approvals: Pick<ApprovalsService, 'getProgramPipeline' | 'reassignStage' | 'findWaitingApplication'>;
  /** The facilities (service providers) and the provider users linked to them. */
  claims: FacilityOperations;
  /** The contract's schemas, resolved once. */
  schemas(): Promise<SchemaValidator>;
  /** The words of a voucher printed in a given language (the preview's). */
  printWords: PrintWords;
}

/** The schemas given, or the ones of the contract the app serves (loaded on first use). */
export function contractSchemas(given: SchemaValidator | undefined): () => Promise<SchemaValidator> {
  let loaded: Promise<SchemaValidator> | undefined;
  return () => {
    if (given) return Promise.resolve(given);
    loaded ??= loadApiSpec(path.join(PROJECT_ROOT, 'openapi', 'openapi.yaml')).then(createSchemaValidator);
    return loaded;
  };
}

export function actorOf(req: Request): Principal {
  return requirePrincipal(req);
}

/** A malformed id cannot name a program (or a facility): a plain 404 rather than a database error. */
export function uuidParam(req: Request, name: string, what: 'program' | 'stage' | 'facility'): string {
  const value = req.params[name];
  if (!isUuid(value)) throw new NotFoundError(req.t(`admin.notFound.${what}`));
  return value;
}

/** htmx asks for a fragment; a plain form post gets the whole page. */
export function wantsFragment(req: Request): boolean {
  return req.get('HX-Request') === 'true';
}

export interface ProgramEditorData {
  program: Program;
  groups: OfficerGroup[];
  /** How many wait at each stage; the whole page shows it, the stage editor's fragment does not. */
  pipeline?: ProgramPipeline;
  voucherTemplate: VoucherTemplate;
  printWords: PrintWords;
}

/** The program, the groups its stages may be assigned to, and its pipeline. */
export async function loadProgramEditor(context: AdminContext, actor: Principal, programId: string): Promise<ProgramEditorData> {
  const [program, groups, pipeline, voucherTemplate] = await Promise.all([
    context.programs.getProgram(actor, programId),
    context.programs.listOfficerGroups(),
    context.approvals.getProgramPipeline(actor, programId),
    context.programs.getVoucherTemplate(actor, programId),
  ]);
  return { program, groups, pipeline, voucherTemplate, printWords: context.printWords };
}

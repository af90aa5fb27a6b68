/** Self-Service Portal pages (being built: issue 4). */
import { Router } from 'express';
import type { ApplicationsService } from '../../modules/applications/index.js';
import type { ProgramsService } from '../../modules/programs/index.js';
import type { DocumentStore } from '../../modules/documents/index.js';

export interface SelfServicePagesOptions {
  programs: ProgramsService;
  applications: ApplicationsService;
  documents: DocumentStore;
}

export function createSelfServicePages(_options: SelfServicePagesOptions): Router {
  return Router();
}

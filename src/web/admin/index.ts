/** Program administration pages (being built: issue 4). */
import { Router } from 'express';
import type { ProgramsService } from '../../modules/programs/index.js';

export interface AdminPagesOptions {
  programs: ProgramsService;
}

export function createAdminPages(_options: AdminPagesOptions): Router {
  return Router();
}

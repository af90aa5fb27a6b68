import { Router } from 'express';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import { pageOf } from '../../platform/db/sql.js';
import type { ProgramsService } from './service.js';
import type { OfficerGroupInput, ProgramInput, ProgramPatch, StageInput, StagePatch } from './models.js';

/** HTTP only: the spec has validated the request and the caller's role. */
export function createProgramRoutes(programs: ProgramsService): Router {
  const router = Router();

  router.get('/programs', async (req, res) => {
    const query = req.query as { state?: 'open' | 'closed'; code?: string; page?: number; pageSize?: number };
    res.json(await programs.listPrograms(requirePrincipal(req), { ...pageOf(query), state: query.state, code: query.code }));
  });

  router.post('/programs', async (req, res) => {
    const program = await programs.createProgram(requirePrincipal(req), req.body as ProgramInput);
    res.status(201).location(`/api/v1/programs/${program.id}`).json(program);
  });

  router.get('/programs/:programId', async (req, res) => {
    res.json(await programs.getProgram(requirePrincipal(req), req.params.programId));
  });

  router.patch('/programs/:programId', async (req, res) => {
    res.json(await programs.updateProgram(requirePrincipal(req), req.params.programId, req.body as ProgramPatch));
  });

  router.post('/programs/:programId/stages', async (req, res) => {
    res.status(201).json(await programs.addStage(requirePrincipal(req), req.params.programId, req.body as StageInput));
  });

  router.patch('/programs/:programId/stages/:stageId', async (req, res) => {
    res.json(await programs.updateStage(requirePrincipal(req), req.params.programId, req.params.stageId, req.body as StagePatch));
  });

  router.delete('/programs/:programId/stages/:stageId', async (req, res) => {
    const version = Number((req.query as { version?: number }).version);
    res.json(await programs.removeStage(requirePrincipal(req), req.params.programId, req.params.stageId, version));
  });

  router.get('/officer-groups', async (_req, res) => {
    res.json({ items: await programs.listOfficerGroups() });
  });

  router.put('/officer-groups/:groupCode', async (req, res) => {
    res.json(await programs.saveOfficerGroup(requirePrincipal(req), req.params.groupCode, req.body as OfficerGroupInput));
  });

  return router;
}

import type { Request } from 'express';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import { pageOf } from '../../platform/db/sql.js';
import { InputError } from '../../platform/http/errors.js';
import type { OperationHandlers } from '../../platform/http/operations.js';
import type { ProgramsService } from './service.js';

/** The validator has checked the form; a `file` sent as text instead of a file still gets here. */
function uploadedLogo(req: Pick<Request, 'files'>): Buffer {
  const file = ((req.files ?? []) as Array<{ fieldname: string; buffer: Buffer }>).find((f) => f.fieldname === 'file');
  if (!file) throw new InputError('Send the logo as a file in the "file" field.', [{ path: '/body/file', message: 'must be a file' }]);
  return file.buffer;
}

/** HTTP only: the spec has validated the request and the caller's role. */
export function createProgramHandlers(programs: ProgramsService): OperationHandlers {
  return {
    async listPrograms(req, res) {
      const { state, code } = req.query;
      res.json(await programs.listPrograms(requirePrincipal(req), { ...pageOf(req.query), state, code }));
    },

    async createProgram(req, res) {
      const program = await programs.createProgram(requirePrincipal(req), req.body);
      res.status(201).location(`/api/v1/programs/${program.id}`).json(program);
    },

    async getProgram(req, res) {
      res.json(await programs.getProgram(requirePrincipal(req), req.params.programId));
    },

    async updateProgram(req, res) {
      res.json(await programs.updateProgram(requirePrincipal(req), req.params.programId, req.body));
    },

    async addProgramStage(req, res) {
      res.status(201).json(await programs.addStage(requirePrincipal(req), req.params.programId, req.body));
    },

    async updateProgramStage(req, res) {
      res.json(await programs.updateStage(requirePrincipal(req), req.params.programId, req.params.stageId, req.body));
    },

    async removeProgramStage(req, res) {
      res.json(await programs.removeStage(requirePrincipal(req), req.params.programId, req.params.stageId, req.query.version));
    },

    async getVoucherTemplate(req, res) {
      res.json(await programs.getVoucherTemplate(requirePrincipal(req), req.params.programId));
    },

    async updateVoucherTemplate(req, res) {
      res.json(await programs.updateVoucherTemplate(requirePrincipal(req), req.params.programId, req.body));
    },

    async setVoucherLogo(req, res) {
      res.json(await programs.setVoucherLogo(requirePrincipal(req), req.params.programId, uploadedLogo(req)));
    },

    async removeVoucherLogo(req, res) {
      res.json(await programs.removeVoucherLogo(requirePrincipal(req), req.params.programId));
    },

    async listOfficerGroups(_req, res) {
      res.json({ items: await programs.listOfficerGroups() });
    },

    async saveOfficerGroup(req, res) {
      res.json(await programs.saveOfficerGroup(requirePrincipal(req), req.params.groupCode, req.body));
    },
  };
}

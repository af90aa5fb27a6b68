/**
 * Reassigning the officer of a stage for the applications waiting there (the pipeline links here): choose
 * the new officer and all waiting or one application by reference, check, confirm. The checked form is
 * shown back for confirmation with what will happen; only the confirmation changes anything.
 */
import { Router, type Request, type Response } from 'express';
import type { PipelineStage, ProgramPipeline } from '../../modules/approvals/index.js';
import type { OfficerGroup, OfficerInput, Program } from '../../modules/programs/index.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { actorOf, uuidParam, type AdminContext } from './context.js';
import { linkReassignmentErrors } from './error-links.js';
import {
  emptyReassignmentForm,
  FormInputError,
  readReassignmentForm,
  toReassignmentOfficer,
  type FieldMessages,
  type FormBody,
  type ReassignmentFormValues,
} from './forms.js';
import { attempt } from './outcome.js';
import { pipelineRows } from './editor-view.js';

/** What the confirmation says will happen. */
interface PlannedReassignment {
  officerShown: string;
  /** How many applications move: all waiting at the stage now, or the one named. */
  count: number;
  reference?: string;
}

interface ReassignmentView {
  values: ReassignmentFormValues;
  errors: FieldMessages;
  alert?: string;
  planned?: PlannedReassignment;
  /** How many the last confirmed reassignment moved. */
  moved?: number;
}

/** A field the page refuses itself, in the page's words. */
function refusedField(path: string, message: string): FormInputError {
  return new FormInputError(message, [{ path: `/body/${path}`, message }]);
}

function positionParam(req: Request): number {
  const position = Number(req.params.position);
  if (!Number.isInteger(position) || position < 1 || position > 32767) throw new NotFoundError(req.t('admin.notFound.stage'));
  return position;
}

/** A count the page itself put in the address after a reassignment; anything else is not shown. */
function movedParam(value: unknown): number | undefined {
  const moved = Number(value);
  return typeof value === 'string' && /^\d{1,9}$/.test(value) ? moved : undefined;
}

export function createReassignmentPages(context: AdminContext): Router {
  const router = Router();
  const { programs, approvals } = context;

  async function load(req: Request) {
    const programId = uuidParam(req, 'programId', 'program');
    const position = positionParam(req);
    const actor = actorOf(req);
    const [program, pipeline, groups] = await Promise.all([
      programs.getProgram(actor, programId),
      approvals.getProgramPipeline(actor, programId),
      programs.listOfficerGroups(),
    ]);
    const stage = pipeline.stages.find((s) => s.position === position);
    if (!stage) throw new NotFoundError(req.t('admin.notFound.stage'));
    return { program, pipeline, groups, stage, position };
  }

  function render(
    res: Response,
    loaded: {
      program: Program;
      pipeline: ProgramPipeline;
      groups: OfficerGroup[];
      stage: PipelineStage;
    },
    view: ReassignmentView,
    status = 200,
  ): void {
    const [row] = pipelineRows({ ...loaded.pipeline, stages: [loaded.stage] }, loaded.program.timeZone, res.req.language);
    res.status(status).render('admin/reassignment.njk', {
      program: loaded.program,
      groups: loaded.groups,
      stage: row,
      errorList: linkReassignmentErrors(view.errors),
      ...view,
    });
  }

  router.get('/programs/:programId/stages/:position/reassignment', async (req, res) => {
    const loaded = await load(req);
    render(res, loaded, { values: emptyReassignmentForm(), errors: {}, moved: movedParam(req.query.moved) });
  });

  router.post('/programs/:programId/stages/:position/reassignment', async (req, res) => {
    const loaded = await load(req);
    const { program, stage, position, groups } = loaded;
    const body = req.body as FormBody;
    const values = readReassignmentForm(body);
    if (body.step === 'change') {
      render(res, loaded, { values, errors: {} });
      return;
    }
    const schemas = await context.schemas();
    // The form, the officer (looked up as the stage editor does) and the application named, before anything changes.
    const checked = await attempt(async () => {
      const officer = toReassignmentOfficer(values, schemas, req.t);
      const officerShown = await showOfficer(officer);
      const one = values.scope === 'one' ? await waitingHere(values.reference) : undefined;
      return { officer, officerShown, one };
    }, req);
    if (!checked.ok) {
      render(res, loaded, { values, errors: checked.refusal.fields, alert: checked.refusal.message }, checked.refusal.status);
      return;
    }
    const { officer, officerShown, one } = checked.value;
    if (body.step !== 'confirm') {
      const planned = { officerShown, count: one ? 1 : stage.waiting, ...(one ? { reference: one.reference } : {}) };
      render(res, loaded, { values, errors: {}, planned });
      return;
    }
    const outcome = await attempt(
      () =>
        approvals.reassignStage(actorOf(req), {
          programId: program.id,
          position,
          officer,
          ...(one ? { applicationId: one.applicationId } : {}),
        }),
      req,
    );
    if (outcome.ok) {
      res.redirect(
        303,
        `/admin/programs/${program.id}/stages/${position}/reassignment?moved=${outcome.value.applicationIds.length}#result`,
      );
      return;
    }
    // Someone else's change in between (the officer lost a role, the application was decided): said next to the field.
    const { refusal } = outcome;
    render(res, await load(req), { values, errors: refusal.fields, alert: refusal.message }, refusal.status);

    /** The officer in words for the confirmation: a person's name and user name, or a group's name. */
    async function showOfficer(input: OfficerInput): Promise<string> {
      if (input.type === 'group') {
        const group = groups.find((g) => g.code === input.ref);
        if (!group) throw refusedField('officer/ref', req.t('problem.ERR_OFFICER_GROUP_UNKNOWN.explanation'));
        return req.t('admin.reassign.officer.group', { name: group.name, code: group.code });
      }
      const { people } = await programs.checkOfficer(input, '/body/officer/ref');
      const [person] = people;
      return person ? req.t('admin.reassign.officer.user', { name: person.displayName, username: person.username }) : input.ref;
    }

    async function waitingHere(reference: string) {
      const found = await approvals.findWaitingApplication(program.id, reference);
      if (!found) throw refusedField('reference', req.t('admin.reassign.referenceUnknown'));
      if (found.waitingAt !== position) throw refusedField('reference', req.t('problem.ERR_REASSIGNMENT_NOT_WAITING.explanation'));
      return found;
    }
  });

  return router;
}

/**
 * The stage editor on the program editor page: add, change, move and remove stages. Each action sends
 * the program version the page holds; htmx swaps the re-rendered list (and version) in place, a plain
 * form post gets the whole page.
 */
import { Router, type Request, type Response } from 'express';
import type { Program } from '../../modules/programs/index.js';
import { actorOf, loadProgramEditor, uuidParam, wantsFragment, type AdminContext, type ProgramEditorData } from './context.js';
import {
  programEditorView,
  renderProgramEditor,
  renderStageEditorFragment,
  stageConflictAdvice,
  stageEditorView,
  type StageEditorView,
} from './editor-view.js';
import { readStageForm, toStageInput, toStagePatch, toVersion, type FieldMessages, type FormBody } from './forms.js';
import { attempt, type Outcome } from './outcome.js';

/** Each is said as `admin.stage.notice.<change>`. */
type StageChange = 'added' | 'changed' | 'moved' | 'removed';

/** The form whose typed values a refused action shows again. */
interface TypedForm {
  keptOnConflict: boolean;
  view(errors: FieldMessages): Partial<StageEditorView>;
}

function sentVersion(req: Request): number | undefined {
  const version = Number((req.body as FormBody).version);
  return Number.isInteger(version) ? version : undefined;
}

export function createStageEditorRoutes(context: AdminContext): Router {
  const router = Router();
  const { programs } = context;

  /**
   * Renders the editor from the service's answer. A refusal keeps what was typed in the form `typed`
   * names (its errors go next to its fields); otherwise the whole message shows above the list.
   */
  async function answer(
    req: Request,
    res: Response,
    programId: string,
    outcome: Outcome<Program>,
    change: StageChange,
    typed?: TypedForm,
    changedStage?: (program: Program) => string | undefined,
  ): Promise<void> {
    if (outcome.ok && !wantsFragment(req)) {
      res.redirect(303, `/admin/programs/${programId}#stages`);
      return;
    }
    const data: Pick<ProgramEditorData, 'program' | 'groups'> | ProgramEditorData = outcome.ok
      ? { program: outcome.value, groups: await programs.listOfficerGroups() }
      : await loadProgramEditor(context, actorOf(req), programId);
    // Focus after the swap: the changed stage, else the message (ids in views/admin/_stage-editor.njk).
    let stageEditor: StageEditorView;
    if (outcome.ok) {
      const stageId = changedStage?.(outcome.value);
      const notice = req.t(`admin.stage.notice.${change}`);
      stageEditor = stageEditorView({
        notice,
        advancedFrom: sentVersion(req),
        outcome: { announce: notice, focus: stageId ? `stage-item-${stageId}` : 'stage-notice' },
      });
    } else if (outcome.refusal.conflict) {
      const conflict = outcome.refusal.message;
      stageEditor = stageEditorView({
        conflict,
        ...(typed?.keptOnConflict && typed.view({})),
        outcome: { announce: `${conflict ?? ''} ${stageConflictAdvice(req.t)}`, focus: 'stage-conflict' },
      });
    } else {
      const { message, fields } = outcome.refusal;
      const said = [message, ...Object.values(fields)].filter(Boolean).join(' ');
      // Field messages shown next to their fields and linked from the summary above, which takes focus.
      stageEditor = typed
        ? stageEditorView({
            alert: message,
            ...typed.view(fields),
            outcome: { announce: said, focus: message ? 'stage-alert' : 'stage-errors' },
          })
        : stageEditorView({ alert: message ?? Object.values(fields).join(' '), outcome: { announce: said, focus: 'stage-alert' } });
    }
    const status = outcome.ok ? 200 : outcome.refusal.status;
    if (wantsFragment(req)) renderStageEditorFragment(res, { ...data, stageEditor }, status);
    else {
      // A refusal without htmx shows the whole page, which needs all of the editor's data.
      const whole = 'voucherTemplate' in data ? data : await loadProgramEditor(context, actorOf(req), programId);
      renderProgramEditor(res, programEditorView(whole, { stageEditor }), status);
    }
  }

  router.post('/programs/:programId/stages', async (req, res) => {
    const programId = uuidParam(req, 'programId', 'program');
    const values = readStageForm(req.body as FormBody);
    const schemas = await context.schemas();
    let position: number | undefined;
    const outcome = await attempt(() => {
      const input = toStageInput(values, schemas, req.t);
      position = input.position;
      return programs.addStage(actorOf(req), programId, input);
    }, req);
    // A new stage goes at the position asked for, else last.
    const added = (program: Program) => (position === undefined ? program.stages.at(-1) : program.stages[position - 1])?.id;
    // A new stage typed on a stale page is kept, so it can be added again to the current list.
    await answer(req, res, programId, outcome, 'added', { keptOnConflict: true, view: (errors) => ({ add: { values, errors } }) }, added);
  });

  router.post('/programs/:programId/stages/:stageId', async (req, res) => {
    const programId = uuidParam(req, 'programId', 'program');
    const stageId = uuidParam(req, 'stageId', 'stage');
    const body = req.body as FormBody;
    const schemas = await context.schemas();
    const outcome = await attempt(() => programs.updateStage(actorOf(req), programId, stageId, toStagePatch(body, schemas, req.t)), req);
    const isMove = !('name' in body) && 'position' in body;
    // A refused change form stays open with what was typed; a refused move is told above the list.
    // After a conflict the stage may have changed too, so its form closes and shows the current values.
    const typed = isMove
      ? undefined
      : { keptOnConflict: false, view: (errors: FieldMessages) => ({ edit: { stageId, values: readStageForm(body), errors } }) };
    await answer(req, res, programId, outcome, isMove ? 'moved' : 'changed', typed, () => stageId);
  });

  router.post('/programs/:programId/stages/:stageId/remove', async (req, res) => {
    const programId = uuidParam(req, 'programId', 'program');
    const stageId = uuidParam(req, 'stageId', 'stage');
    const outcome = await attempt(
      () => programs.removeStage(actorOf(req), programId, stageId, toVersion(req.body as FormBody, req.t)),
      req,
    );
    await answer(req, res, programId, outcome, 'removed');
  });

  return router;
}

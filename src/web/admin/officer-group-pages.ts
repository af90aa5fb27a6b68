/** Officer groups: the groups a stage can be designated to, with their members (usernames). */
import { Router, type Response } from 'express';
import { NotFoundError } from '../../platform/http/errors.js';
import type { OfficerGroup } from '../../modules/programs/index.js';
import { actorOf, type AdminContext } from './context.js';
import {
  FormInputError,
  officerGroupFormValues,
  readOfficerGroupForm,
  toOfficerGroupInput,
  type FieldMessages,
  type FormBody,
  type OfficerGroupFormValues,
} from './forms.js';
import { attempt } from './outcome.js';

const GROUP_CODE = /^[a-z0-9][a-z0-9-]{1,63}$/;

const NOTICES = { saved: 'Group saved.' } as const;

interface GroupsView {
  groups: OfficerGroup[];
  /** The group being edited; absent for a new one. */
  editing?: string;
  form: { values: OfficerGroupFormValues; errors: FieldMessages };
  notice?: string;
  alert?: string;
}

function emptyGroupForm(): OfficerGroupFormValues {
  return { code: '', name: '', members: '' };
}

function renderGroups(res: Response, view: GroupsView, status = 200): void {
  res.status(status).render('admin/officer-groups.njk', view);
}

export function createOfficerGroupPages(context: AdminContext): Router {
  const router = Router();
  const { programs } = context;

  async function findGroup(code: unknown): Promise<{ groups: OfficerGroup[]; group: OfficerGroup }> {
    const groups = await programs.listOfficerGroups();
    const group = typeof code === 'string' && GROUP_CODE.test(code) ? groups.find((g) => g.code === code) : undefined;
    if (!group) throw new NotFoundError('No officer group with that code.');
    return { groups, group };
  }

  router.get('/officer-groups', async (req, res) => {
    const notice = req.query.notice === 'saved' ? NOTICES.saved : undefined;
    renderGroups(res, { groups: await programs.listOfficerGroups(), form: { values: emptyGroupForm(), errors: {} }, notice });
  });

  router.get('/officer-groups/:code', async (req, res) => {
    const { groups, group } = await findGroup(req.params.code);
    renderGroups(res, { groups, editing: group.code, form: { values: officerGroupFormValues(group), errors: {} } });
  });

  // Saving a group replaces it, so creating one must not silently overwrite a group with the same code.
  router.post('/officer-groups', async (req, res) => {
    const values = readOfficerGroupForm(req.body as FormBody);
    const schemas = await context.schemas();
    const outcome = await attempt(async () => {
      const { code, input } = toOfficerGroupInput(values, schemas);
      if ((await programs.listOfficerGroups()).some((g) => g.code === code)) {
        throw new FormInputError('Some fields need attention.', [
          { path: '/body/code', message: `A group with the code ${code} already exists; edit that group instead.` },
        ]);
      }
      return programs.saveOfficerGroup(actorOf(req), code, input);
    });
    if (outcome.ok) {
      res.redirect(303, '/admin/officer-groups?notice=saved');
      return;
    }
    renderGroups(
      res,
      { groups: await programs.listOfficerGroups(), form: { values, errors: outcome.refusal.fields }, alert: outcome.refusal.message },
      outcome.refusal.status,
    );
  });

  router.post('/officer-groups/:code', async (req, res) => {
    const { groups, group } = await findGroup(req.params.code);
    const values = { ...readOfficerGroupForm(req.body as FormBody), code: group.code };
    const schemas = await context.schemas();
    const outcome = await attempt(() => {
      const { code, input } = toOfficerGroupInput(values, schemas);
      return programs.saveOfficerGroup(actorOf(req), code, input);
    });
    if (outcome.ok) {
      res.redirect(303, '/admin/officer-groups?notice=saved');
      return;
    }
    renderGroups(
      res,
      { groups, editing: group.code, form: { values, errors: outcome.refusal.fields }, alert: outcome.refusal.message },
      outcome.refusal.status,
    );
  });

  return router;
}

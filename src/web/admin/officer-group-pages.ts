/**
 * Officer groups: the groups a stage can be designated to. Members are typed as user names; the
 * service checks each in the identity provider and keeps them by subject, and the page shows them by
 * name. Each save carries the version the page holds.
 */
import { Router, type Response } from 'express';
import { NotFoundError } from '../../platform/http/errors.js';
import type { OfficerGroup } from '../../modules/programs/index.js';
import { actorOf, type AdminContext } from './context.js';
import {
  officerGroupFormValues,
  readOfficerGroupForm,
  toOfficerGroupInput,
  type FieldMessages,
  type FormBody,
  type OfficerGroupFormValues,
} from './forms.js';
import { linkGroupErrors } from './error-links.js';
import { attempt, type Refusal } from './outcome.js';
import { compareGroupWithSaved, type StaleEdit } from './stale-edit.js';
import type { Translate } from '../../platform/i18n/catalogs.js';

const GROUP_CODE = /^[a-z0-9][a-z0-9-]{1,63}$/;

interface GroupsView {
  groups: OfficerGroup[];
  /** The group being edited; absent for a new one. */
  editing?: string;
  form: { values: OfficerGroupFormValues; errors: FieldMessages };
  notice?: string;
  alert?: string;
  /** The change was made on a stale version: the form holds what was typed, against the current version. */
  staleEdit?: StaleEdit;
}

function emptyGroupForm(): OfficerGroupFormValues {
  return { code: '', name: '', members: '', version: '' };
}

function renderGroups(res: Response, view: GroupsView, status = 200): void {
  res.status(status).render('admin/officer-groups.njk', { ...view, errorList: linkGroupErrors(view.form.errors) });
}

/** Each refused member (`members.3`) is told next to the one Members field. */
function groupFieldErrors(fields: FieldMessages): FieldMessages {
  const errors: FieldMessages = {};
  const members: string[] = [];
  for (const [key, message] of Object.entries(fields)) {
    if (/^members\.\d+$/.test(key)) members.push(message);
    else errors[key] = message;
  }
  if (members.length > 0) errors.members = [errors.members, ...new Set(members)].filter(Boolean).join(' ');
  return errors;
}

export function createOfficerGroupPages(context: AdminContext): Router {
  const router = Router();
  const { programs } = context;

  async function findGroup(code: unknown, t: Translate): Promise<{ groups: OfficerGroup[]; group: OfficerGroup }> {
    const groups = await programs.listOfficerGroups();
    const group = typeof code === 'string' && GROUP_CODE.test(code) ? groups.find((g) => g.code === code) : undefined;
    if (!group) throw new NotFoundError(t('admin.notFound.group'));
    return { groups, group };
  }

  router.get('/officer-groups', async (req, res) => {
    const notice = req.query.notice === 'saved' ? req.t('admin.groups.notice.saved') : undefined;
    renderGroups(res, { groups: await programs.listOfficerGroups(), form: { values: emptyGroupForm(), errors: {} }, notice });
  });

  router.get('/officer-groups/:code', async (req, res) => {
    const { groups, group } = await findGroup(req.params.code, req.t);
    const notice = req.query.notice === 'discarded' ? req.t('admin.groups.notice.discarded') : undefined;
    renderGroups(res, { groups, editing: group.code, form: { values: officerGroupFormValues(group), errors: {} }, notice });
  });

  // A new group is saved with version 0: a code that is taken is refused, never overwritten.
  router.post('/officer-groups', async (req, res) => {
    const values = readOfficerGroupForm(req.body as FormBody);
    const schemas = await context.schemas();
    const outcome = await attempt(() => {
      const { code, input } = toOfficerGroupInput(values, schemas, 'create', req.t);
      return programs.saveOfficerGroup(actorOf(req), code, input);
    }, req);
    if (outcome.ok) {
      res.redirect(303, '/admin/officer-groups?notice=saved');
      return;
    }
    const errors: FieldMessages = outcome.refusal.conflict
      ? { code: req.t('admin.groups.codeTaken', { code: values.code }) }
      : groupFieldErrors(outcome.refusal.fields);
    const alert = outcome.refusal.conflict ? undefined : outcome.refusal.message;
    renderGroups(res, { groups: await programs.listOfficerGroups(), form: { values, errors }, alert }, outcome.refusal.status);
  });

  router.post('/officer-groups/:code', async (req, res) => {
    const { group } = await findGroup(req.params.code, req.t);
    const values = { ...readOfficerGroupForm(req.body as FormBody), code: group.code };
    const schemas = await context.schemas();
    const outcome = await attempt(() => {
      const { code, input } = toOfficerGroupInput(values, schemas, 'change', req.t);
      return programs.saveOfficerGroup(actorOf(req), code, input);
    }, req);
    if (outcome.ok) {
      res.redirect(303, '/admin/officer-groups?notice=saved');
      return;
    }
    renderGroups(res, await refusedChange(group.code, values, outcome.refusal, req.t), outcome.refusal.status);
  });

  /**
   * The form keeps what was typed. After a conflict it is sent against the current version next time,
   * and shown beside the group as it is now; otherwise it comes with the errors.
   */
  async function refusedChange(code: string, values: OfficerGroupFormValues, refusal: Refusal, t: Translate): Promise<GroupsView> {
    const { groups, group } = await findGroup(code, t);
    if (refusal.conflict) {
      const resend = { ...values, version: String(group.version) };
      return {
        groups,
        editing: code,
        form: { values: resend, errors: {} },
        staleEdit: compareGroupWithSaved(resend, officerGroupFormValues(group), t),
      };
    }
    return { groups, editing: code, form: { values, errors: groupFieldErrors(refusal.fields) }, alert: refusal.message };
  }

  return router;
}

/**
 * A program's own wording of a notice, per kind and language (the catalog's is used where it has none).
 * Program managers set them; each is checked to compile and to use only the values its kind has.
 */
import type { Sequelize } from 'sequelize';
import type { Principal } from '../../platform/auth/principal.js';
import { requireActorRole } from '../../platform/auth/require-role.js';
import type { CommandRunner } from '../../platform/db/command.js';
import { execute, selectRows } from '../../platform/db/sql.js';
import { InputError, NotFoundError } from '../../platform/http/errors.js';
import { NOTICE_KINDS, NOTICE_VALUES, type NoticeKind } from './models.js';
import { checkTemplateText } from './render-notice.js';

export interface ProgramTemplateDeps {
  sequelize: Sequelize;
  commands: CommandRunner;
  now: () => Date;
  /** Whether the program exists (through the programs module). */
  programExists(programId: string): Promise<boolean>;
}

export interface NotificationTemplate {
  kind: NoticeKind;
  language: string;
  subject: string;
  body: string;
  updatedAt: string;
}

function isNoticeKind(value: string): value is NoticeKind {
  return (NOTICE_KINDS as readonly string[]).includes(value);
}

async function requireProgram(deps: ProgramTemplateDeps, programId: string): Promise<void> {
  if (!(await deps.programExists(programId))) throw new NotFoundError('There is no such program.');
}

export async function listProgramTemplates(
  deps: ProgramTemplateDeps,
  actor: Principal,
  programId: string,
): Promise<NotificationTemplate[]> {
  requireActorRole(actor, ['program-manager']);
  await requireProgram(deps, programId);
  const rows = await selectRows<{ kind: NoticeKind; language: string; subject: string; body: string; updated_at: Date }>(
    deps.sequelize,
    'SELECT kind, language, subject, body, updated_at FROM notification_templates WHERE program_id = :programId ORDER BY kind, language',
    { programId },
  );
  return rows.map((row) => ({
    kind: row.kind,
    language: row.language,
    subject: row.subject,
    body: row.body,
    updatedAt: row.updated_at.toISOString(),
  }));
}

export interface SetProgramTemplateOptions {
  programId: string;
  kind: string;
  language: string;
  input: { subject: string; body: string };
}

export async function setProgramTemplate(
  deps: ProgramTemplateDeps,
  actor: Principal,
  options: SetProgramTemplateOptions,
): Promise<NotificationTemplate> {
  requireActorRole(actor, ['program-manager']);
  const { programId, kind, language, input } = options;
  if (!isNoticeKind(kind)) throw new NotFoundError(`There is no notice of kind ${kind}.`);
  await requireProgram(deps, programId);
  const allowed = NOTICE_VALUES[kind];
  const fields = (['subject', 'body'] as const).flatMap((field) => {
    const problem = checkTemplateText(kind, input[field], allowed);
    return problem ? [{ path: `/body/${field}`, message: problem }] : [];
  });
  if (fields.length > 0) throw new InputError('The template cannot be used as written.', fields, 'ERR_NOTIFICATION_TEMPLATE_INVALID');
  return deps.commands.run(actor, async (transaction) => {
    const now = deps.now();
    await execute(
      deps.sequelize,
      `INSERT INTO notification_templates (program_id, kind, language, subject, body, updated_by, updated_at)
       VALUES (:programId, :kind, :language, :subject, :body, :subjectOfActor, :now)
       ON CONFLICT (program_id, kind, language) DO UPDATE SET subject = EXCLUDED.subject, body = EXCLUDED.body,
         updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      { programId, kind, language, subject: input.subject, body: input.body, subjectOfActor: actor.subject, now },
      transaction,
    );
    return {
      result: { kind, language, subject: input.subject, body: input.body, updatedAt: now.toISOString() },
      events: [
        { type: 'program.notification-template-changed', aggregateType: 'program', aggregateId: programId, payload: { kind, language } },
      ],
    };
  });
}

export async function removeProgramTemplate(
  deps: ProgramTemplateDeps,
  actor: Principal,
  options: Omit<SetProgramTemplateOptions, 'input'>,
): Promise<void> {
  requireActorRole(actor, ['program-manager']);
  const { programId, kind, language } = options;
  await deps.commands.run(actor, async (transaction) => {
    const removed = await execute(
      deps.sequelize,
      'DELETE FROM notification_templates WHERE program_id = :programId AND kind = :kind AND language = :language',
      { programId, kind, language },
      transaction,
    );
    if (removed === 0) throw new NotFoundError('This program has no template of its own for that notice and language.');
    return {
      result: undefined,
      events: [
        { type: 'program.notification-template-removed', aggregateType: 'program', aggregateId: programId, payload: { kind, language } },
      ],
    };
  });
}

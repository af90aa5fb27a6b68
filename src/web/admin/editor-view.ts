/**
 * What the program editor page and its stage-editor fragment render: the program as the service
 * answered it, plus what the person typed and what was refused, for each form on the page.
 */
import type { Response } from 'express';
import type { OfficerGroup } from '../../modules/programs/index.js';
import {
  emptyStageForm,
  programFormValues,
  voucherTemplateFormValues,
  type FieldMessages,
  type ProgramFormValues,
  type StageFormValues,
  type VoucherTemplateFormValues,
} from './forms.js';
import type { ProgramEditorData } from './context.js';
import type { Refusal } from './outcome.js';
import { listTimeZones } from '../../platform/time-zones.js';
import type { Translate } from '../../platform/i18n/catalogs.js';
import { formatMoney } from '../money.js';
import { dateLocaleOf, formatMoment } from '../format-dates.js';
import type { ProgramPipeline } from '../../modules/approvals/index.js';
import type { PageLanguage } from '../../platform/i18n/languages.js';
import { linkProgramErrors, linkStageErrors, linkVoucherTemplateErrors } from './error-links.js';
import { voucherFormChoices, voucherPreview } from './voucher-preview.js';
import type { StaleEdit } from './stale-edit.js';

export interface FormView<T> {
  values: T;
  errors: FieldMessages;
}

/** What an in-place (htmx) update says and where focus goes after it (views/assets/in-page-updates.js). */
export interface InPageOutcome {
  /** The outcome in words, said through the page's live region. */
  announce: string;
  /** The id of the changed stage or of the message; empty: the first refused field. */
  focus: string;
}

export interface StageEditorView {
  notice?: string;
  alert?: string;
  /** The version-conflict message; the list shows the current stages. */
  conflict?: string;
  outcome?: InPageOutcome;
  add: FormView<StageFormValues>;
  /** The stage whose change form was refused, kept open with what was typed. */
  edit?: FormView<StageFormValues> & { stageId: string };
  /**
   * In a fragment after a change: the version the page held. Version fields elsewhere on the page
   * that still hold it are brought forward, since the change proves nothing else changed meanwhile.
   */
  advancedFrom?: number;
}

export interface ProgramEditorView extends ProgramEditorData {
  notice?: string;
  alert?: string;
  /** The version-conflict message; the forms show the current program. */
  conflict?: string;
  details: FormView<ProgramFormValues>;
  /**
   * The details were saved from a stale version: the form holds what was typed (with the current
   * version), and these are the fields where it differs from what is saved now.
   */
  staleDetails?: StaleEdit;
  stageEditor: StageEditorView;
  /** The names the time zone field suggests. */
  timeZones: string[];
  /** The voucher template form (text and choices) and the logo form's message; errors keyed `logo` belong to the latter. */
  voucher: FormView<VoucherTemplateFormValues>;
}

const NOTICES = ['created', 'saved', 'discarded', 'opened', 'closed', 'templateSaved', 'logoSaved', 'logoRemoved'] as const;

export type NoticeKey = (typeof NOTICES)[number];

/** Only known notices: the query string never puts free text on the page. */
export function noticeFor(key: unknown, t: Translate): string | undefined {
  const notice = NOTICES.find((known) => known === key);
  return notice && t(`admin.program.notice.${notice}`);
}

/** Said after a stale stage action, below the conflict message. */
export function stageConflictAdvice(t: Translate): string {
  return t('admin.stages.conflictAdvice');
}

export function stageEditorView(overrides: Partial<StageEditorView> = {}): StageEditorView {
  return { add: { values: emptyStageForm(), errors: {} }, ...overrides };
}

export function programEditorView(data: ProgramEditorData, overrides: Partial<ProgramEditorView> = {}): ProgramEditorView {
  return {
    ...data,
    details: { values: programFormValues(data.program), errors: {} },
    stageEditor: stageEditorView(),
    timeZones: listTimeZones(),
    voucher: { values: voucherTemplateFormValues(data.voucherTemplate), errors: {} },
    ...overrides,
  };
}

/**
 * The page-level banner for a refusal. Field messages go in it too when the form that was sent has
 * nowhere to show them next to a field (`fieldsShown` false).
 */
export function refusalBanner(refusal: Refusal, fieldsShown: boolean): Pick<ProgramEditorView, 'alert' | 'conflict'> {
  if (refusal.conflict) return { conflict: refusal.message };
  return { alert: refusal.message ?? (fieldsShown ? undefined : Object.values(refusal.fields).join(' ')) };
}

/** Group names by code, to show who a stage is designated to. */
function groupNames(groups: OfficerGroup[]): Record<string, string> {
  return Object.fromEntries(groups.map((group) => [group.code, group.name]));
}

/** The stage form that was refused, as summary links to its fields. */
function stageErrorList(stageEditor: StageEditorView) {
  const { add, edit } = stageEditor;
  return [...linkStageErrors('new-stage', add.errors), ...(edit ? linkStageErrors(`stage-${edit.stageId}`, edit.errors) : [])];
}

/** The pipeline's rows with their times written where the program runs (src/web/format-dates.ts). */
export function pipelineRows(pipeline: ProgramPipeline, timeZone: string, language: PageLanguage) {
  const dates = { locale: dateLocaleOf(language), timeZone };
  return pipeline.stages.map((stage) => ({
    ...stage,
    oldestWaitingSinceShown: stage.oldestWaitingSince && formatMoment(stage.oldestWaitingSince, dates),
    oldestSubmittedAtShown: stage.oldestSubmittedAt && formatMoment(stage.oldestSubmittedAt, dates),
  }));
}

export function renderProgramEditor(res: Response, view: ProgramEditorView, status = 200): void {
  res.status(status).render('admin/program.njk', {
    ...view,
    pipelineRows: view.pipeline && pipelineRows(view.pipeline, view.program.timeZone, res.req.language),
    maxAmountShown: formatMoney(view.program.maxAmount, view.program.currency, res.req.language),
    groupNames: groupNames(view.groups),
    detailsErrorList: linkProgramErrors(view.details.errors),
    stageErrorList: stageErrorList(view.stageEditor),
    voucherErrorList: linkVoucherTemplateErrors(view.voucher.errors),
    voucherFieldsError: Object.entries(view.voucher.errors).find(([key]) => key.startsWith('printedFields'))?.[1],
    voucherPreview: voucherPreview(view.program, view.voucher.values, view.voucherTemplate.logo, view.printWords),
    voucherChoices: voucherFormChoices(res.req.t),
  });
}

/** Only the stage editor, for htmx to swap in place. */
export function renderStageEditorFragment(
  res: Response,
  view: Pick<ProgramEditorData, 'program' | 'groups'> & { stageEditor: StageEditorView },
  status = 200,
): void {
  res.status(status).render('admin/stage-editor-fragment.njk', {
    ...view,
    groupNames: groupNames(view.groups),
    stageErrorList: stageErrorList(view.stageEditor),
  });
}

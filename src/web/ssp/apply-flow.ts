/**
 * What the apply pages do with a draft, one function per page action: read it, save a step, add or
 * remove a family member, attach or detach a document. Each reads the draft through the
 * applications service (someone else's draft is a 404 there) and saves the whole draft data merged.
 */
import type { Principal } from '../../platform/auth/principal.js';
import type { Translate } from '../../platform/i18n/catalogs.js';
import { AppError, NotFoundError } from '../../platform/http/errors.js';
import type { SchemaValidator } from '../../platform/http/schema-validator.js';
import type { ApplicationDraft, ApplicationsService } from '../../modules/applications/index.js';
import type { Program, ProgramsService } from '../../modules/programs/index.js';
import {
  DOCUMENT_KINDS,
  findDocumentsOwnedBy,
  uploadDocument,
  type DocumentKind,
  type DocumentStore,
} from '../../modules/documents/index.js';
import { describeKind, describeTooLarge, describeUploadQuotaReached, formatSize } from './present.js';
import { createStepChecks, type CheckMode, type StepChecks, type StepErrors } from './step-checks.js';
import {
  addMember,
  mergeAddress,
  mergePerson,
  mergeTreatment,
  readAddressForm,
  readMemberForm,
  readPersonForm,
  readSavedAddress,
  readSavedPerson,
  readSavedTreatment,
  readTreatmentForm,
  removeMember,
  type DraftData,
  type AddressValues,
  type FormBody,
  type MemberValues,
  type PersonValues,
  type TreatmentValues,
} from './step-forms.js';
import type { StepSlug } from './steps.js';
import type { UploadForm } from './upload-form.js';

export interface ApplyFlowOptions {
  programs: ProgramsService;
  applications: ApplicationsService;
  documents: DocumentStore;
  /** The contract's schemas, which check every step. */
  schemas: SchemaValidator;
  now?: () => Date;
  /** The fields the person's verified ID QR vouched for: shown locked, and what is saved whatever the form sent. */
  verifiedFieldsOf?: (subject: string) => Promise<LockedValues | undefined>;
}

/** The form fields a verified ID fills, by their form names (`line` is the address line). */
export type LockedValues = Partial<Record<'givenName' | 'familyName' | 'gender' | 'birthDate' | 'line', string>>;

const LOCKED_BY_STEP: Partial<Record<FormStep, ReadonlyArray<keyof LockedValues>>> = {
  person: ['givenName', 'familyName', 'gender', 'birthDate'],
  address: ['line'],
};

/** The step's locked fields with the ID's values, which replace whatever was saved or sent. */
export function lockedOf(step: FormStep, verified: LockedValues | undefined): Record<string, string> {
  const locked: Record<string, string> = {};
  for (const field of LOCKED_BY_STEP[step] ?? []) {
    const value = verified?.[field];
    if (value !== undefined) locked[field] = value;
  }
  return locked;
}

export interface DraftContext {
  draft: ApplicationDraft;
  /** Undefined when the program has closed since the draft was started. */
  program: Program | undefined;
}

/** The steps with a plain form: their values, checks and merge. */
export type FormStep = 'treatment' | 'person' | 'address';

export interface StepOutcome {
  context: DraftContext;
  values: Record<string, string>;
  errors: StepErrors;
  /** The fields the person's verified ID fills, shown locked. */
  locked: Record<string, string>;
}

export interface AttachedDocumentView {
  documentId: string;
  kind: string;
  kindLabel: string;
  fileName: string;
  size: string;
  /** False when the file is gone or not the person's: it can only be removed. */
  available: boolean;
}

export function createApplyFlow(options: ApplyFlowOptions) {
  const { programs, applications, documents } = options;
  /** The checks, answering in the page's language (cheap to make: the schemas are compiled once, by the validator). */
  const checksIn = (t: Translate): StepChecks => createStepChecks({ schemas: options.schemas, now: options.now, t });

  async function openDraft(actor: Principal, draftId: string): Promise<DraftContext> {
    const draft = await applications.getDraft(actor, draftId);
    try {
      return { draft, program: await programs.getProgram(actor, draft.programId) };
    } catch (error) {
      if (error instanceof NotFoundError) return { draft, program: undefined };
      throw error;
    }
  }

  async function save(actor: Principal, context: DraftContext, data: DraftData): Promise<DraftContext> {
    return { ...context, draft: await applications.saveDraft(actor, context.draft.id, data) };
  }

  /** What the draft holds for a step, as its form shows it (without the account's defaults). */
  function savedValues(step: FormStep, data: DraftData): Record<string, string> {
    switch (step) {
      case 'treatment':
        return { ...readSavedTreatment(data) };
      case 'person':
        return { ...readSavedPerson(data, {}) };
      case 'address':
        return { ...readSavedAddress(data) };
    }
  }

  function formWith(step: FormStep, context: DraftContext, values: Record<string, string>, t: Translate) {
    const data = context.draft.data;
    const checks = checksIn(t);
    switch (step) {
      case 'treatment': {
        const v = values as unknown as TreatmentValues;
        return {
          check: (mode: CheckMode) => checks.treatment(v, data, context.program, mode),
          merged: () => mergeTreatment(data, v, context.program?.currency),
        };
      }
      case 'person': {
        const v = values as unknown as PersonValues;
        return { check: (mode: CheckMode) => checks.person(v, data, mode), merged: () => mergePerson(data, v) };
      }
      case 'address': {
        const v = values as unknown as AddressValues;
        return { check: (mode: CheckMode) => checks.address(v, data, mode), merged: () => mergeAddress(data, v) };
      }
    }
  }

  function formOf(
    step: FormStep,
    context: DraftContext,
    actor: Principal,
    body: FormBody | undefined,
    t: Translate,
    locked: Record<string, string>,
  ) {
    const data = context.draft.data;
    let values: Record<string, string>;
    if (body === undefined) values = step === 'person' ? { ...readSavedPerson(data, actor) } : savedValues(step, data);
    else if (step === 'treatment') values = { ...readTreatmentForm(body) };
    else if (step === 'person') values = { ...readPersonForm(body) };
    else values = { ...readAddressForm(body) };
    values = { ...values, ...locked };
    return { values, ...formWith(step, context, values, t) };
  }

  const lockedFor = async (actor: Principal, step: FormStep) => lockedOf(step, await options.verifiedFieldsOf?.(actor.subject));

  /**
   * The answers that can be kept when others are refused: each refused field keeps what the draft
   * held before (drafts are loose, so the rest is saved). Undefined when nothing would change.
   */
  function keepValid(
    step: FormStep,
    context: DraftContext,
    values: Record<string, string>,
    refused: StepErrors,
    t: Translate,
  ): DraftData | undefined {
    const saved = savedValues(step, context.draft.data);
    const kept = { ...values };
    for (const field of Object.keys(refused)) if (kept[field]) kept[field] = saved[field] ?? '';
    let form = formWith(step, context, kept, t);
    // What the draft held was within its loose shape; a field still refused is left empty.
    const still = form.check('lenient');
    if (Object.keys(still).length > 0) {
      for (const field of Object.keys(still)) if (field in kept) kept[field] = '';
      form = formWith(step, context, kept, t);
      if (Object.keys(form.check('lenient')).length > 0) return undefined;
    }
    const merged = form.merged();
    return JSON.stringify(merged) === JSON.stringify(context.draft.data) ? undefined : merged;
  }

  return {
    openDraft,
    checksIn,

    /** A step as saved; with `check`, its complete checks too (the review links here to fix a field). */
    async showStep(actor: Principal, draftId: string, step: FormStep, check: boolean, t: Translate): Promise<StepOutcome> {
      const context = await openDraft(actor, draftId);
      const locked = await lockedFor(actor, step);
      const form = formOf(step, context, actor, undefined, t, locked);
      return { context, values: form.values, errors: check ? form.check('complete') : {}, locked };
    },

    /**
     * Checks the step's answers and saves them merged into the draft; with errors, saves the answers
     * that were not refused (a refused field keeps what the draft held), and answers the errors.
     */
    async saveStep(actor: Principal, draftId: string, step: FormStep, body: FormBody, mode: CheckMode, t: Translate): Promise<StepOutcome> {
      const context = await openDraft(actor, draftId);
      const locked = await lockedFor(actor, step);
      const form = formOf(step, context, actor, body, t, locked);
      const errors = form.check(mode);
      if (Object.keys(errors).length > 0) {
        const partial = keepValid(step, context, form.values, errors, t);
        return { context: partial ? await save(actor, context, partial) : context, values: form.values, errors, locked };
      }
      return { context: await save(actor, context, form.merged()), values: form.values, errors, locked };
    },

    /** Where a person coming back continues: the first step that is not finished, else the review. */
    async resumeStep(actor: Principal, draftId: string, t: Translate): Promise<StepSlug> {
      const context = await openDraft(actor, draftId);
      return checksIn(t).draft(context.draft.data, context.program)[0]?.step ?? 'review';
    },

    async addFamilyMember(
      actor: Principal,
      draftId: string,
      body: FormBody,
      t: Translate,
    ): Promise<{ context: DraftContext; member: MemberValues; errors: StepErrors }> {
      const context = await openDraft(actor, draftId);
      const member = readMemberForm(body);
      const errors = checksIn(t).member(member, context.draft.data);
      if (Object.keys(errors).length > 0) return { context, member, errors };
      return { context: await save(actor, context, addMember(context.draft.data, member)), member, errors };
    },

    async removeFamilyMember(actor: Principal, draftId: string, index: number, key: string): Promise<DraftContext> {
      const context = await openDraft(actor, draftId);
      const data = removeMember(context.draft.data, index, key);
      return data === context.draft.data ? context : save(actor, context, data);
    },

    /** Stores the file in the Document Store and lists it on the draft; a refused file is a message, not a failure. */
    async attachDocument(
      actor: Principal,
      draftId: string,
      form: UploadForm,
      t: Translate,
    ): Promise<{ context: DraftContext; kind: string; errors: StepErrors }> {
      const context = await openDraft(actor, draftId);
      const kind = form.fields.kind ?? '';
      const errors: StepErrors = {};
      const tooLarge = describeTooLarge(documents.maxBytes, t);
      if (form.tooLarge) errors.file = tooLarge;
      else if (form.unreadable) errors.file = t('ssp.documents.unreadable');
      else {
        if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) errors.kind = t('ssp.documents.chooseKind');
        if (!form.file) errors.file = t('ssp.documents.chooseFile');
        const full = checksIn(t).limitReached(context.draft.data, 'documents');
        if (full) errors.file = full;
      }
      if (Object.keys(errors).length > 0 || !form.file) return { context, kind, errors };
      try {
        const stored = await uploadDocument(documents, {
          uploader: actor,
          kind: kind as DocumentKind,
          fileName: form.file.name,
          bytes: form.file.bytes,
        });
        const attached = [...(context.draft.data.documents ?? []), { documentId: stored.id, kind: kind as DocumentKind }];
        return { context: await save(actor, context, { ...context.draft.data, documents: attached }), kind: '', errors };
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const refusals: Partial<Record<AppError['code'], string>> = {
          ERR_PAYLOAD_TOO_LARGE: tooLarge,
          ERR_DOCUMENT_TYPE_REFUSED: t('problem.ERR_DOCUMENT_TYPE_REFUSED.explanation'),
          ERR_VALIDATION: t('ssp.documents.empty'),
          ERR_SERVICE_UNAVAILABLE: t('ssp.documents.unavailable'),
          ERR_DOCUMENT_QUOTA_REACHED: describeUploadQuotaReached(documents.quota.maxBytes, t),
        };
        const message = refusals[error.code];
        if (!message) throw error;
        return { context, kind, errors: { file: message } };
      }
    },

    async detachDocument(actor: Principal, draftId: string, documentId: string): Promise<DraftContext> {
      const context = await openDraft(actor, draftId);
      const kept = (context.draft.data.documents ?? []).filter((d) => d.documentId !== documentId);
      return kept.length === context.draft.data.documents?.length
        ? context
        : save(actor, context, { ...context.draft.data, documents: kept });
    },

    /** The draft's documents with their names and sizes from the Document Store. */
    async listAttached(actor: Principal, data: DraftData, t: Translate): Promise<AttachedDocumentView[]> {
      const wanted = data.documents ?? [];
      if (wanted.length === 0) return [];
      const found = await findDocumentsOwnedBy(
        documents.sequelize,
        wanted.map((d) => d.documentId),
        actor.subject,
      );
      return wanted.map((d) => {
        const document = found.find((f) => f.id === d.documentId);
        return {
          documentId: d.documentId,
          kind: d.kind,
          kindLabel: describeKind(d.kind, t),
          fileName: document?.fileName ?? t('ssp.documents.gone'),
          size: document ? formatSize(document.sizeBytes, t) : '',
          available: document !== undefined,
        };
      });
    },

    /** The complete checks of every step, for the review page. */
    checkDraft(context: DraftContext, t: Translate) {
      return checksIn(t).draft(context.draft.data, context.program);
    },
  };
}

export type ApplyFlow = ReturnType<typeof createApplyFlow>;

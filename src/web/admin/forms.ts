/**
 * The admin forms: what a browser posts (urlencoded strings) becomes the service's input, checked
 * against the same contract schemas the API validates with, so a page can never store what the API
 * would refuse. Field errors are keyed by the form field (`code`, `treatmentTypes.0.label`,
 * `officer.ref`) and worded for a person, not as schema keywords, in the page's language (the hints below are
 * catalog keys, locales/<lang>/admin.json).
 */
import { InputError, type FieldError } from '../../platform/http/errors.js';
import type { SchemaValidator } from '../../platform/http/schema-validator.js';
import type {
  CodedLabel,
  OfficerGroup,
  OfficerInput,
  Program,
  Stage,
  VoucherTemplate,
  VoucherTemplateInput,
} from '../../modules/programs/index.js';
import type { components } from '../../generated/openapi.js';
import type { Translate } from '../../platform/i18n/catalogs.js';

type ProgramInput = components['schemas']['ProgramInput'];
type ProgramPatch = components['schemas']['ProgramPatch'];
type StageInput = components['schemas']['StageInput'];
type StagePatch = components['schemas']['StagePatch'];
type OfficerGroupInput = components['schemas']['OfficerGroupInput'];

/** A urlencoded body as express.urlencoded({ extended: false }) parses it. */
export type FormBody = Record<string, unknown>;

/** Field errors by form field key, ready for the templates. */
export type FieldMessages = Record<string, string>;

/** A form the page itself refused: its field messages are already in plain words. */
export class FormInputError extends InputError {}

export interface ProgramFormValues {
  code: string;
  name: string;
  description: string;
  currency: string;
  maxAmount: string;
  voucherValidityDays: string;
  /** `manual` or `on-approval`. */
  voucherIssuance: string;
  timeZone: string;
  treatmentTypes: CodedLabel[];
  reasonCodes: CodedLabel[];
  version: string;
}

export interface StageFormValues {
  name: string;
  kind: string;
  officerType: string;
  officerRef: string;
  /** The eligibility checklist's items as typed, rows left empty dropped. */
  checklist: CodedLabel[];
  position: string;
  version: string;
}

export interface OfficerGroupFormValues {
  code: string;
  name: string;
  /** User names, one a line. */
  members: string;
  /** The version of the group being edited; empty for a new one. */
  version: string;
}

/** The message key for each refused field (`*`: any row). */
const PROGRAM_HINTS: Record<string, string> = {
  code: 'admin.fix.program.code',
  name: 'admin.fix.program.name',
  description: 'admin.fix.program.description',
  currency: 'admin.fix.program.currency',
  maxAmount: 'admin.fix.program.maxAmount',
  voucherValidityDays: 'admin.fix.program.voucherValidityDays',
  voucherIssuance: 'admin.fix.program.voucherIssuance',
  timeZone: 'admin.fix.program.timeZone',
  treatmentTypes: 'admin.fix.program.treatmentTypes',
  'treatmentTypes.*.code': 'admin.fix.program.treatmentTypes.code',
  'treatmentTypes.*.label': 'admin.fix.label',
  reasonCodes: 'admin.fix.program.reasonCodes',
  'reasonCodes.*.code': 'admin.fix.program.reasonCodes.code',
  'reasonCodes.*.label': 'admin.fix.label',
};

const STAGE_HINTS: Record<string, string> = {
  name: 'admin.fix.stage.name',
  kind: 'admin.fix.stage.kind',
  officer: 'admin.fix.stage.officer',
  'officer.type': 'admin.fix.stage.officer.type',
  'officer.ref': 'admin.fix.stage.officer.ref',
  position: 'admin.fix.stage.position',
  checklist: 'admin.fix.stage.checklist',
  'checklist.*.code': 'admin.fix.stage.checklist.code',
  'checklist.*.label': 'admin.fix.label',
};

const STATE_HINTS: Record<string, string> = { state: 'admin.fix.program.state' };

const GROUP_HINTS: Record<string, string> = {
  code: 'admin.fix.group.code',
  name: 'admin.fix.program.name',
  members: 'admin.fix.group.members',
  'members.*': 'admin.fix.group.member',
};

/** A field's text as typed, trimmed (the first value when it was sent twice). */
export function text(body: FormBody, name: string): string {
  const value = body[name];
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}

function texts(body: FormBody, name: string): string[] {
  const value = body[name];
  const list = Array.isArray(value) ? (value as unknown[]) : value === undefined ? [] : [value];
  return list.map((item) => (typeof item === 'string' ? item.trim() : ''));
}

/** Whole and decimal numbers become numbers; anything else stays as typed, for the schema to refuse. */
function numberOrText(value: string): number | string | undefined {
  if (value === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

/** `/body/treatmentTypes/0/code` → `treatmentTypes.0.code`, the key the templates use. */
export function fieldKey(path: string): string {
  return path
    .replace(/^\/(body|query|path)\/?/, '')
    .split('/')
    .filter(Boolean)
    .join('.');
}

function hintFor(hints: Record<string, string>, key: string): string | undefined {
  return hints[key] ?? hints[key.replace(/\.\d+(?=\.|$)/g, '.*')];
}

/** Checks `data` against a contract schema; throws a FormInputError in plain words when it fails. */
export function check(schemas: SchemaValidator, schema: string, data: unknown, hints: Record<string, string>, t: Translate): void {
  const fields = schemas.validate(schema, data, '/body');
  if (fields.length === 0) return;
  throw new FormInputError(t('admin.fix.form'), plainFields(fields, hints, t));
}

function plainFields(fields: FieldError[], hints: Record<string, string>, t: Translate): FieldError[] {
  const seen = new Set<string>();
  const plain: FieldError[] = [];
  for (const field of fields) {
    if (seen.has(field.path)) continue;
    seen.add(field.path);
    plain.push({ path: field.path, message: t(hintFor(hints, fieldKey(field.path)) ?? 'admin.fix.value') });
  }
  return plain;
}

/** The version the page holds; a page without one is stale and must be reloaded. */
function parseVersion(value: string, t: Translate): number {
  const version = Number(value);
  if (!Number.isInteger(version) || version < 1) throw new FormInputError(t('admin.fix.outOfDate'));
  return version;
}

function codedRows(body: FormBody, prefix: string): CodedLabel[] {
  const codes = texts(body, `${prefix}Code`);
  const labels = texts(body, `${prefix}Label`);
  const rows: CodedLabel[] = [];
  for (let i = 0; i < Math.max(codes.length, labels.length); i += 1) {
    const row = { code: codes[i] ?? '', label: labels[i] ?? '' };
    // A row left empty is a row the person did not use.
    if (row.code !== '' || row.label !== '') rows.push(row);
  }
  return rows;
}

export function readProgramForm(body: FormBody): ProgramFormValues {
  return {
    code: text(body, 'code').toUpperCase(),
    name: text(body, 'name'),
    description: text(body, 'description'),
    currency: text(body, 'currency').toUpperCase(),
    maxAmount: text(body, 'maxAmount'),
    voucherValidityDays: text(body, 'voucherValidityDays'),
    voucherIssuance: text(body, 'voucherIssuance'),
    timeZone: text(body, 'timeZone'),
    treatmentTypes: codedRows(body, 'treatmentType'),
    reasonCodes: codedRows(body, 'reasonCode'),
    version: text(body, 'version'),
  };
}

export function programFormValues(program: Program): ProgramFormValues {
  return {
    code: program.code,
    name: program.name,
    description: program.description,
    currency: program.currency,
    maxAmount: program.maxAmount,
    voucherValidityDays: String(program.voucherValidityDays),
    voucherIssuance: program.voucherIssuance,
    timeZone: program.timeZone,
    treatmentTypes: program.treatmentTypes,
    reasonCodes: program.reasonCodes,
    version: String(program.version),
  };
}

export function emptyProgramForm(): ProgramFormValues {
  return {
    code: '',
    name: '',
    description: '',
    currency: '',
    maxAmount: '',
    voucherValidityDays: '30',
    voucherIssuance: 'manual',
    // Chosen, not assumed: UTC is rarely where a program's applicants live.
    timeZone: '',
    treatmentTypes: [],
    reasonCodes: [],
    version: '',
  };
}

function programFields(values: ProgramFormValues) {
  return {
    name: values.name,
    description: values.description,
    currency: values.currency,
    maxAmount: values.maxAmount,
    // Left empty, it is refused rather than silently kept as it was.
    voucherValidityDays: numberOrText(values.voucherValidityDays) ?? '',
    // A form without the choice (an older page still open) keeps the program's setting, or the default.
    ...(values.voucherIssuance === '' ? {} : { voucherIssuance: values.voucherIssuance }),
    timeZone: values.timeZone,
    treatmentTypes: values.treatmentTypes,
    reasonCodes: values.reasonCodes,
  };
}

export function toProgramInput(values: ProgramFormValues, schemas: SchemaValidator, t: Translate): ProgramInput {
  const input = { code: values.code, ...programFields(values) };
  check(schemas, 'ProgramInput', input, PROGRAM_HINTS, t);
  return input as ProgramInput;
}

export function toProgramPatch(values: ProgramFormValues, schemas: SchemaValidator, t: Translate): ProgramPatch {
  const patch = { version: parseVersion(values.version, t), ...programFields(values) };
  check(schemas, 'ProgramPatch', patch, PROGRAM_HINTS, t);
  return patch as ProgramPatch;
}

export function toStatePatch(body: FormBody, schemas: SchemaValidator, t: Translate): ProgramPatch {
  const patch = { version: parseVersion(text(body, 'version'), t), state: text(body, 'state') };
  check(schemas, 'ProgramPatch', patch, STATE_HINTS, t);
  return patch as ProgramPatch;
}

export function readStageForm(body: FormBody): StageFormValues {
  return {
    name: text(body, 'name'),
    kind: text(body, 'kind'),
    officerType: text(body, 'officerType'),
    officerRef: text(body, 'officerRef'),
    checklist: codedRows(body, 'checklist'),
    position: text(body, 'position'),
    version: text(body, 'version'),
  };
}

export function stageFormValues(stage: Stage): StageFormValues {
  return {
    name: stage.name,
    kind: stage.kind,
    officerType: stage.officer.type,
    // A person by the user name they were designated with; the service looks it up again.
    officerRef: stage.officer.username ?? stage.officer.ref,
    checklist: stage.checklist,
    position: String(stage.position),
    version: '',
  };
}

export function emptyStageForm(): StageFormValues {
  return { name: '', kind: 'review', officerType: 'user', officerRef: '', checklist: [], position: '', version: '' };
}

export function toStageInput(values: StageFormValues, schemas: SchemaValidator, t: Translate): StageInput {
  const input = {
    version: parseVersion(values.version, t),
    name: values.name,
    kind: values.kind,
    officer: { type: values.officerType, ref: values.officerRef },
    checklist: values.checklist,
    position: numberOrText(values.position),
  };
  check(schemas, 'StageInput', input, STAGE_HINTS, t);
  return input as StageInput;
}

/**
 * Only the fields the form sent: the move buttons send a position, the change form the rest (the checklist too). An officer
 * sent back as shown is left out, so renaming a stage does not look its officer up again.
 */
export function toStagePatch(body: FormBody, schemas: SchemaValidator, t: Translate): StagePatch {
  const values = readStageForm(body);
  const patch: Record<string, unknown> = { version: parseVersion(values.version, t) };
  if ('name' in body) patch.name = values.name;
  if ('kind' in body) patch.kind = values.kind;
  const officerSent = 'officerType' in body || 'officerRef' in body;
  const officerAsShown = values.officerType === text(body, 'shownOfficerType') && values.officerRef === text(body, 'shownOfficerRef');
  if (officerSent && !officerAsShown) patch.officer = { type: values.officerType, ref: values.officerRef };
  // The change form marks that it holds the checklist: with every row removed, the list is sent empty.
  if ('checklistSent' in body) patch.checklist = values.checklist;
  if ('position' in body) patch.position = numberOrText(values.position);
  check(schemas, 'StagePatch', patch, STAGE_HINTS, t);
  return patch as StagePatch;
}

export function toVersion(body: FormBody, t: Translate): number {
  return parseVersion(text(body, 'version'), t);
}

export function readOfficerGroupForm(body: FormBody): OfficerGroupFormValues {
  return {
    code: text(body, 'code').toLowerCase(),
    name: text(body, 'name'),
    members: typeof body.members === 'string' ? body.members : '',
    version: text(body, 'version'),
  };
}

/** Members by the user name they were added with (a member the provider did not know, by what is stored). */
export function officerGroupFormValues(group: OfficerGroup): OfficerGroupFormValues {
  return {
    code: group.code,
    name: group.name,
    members: group.members.map((member) => member.username ?? member.subject).join('\n'),
    version: String(group.version),
  };
}

/** User names separated by commas or new lines; blanks and repeats dropped. */
export function splitMembers(members: string): string[] {
  return [
    ...new Set(
      members
        .split(/[,\n\r]+/)
        .map((m) => m.trim())
        .filter(Boolean),
    ),
  ];
}

/** A new group is sent with version 0, so a code someone else took meanwhile is refused, not overwritten. */
export function toOfficerGroupInput(
  values: OfficerGroupFormValues,
  schemas: SchemaValidator,
  mode: 'create' | 'change',
  t: Translate,
): { code: string; input: OfficerGroupInput } {
  const version = mode === 'create' ? 0 : parseVersion(values.version, t);
  const input = { version, name: values.name, members: splitMembers(values.members) };
  const fields = [...schemas.validate('GroupCode', values.code, '/body/code'), ...schemas.validate('OfficerGroupInput', input, '/body')];
  if (fields.length > 0) throw new FormInputError(t('admin.fix.form'), plainFields(fields, GROUP_HINTS, t));
  return { code: values.code, input };
}

/** Field errors by form key; the service's own messages are already in plain words. */
export function fieldMessages(error: InputError): FieldMessages {
  const messages: FieldMessages = {};
  for (const field of error.fields) {
    const key = fieldKey(field.path) || 'form';
    messages[key] ??= error instanceof FormInputError || error.fields.length > 1 ? field.message : error.message;
  }
  return messages;
}

/** The reassignment page: the new officer, and all waiting at the stage or one application by reference. */
export interface ReassignmentFormValues {
  officerType: string;
  officerRef: string;
  /** `all` waiting at the stage, or `one` application. */
  scope: string;
  reference: string;
}

const REASSIGNMENT_HINTS: Record<string, string> = {
  officer: 'admin.fix.stage.officer',
  'officer.type': 'admin.fix.stage.officer.type',
  'officer.ref': 'admin.fix.stage.officer.ref',
};

export function readReassignmentForm(body: FormBody): ReassignmentFormValues {
  return {
    officerType: text(body, 'officerType'),
    officerRef: text(body, 'officerRef'),
    scope: text(body, 'scope'),
    reference: text(body, 'reference'),
  };
}

export function emptyReassignmentForm(): ReassignmentFormValues {
  return { officerType: 'user', officerRef: '', scope: 'all', reference: '' };
}

/** The officer as the API's ReassignmentInput checks it, and which applications; the reference is looked up by the page. */
export function toReassignmentOfficer(values: ReassignmentFormValues, schemas: SchemaValidator, t: Translate): OfficerInput {
  const officer = { type: values.officerType, ref: values.officerRef };
  const fields = plainFields(schemas.validate('OfficerInput', officer, '/body/officer'), REASSIGNMENT_HINTS, t);
  if (values.scope !== 'all' && values.scope !== 'one') fields.push({ path: '/body/scope', message: t('admin.fix.reassignment.scope') });
  if (values.scope === 'one' && values.reference === '')
    fields.push({ path: '/body/reference', message: t('admin.fix.reassignment.reference') });
  if (fields.length > 0) throw new FormInputError(t('admin.fix.form'), fields);
  return officer as OfficerInput;
}

/** The voucher template form: what was typed, kept as typed so nothing is lost when it is refused. */
export interface VoucherTemplateFormValues {
  title: string;
  beneficiaryInstructions: string;
  providerInstructions: string;
  printedFields: string[];
  language: string;
}

const VOUCHER_TEMPLATE_HINTS: Record<string, string> = {
  title: 'admin.fix.voucher.title',
  'instructions.beneficiary': 'admin.fix.voucher.instructions',
  'instructions.provider': 'admin.fix.voucher.instructions',
  printedFields: 'admin.fix.voucher.printedFields',
  'printedFields.*': 'admin.fix.voucher.printedFields',
  language: 'admin.fix.voucher.language',
};

/** Instructions keep their line breaks; only the ends are trimmed. */
function multiline(body: FormBody, name: string): string {
  return text(body, name).replace(/\r\n/g, '\n');
}

export function readVoucherTemplateForm(body: FormBody): VoucherTemplateFormValues {
  return {
    title: text(body, 'title'),
    beneficiaryInstructions: multiline(body, 'beneficiaryInstructions'),
    providerInstructions: multiline(body, 'providerInstructions'),
    printedFields: texts(body, 'printedFields').filter(Boolean),
    language: text(body, 'language'),
  };
}

export function voucherTemplateFormValues(template: VoucherTemplate): VoucherTemplateFormValues {
  return {
    title: template.title,
    beneficiaryInstructions: template.instructions.beneficiary,
    providerInstructions: template.instructions.provider,
    printedFields: [...template.printedFields],
    language: template.language,
  };
}

export function toVoucherTemplateInput(values: VoucherTemplateFormValues, schemas: SchemaValidator, t: Translate): VoucherTemplateInput {
  const input = {
    ...(values.title ? { title: values.title } : {}),
    instructions: { beneficiary: values.beneficiaryInstructions, provider: values.providerInstructions },
    printedFields: values.printedFields,
    language: values.language,
  };
  check(schemas, 'VoucherTemplateInput', input, VOUCHER_TEMPLATE_HINTS, t);
  return input as VoucherTemplateInput;
}

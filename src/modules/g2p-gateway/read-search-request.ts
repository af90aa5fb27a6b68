/**
 * A DCI `SearchRequest` read into registry searches. A message whose shape breaks the schema (a field missing,
 * a wrong type, a `query_type` the spec does not have) is refused whole (`err.request.bad`); a request of the
 * batch that is well-formed but asks for what this registry cannot answer (an attribute it does not search, a
 * sort it does not keep, a page too large) is rejected alone with the spec's reason code.
 */
import type { Gender, IdType } from '../registry/index.js';
import { isStorableText } from '../../platform/http/storable-values.js';
import { DciRefusal, type SearchReasonCode } from './messages.js';

export type QueryType = 'idtype-value' | 'expression' | 'predicate';
const QUERY_TYPES: readonly QueryType[] = ['idtype-value', 'expression', 'predicate'];

/** What the registry's search takes from one request. */
export interface RegistryCriteria {
  idType?: IdType;
  idValue?: string;
  name?: string;
  region?: string;
  gender?: Gender;
  /** Ages in whole years, both ends included. */
  minAge?: number;
  maxAge?: number;
  bornFrom?: string;
  bornTo?: string;
}

export interface ReadSearch {
  referenceId: string;
  timestamp: string;
  locale?: string;
  entity: 'Member' | 'Group';
  outcome: { criteria: RegistryCriteria; pageSize: number; pageNumber: number } | { reason: SearchReasonCode; detail: string };
}

export interface ReadSearchRequest {
  transactionId: string;
  searches: ReadSearch[];
}

/** DCI identifier type names (ours, and common ones of the samples) → the registry's. */
const ID_TYPES: Record<string, IdType> = {
  NATIONAL_ID: 'NATIONAL_ID',
  NATIONALID: 'NATIONAL_ID',
  UIN: 'NATIONAL_ID',
  NID: 'NATIONAL_ID',
  PASSPORT: 'PASSPORT',
  BIRTH_CERTIFICATE: 'BIRTH_CERTIFICATE',
  BRN: 'BIRTH_CERTIFICATE',
  REFUGEE_ID: 'REFUGEE_ID',
  OTHER: 'OTHER',
};
const GENDERS: Record<string, Gender> = {
  female: 'female',
  f: 'female',
  male: 'male',
  m: 'male',
  other: 'other',
  undisclosed: 'undisclosed',
};
const MAX_BATCH = 10;
const DEEPEST_OFFSET = 1000;
const DEFAULT_PAGE_SIZE = 20;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const TEXT_ID = /^[\x20-\x7e]{1,99}$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function bad(message: string): DciRefusal {
  return new DciRefusal('err.request.bad', message);
}

/** A reason to reject one request, thrown inside its reading and caught by the batch. */
class Rejection extends Error {
  constructor(
    readonly reason: SearchReasonCode,
    message: string,
  ) {
    super(message);
  }
}

interface Condition {
  attribute: string;
  operator: 'eq' | 'lt' | 'le' | 'gt' | 'ge' | 'in';
  value: unknown;
}

/** Text the registry can compare: not empty, not too long, storable (no control characters or lone surrogates). */
function isSearchableText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= 100 && isStorableText(value);
}

function applyCondition(criteria: RegistryCriteria, { attribute, operator, value }: Condition): void {
  const unsupported = () => new Rejection('rjct.search_criteria.invalid', `"${attribute}" with "${operator}" is not searchable here.`);
  switch (attribute.toLowerCase()) {
    case 'sex':
    case 'gender': {
      const gender = typeof value === 'string' ? GENDERS[value.toLowerCase()] : undefined;
      if (operator !== 'eq' || !gender) throw unsupported();
      criteria.gender = gender;
      return;
    }
    case 'region':
    case 'location':
    case 'admin_area': {
      if (operator !== 'eq' || !isSearchableText(value)) throw unsupported();
      criteria.region = value.trim();
      return;
    }
    case 'name':
    case 'given_name':
    case 'surname':
    case 'family_name': {
      if (operator !== 'eq' || !isSearchableText(value)) throw unsupported();
      criteria.name = value.trim();
      return;
    }
    case 'age': {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 200 || operator === 'in') throw unsupported();
      const low = { eq: value, ge: value, gt: value + 1, le: undefined, lt: undefined }[operator];
      const high = { eq: value, le: value, lt: value - 1, ge: undefined, gt: undefined }[operator];
      if (low !== undefined) criteria.minAge = Math.max(criteria.minAge ?? 0, low);
      if (high !== undefined) criteria.maxAge = Math.min(criteria.maxAge ?? 200, high);
      return;
    }
    case 'birth_date':
    case 'dob': {
      if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value)) || operator === 'in') throw unsupported();
      if (operator === 'eq' || operator === 'ge' || operator === 'gt') criteria.bornFrom = operator === 'gt' ? nextDay(value) : value;
      if (operator === 'eq' || operator === 'le' || operator === 'lt') criteria.bornTo = operator === 'lt' ? previousDay(value) : value;
      return;
    }
    default:
      // Programs and application statuses are not registry data: see docs/interoperability.md.
      throw new Rejection('rjct.search_criteria.invalid', `"${attribute}" is not an attribute this registry searches.`);
  }
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
function previousDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

const OPERATORS = ['eq', 'lt', 'le', 'gt', 'ge', 'in'] as const;

function readExpression(value: unknown, where: string): Condition {
  if (!isObject(value)) throw bad(`${where} must be an object.`);
  const { attribute_name: attribute, operator, attribute_value: attributeValue } = value;
  if (typeof attribute !== 'string' || attribute === '') throw bad(`${where}.attribute_name is missing.`);
  if (typeof operator !== 'string' || !(OPERATORS as readonly string[]).includes(operator)) {
    throw bad(`${where}.operator must be one of ${OPERATORS.join(', ')}.`);
  }
  if (attributeValue === undefined) throw bad(`${where}.attribute_value is missing.`);
  return { attribute, operator: operator as Condition['operator'], value: attributeValue };
}

/** `predicate`: a list of `expression1 [condition expression2]`; every part must hold (only `and` is kept). */
function readPredicate(query: unknown, where: string): Condition[] {
  if (!Array.isArray(query) || query.length === 0) throw bad(`${where} must be a non-empty list of predicates.`);
  const conditions: Condition[] = [];
  let onlyAnd = true;
  query.forEach((item, index) => {
    if (!isObject(item)) throw bad(`${where}[${index}] must be an object.`);
    conditions.push(readExpression(item.expression1, `${where}[${index}].expression1`));
    if (item.condition !== undefined && !['and', 'or', 'not'].includes(item.condition as string)) {
      throw bad(`${where}[${index}].condition must be and, or or not.`);
    }
    if (item.condition !== undefined && item.condition !== 'and') onlyAnd = false;
    if (item.expression2 !== undefined) conditions.push(readExpression(item.expression2, `${where}[${index}].expression2`));
  });
  if (!onlyAnd) throw new Rejection('rjct.search_criteria.invalid', 'Only "and" combines predicates here.');
  return conditions;
}

/** `expression`: `{type, value: {expression: {query: {$and: [{attr: {$op: value}}]}}}}` (or one `{attr: {$op: value}}`). */
function readExpressionQuery(query: unknown, where: string): Condition[] {
  if (!isObject(query) || !isObject(query.value)) throw bad(`${where} must be {type, value}.`);
  const expression = isObject(query.value.expression) ? query.value.expression : query.value;
  const root = isObject(expression.query) ? expression.query : expression;
  const parts = Array.isArray(root.$and) ? root.$and : [root];
  const operators: Record<string, Condition['operator']> = {
    $eq: 'eq',
    $lt: 'lt',
    $lte: 'le',
    $le: 'le',
    $gt: 'gt',
    $gte: 'ge',
    $ge: 'ge',
  };
  const conditions: Condition[] = [];
  for (const part of parts) {
    if (!isObject(part)) throw bad(`${where}: each part of the expression must be an object.`);
    for (const [attribute, test] of Object.entries(part)) {
      if (attribute.startsWith('$')) throw new Rejection('rjct.search_criteria.invalid', `"${attribute}" is not supported here; use $and.`);
      const tests = isObject(test) ? Object.entries(test) : [['$eq', test] as const];
      for (const [op, value] of tests) {
        const operator = operators[op];
        if (!operator) throw new Rejection('rjct.search_criteria.invalid', `The operator "${op}" is not supported here.`);
        conditions.push({ attribute, operator, value });
      }
    }
  }
  return conditions;
}

function readIdTypeValue(query: unknown, where: string): RegistryCriteria {
  if (!isObject(query)) throw bad(`${where} must be {type, value}.`);
  const { type, value } = query;
  if (typeof type !== 'string' || type === '') throw bad(`${where}.type is missing.`);
  if (typeof value !== 'string' && typeof value !== 'number') throw bad(`${where}.value must be a string or a number.`);
  const idType = ID_TYPES[type.toUpperCase()];
  if (!idType) throw new Rejection('rjct.search_criteria.invalid', `"${type}" is not an identifier type of this registry.`);
  const idValue = String(value);
  if (!/^[A-Za-z0-9][A-Za-z0-9/-]{1,63}$/.test(idValue))
    throw new Rejection('rjct.search_criteria.invalid', 'The identifier value is not one this registry holds.');
  return { idType, idValue };
}

function readSort(sort: unknown, where: string): void {
  if (sort === undefined) return;
  if (!Array.isArray(sort)) throw bad(`${where} must be a list.`);
  for (const [index, item] of sort.entries()) {
    if (!isObject(item)) throw bad(`${where}[${index}] must be an object.`);
    if (item.sort_order !== undefined && item.sort_order !== 'asc' && item.sort_order !== 'desc') {
      throw bad(`${where}[${index}].sort_order must be asc or desc.`);
    }
  }
  // The registry keeps one order, by family then given name (an index serves it, so pages stay fast).
  const kept = sort.every(
    (item: Json, index) =>
      ['name', 'family_name', 'surname', 'given_name'].includes(String(item.attribute_name)) &&
      (item.sort_order ?? 'asc') === 'asc' &&
      (index > 0 || item.attribute_name !== 'given_name'),
  );
  if (!kept) throw new Rejection('rjct.sort.invalid', 'Results are sorted by family name then given name, ascending, only.');
}

function readPagination(pagination: unknown, where: string, maxPageSize: number): { pageSize: number; pageNumber: number } {
  if (pagination === undefined) return { pageSize: Math.min(DEFAULT_PAGE_SIZE, maxPageSize), pageNumber: 1 };
  if (!isObject(pagination)) throw bad(`${where} must be an object.`);
  const { page_size: pageSize, page_number: pageNumber = 1 } = pagination;
  if (typeof pageSize !== 'number' || typeof pageNumber !== 'number') throw bad(`${where}.page_size and page_number must be numbers.`);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > maxPageSize) {
    throw new Rejection('rjct.pagination.invalid', `page_size must be a whole number from 1 to ${maxPageSize}.`);
  }
  if (!Number.isInteger(pageNumber) || pageNumber < 1 || (pageNumber - 1) * pageSize >= DEEPEST_OFFSET) {
    throw new Rejection('rjct.pagination.invalid', `Pages reach the first ${DEEPEST_OFFSET} matches; narrow the search to go further.`);
  }
  return { pageSize, pageNumber };
}

function readOne(item: unknown, index: number, maxPageSize: number): ReadSearch {
  const where = `message.search_request[${index}]`;
  if (!isObject(item)) throw bad(`${where} must be an object.`);
  const { reference_id: referenceId, timestamp, search_criteria: criteria } = item;
  if (typeof referenceId !== 'string' || !TEXT_ID.test(referenceId))
    throw bad(`${where}.reference_id must be 1 to 99 printable characters.`);
  if (typeof timestamp !== 'string' || !DATE_TIME.test(timestamp))
    throw bad(`${where}.timestamp must be an ISO 8601 date and time with a zone.`);
  if (!isObject(criteria)) throw bad(`${where}.search_criteria is missing.`);
  const queryType = criteria.query_type;
  if (typeof queryType !== 'string' || !(QUERY_TYPES as readonly string[]).includes(queryType)) {
    throw bad(`${where}.search_criteria.query_type must be one of ${QUERY_TYPES.join(', ')}.`);
  }
  if (criteria.query === undefined) throw bad(`${where}.search_criteria.query is missing.`);
  for (const field of ['consent', 'authorize'] as const) {
    if (criteria[field] !== undefined && !isObject(criteria[field])) throw bad(`${where}.search_criteria.${field} must be an object.`);
  }
  const locale = criteria.locale;
  if (locale !== undefined && (typeof locale !== 'string' || !/^[a-z]{3}$/.test(locale))) {
    throw bad(`${where}.search_criteria.locale must be an ISO 639-3 code (three letters).`);
  }
  const entityName = criteria.response_entity ?? 'Member';
  if (entityName !== 'Member' && entityName !== 'Group') throw bad(`${where}.search_criteria.response_entity must be Group or Member.`);
  const base = { referenceId, timestamp, entity: entityName as 'Member' | 'Group', ...(locale ? { locale: locale as string } : {}) };
  try {
    const at = `${where}.search_criteria`;
    let found: RegistryCriteria = {};
    if (queryType === 'idtype-value') found = readIdTypeValue(criteria.query, `${at}.query`);
    else {
      const conditions =
        queryType === 'predicate' ? readPredicate(criteria.query, `${at}.query`) : readExpressionQuery(criteria.query, `${at}.query`);
      for (const condition of conditions) applyCondition(found, condition);
      if (found.minAge !== undefined && found.maxAge !== undefined && found.minAge > found.maxAge) {
        throw new Rejection('rjct.search_criteria.invalid', 'The age range is empty.');
      }
    }
    readSort(criteria.sort, `${at}.sort`);
    const page = readPagination(criteria.pagination, `${at}.pagination`, maxPageSize);
    return { ...base, outcome: { criteria: found, ...page } };
  } catch (error) {
    if (error instanceof Rejection) return { ...base, outcome: { reason: error.reason, detail: error.message } };
    throw error;
  }
}

export function readSearchRequest(message: Json, totalCount: number, maxPageSize: number): ReadSearchRequest {
  const { transaction_id: transactionId, search_request: searches } = message;
  if (typeof transactionId !== 'string' || !TEXT_ID.test(transactionId))
    throw bad('message.transaction_id must be 1 to 99 printable characters.');
  if (!Array.isArray(searches) || searches.length === 0) throw bad('message.search_request must be a non-empty list.');
  if (searches.length > MAX_BATCH) throw bad(`message.search_request holds at most ${MAX_BATCH} requests.`);
  if (searches.length !== totalCount) throw bad('header.total_count must equal the number of requests in message.search_request.');
  const read = searches.map((item, index) => readOne(item, index, maxPageSize));
  const references = new Set(read.map((search) => search.referenceId));
  if (references.size !== read.length) {
    return {
      transactionId,
      searches: read.map((search, index) =>
        read.findIndex((other) => other.referenceId === search.referenceId) === index
          ? search
          : { ...search, outcome: { reason: 'rjct.reference_id.duplicate', detail: 'This reference_id is used twice in the message.' } },
      ),
    };
  }
  return { transactionId, searches: read };
}

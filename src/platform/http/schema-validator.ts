/**
 * Validates data against a schema of the contract outside a request (e.g. a saved draft before it is
 * submitted), with the same rules and the same field-error shape as the request validator: calendar
 * dates, and no text that PostgreSQL cannot store.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';
import type { FieldError } from './errors.js';
import { findUnstorableText, isCalendarDate } from './storable-values.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv,
) => Ajv;

export interface SchemaValidator {
  /** Field errors (empty when valid); paths start with `prefix`, e.g. `/body`. */
  validate(schemaName: string, data: unknown, prefix?: string): FieldError[];
}

function toFieldError(error: ErrorObject, prefix: string): FieldError {
  const missing = error.keyword === 'required' ? `/${String((error.params as { missingProperty?: string }).missingProperty)}` : '';
  const extra =
    error.keyword === 'additionalProperties' ? `/${String((error.params as { additionalProperty?: string }).additionalProperty)}` : '';
  return {
    path: `${prefix}${error.instancePath}${missing}${extra}`,
    message: error.keyword === 'required' ? 'is required' : (error.message ?? 'is not valid'),
  };
}

export function createSchemaValidator(spec: OpenAPIV3.DocumentV3_1): SchemaValidator {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
  addFormats(ajv);
  ajv.addFormat('date', isCalendarDate);
  ajv.addSchema({ $id: 'contract', components: spec.components ?? {} });
  const compiled = new Map<string, ValidateFunction>();
  return {
    validate(schemaName, data, prefix = '') {
      let validate = compiled.get(schemaName);
      if (!validate) {
        validate = ajv.compile({ $ref: `contract#/components/schemas/${schemaName}` });
        compiled.set(schemaName, validate);
      }
      // Text PostgreSQL cannot store is refused as the request validator refuses it (see api-router.ts).
      const unstorable = findUnstorableText(data, prefix);
      return validate(data) ? unstorable : [...unstorable, ...(validate.errors ?? []).map((error) => toFieldError(error, prefix))];
    },
  };
}

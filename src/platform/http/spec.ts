import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';

/** The contract, read once at start; the validator, /openapi.json and the docs page all use this copy. */
export async function loadApiSpec(specPath: string): Promise<OpenAPIV3.DocumentV3_1> {
  return parse(await readFile(specPath, 'utf8')) as OpenAPIV3.DocumentV3_1;
}

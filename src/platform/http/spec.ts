/**
 * The contract is `openapi/openapi.yaml`, which refers to one file per module (`openapi/<module>.yaml`)
 * with ordinary `$ref`s, so any OpenAPI tool reads it whole from disk. Here it is bundled into one
 * document (every external `$ref` pulled into `components` under the name it has in its file) for the
 * validator, /openapi.json, the docs page and the generated types.
 *
 * Two files defining a component of the same name are caught by the lint (`component-name-unique` in
 * redocly.yaml), not here: the bundler may silently keep one of them.
 */
import { bundle, createConfig } from '@redocly/openapi-core';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';

/** The contract cannot be used as it stands: the app does not start. */
export class ContractError extends Error {
  override name = 'ContractError';
}

export async function loadApiSpec(specPath: string): Promise<OpenAPIV3.DocumentV3_1> {
  // An empty configuration: no lint rules (npm run lint runs them), no redocly.yaml, no network.
  const result = await bundle({ ref: specPath, config: await createConfig({}) });
  const errors = result.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) {
    const where = errors.map((problem) => {
      const [location] = problem.location;
      return `${problem.message} at ${location?.source.absoluteRef ?? specPath}${location?.pointer ?? ''}`;
    });
    throw new ContractError(`OpenAPI: ${specPath} cannot be bundled: ${where.join('; ')}`);
  }
  return result.bundle.parsed as OpenAPIV3.DocumentV3_1;
}

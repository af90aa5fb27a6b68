/**
 * The contract is `openapi/openapi.yaml` plus one fragment per module (`openapi/<module>.yaml`, each
 * with `paths` and `components`), listed in the root's `x-fragments`. They are merged into one
 * document here, at start; a path or component defined twice is an error, not a silent overwrite.
 * The validator, /openapi.json, the docs page and the generated types all use the merged document.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';

type Section = Record<string, unknown>;

interface Fragment {
  paths?: Section;
  components?: Record<string, Section | undefined>;
}

function mergeInto(target: Section, source: Section | undefined, where: string): void {
  for (const [key, value] of Object.entries(source ?? {})) {
    if (key in target) throw new Error(`OpenAPI: ${where}.${key} is defined twice`);
    target[key] = value;
  }
}

export async function loadApiSpec(specPath: string): Promise<OpenAPIV3.DocumentV3_1> {
  const root = parse(await readFile(specPath, 'utf8')) as Record<string, unknown> & { 'x-fragments'?: string[] };
  const { 'x-fragments': fragments = [], ...document } = root;
  const paths = { ...(document.paths as Section | undefined) };
  const components = { ...(document.components as Record<string, Section>) };
  for (const name of fragments) {
    const fragment = parse(await readFile(path.join(path.dirname(specPath), name), 'utf8')) as Fragment;
    mergeInto(paths, fragment.paths, `${name}: paths`);
    for (const [kind, entries] of Object.entries(fragment.components ?? {})) {
      components[kind] = { ...components[kind] };
      mergeInto(components[kind], entries, `${name}: components.${kind}`);
    }
  }
  return { ...document, paths, components } as unknown as OpenAPIV3.DocumentV3_1;
}

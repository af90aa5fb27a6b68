/** Generates src/generated/openapi.ts from the contract, bundled into one document as the app loads it. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { PROJECT_ROOT } from '../src/config.js';
import { loadApiSpec } from '../src/platform/http/spec.js';

const out = process.argv[2] ?? path.join(PROJECT_ROOT, 'src', 'generated', 'openapi.ts');
const spec = await loadApiSpec(path.join(PROJECT_ROOT, 'openapi', 'openapi.yaml'));
const ast = await openapiTS(spec as unknown as Parameters<typeof openapiTS>[0]);
const header = '/**\n * Generated from openapi/*.yaml by `npm run openapi:types`. Do not edit by hand.\n */\n\n';
await writeFile(out, header + astToString(ast));
process.stdout.write(`openapi:types: wrote ${path.relative(process.cwd(), out)}\n`);

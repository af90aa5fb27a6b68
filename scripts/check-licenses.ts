/**
 * `npm run lint` part: every installed dependency (package-lock.json's `packages`, nested copies and optional
 * packages for other platforms included) has a licence that is OSI-approved and compatible with Apache-2.0, the
 * project's licence, or an exception below with its reason. `--root <folder>` checks another project (the tests'
 * fixtures) without these exceptions.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ALLOWED_LICENSES } from './licenses/allowed-licenses.js';
import { findLicenseProblems, readInstalledLicenses, type LicenseException } from './licenses/installed-licenses.js';

/** Accepted although the policy refuses the licence, each with the reason; matched by package name and declared licence. */
const LICENSE_EXCEPTIONS: readonly LicenseException[] = [
  {
    name: 'caniuse-lite',
    license: 'CC-BY-4.0',
    reason:
      'Browser support data (not software) read by browserslist inside Babel, which Jest uses to run the tests; ' +
      'a development tool only, never shipped with or run by the service. CC-BY-4.0 asks for attribution, which its package keeps.',
  },
  {
    name: 'argparse',
    license: 'PSF-2.0',
    reason:
      'The Python Software Foundation licence: permissive, and the first part of the OSI-approved Python licence (Python-2.0), ' +
      'though SPDX does not list it as approved on its own. ' +
      'A development dependency only (js-yaml in @readme/openapi-parser, used by the tests).',
  },
  {
    name: 'humanize-number',
    version: '0.0.2',
    license: 'NONE',
    reason:
      'Its package.json names no licence and it has no licence file, but its Readme says "License: MIT". ' +
      'A development dependency only (koa-logger in the S3 test server @20minutes/s3rver).',
  },
  {
    name: 'only',
    version: '0.0.2',
    license: 'NONE',
    reason:
      'Its package.json names no licence and it has no licence file, but its Readme carries the MIT licence text. ' +
      'A development dependency only (koa in the S3 test server @20minutes/s3rver).',
  },
];

const { values } = parseArgs({ options: { root: { type: 'string' } } });
const root = path.resolve(values.root ?? path.join(import.meta.dirname, '..'));
const installed = readInstalledLicenses(root);
// The exceptions are this project's: another project's tree is judged by the policy alone.
const problems = findLicenseProblems(installed, ALLOWED_LICENSES, values.root === undefined ? LICENSE_EXCEPTIONS : []);
if (problems.length > 0) {
  for (const problem of problems) console.error(`${problem.location}: ${problem.message}`);
  console.error(`${problems.length} licence problem${problems.length === 1 ? '' : 's'}`);
  process.exit(1);
}
console.log(`licences: ${installed.length} packages, each OSI-approved and compatible with Apache-2.0 or an explained exception`);

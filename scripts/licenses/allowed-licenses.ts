/**
 * OSI-approved licences (https://opensource.org/licenses) that let Apache-2.0 software use and ship the package:
 * the permissive ones, and MPL-2.0, whose copyleft stays within the package's own files.
 * Not here: GPL, LGPL, AGPL (copyleft over the work that uses them), SSPL and the Commons Clause (not OSI-approved),
 * CC-BY and CC0 (not OSI-approved: software licences only), and anything not written as an SPDX identifier.
 */
export const ALLOWED_LICENSES: ReadonlySet<string> = new Set([
  '0BSD',
  'Apache-2.0',
  'BlueOak-1.0.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'ISC',
  'MIT',
  'MIT-0',
  'MPL-2.0',
  'Python-2.0',
  'Unlicense',
  'Zlib',
]);

/**
 * The licence check (`npm run lint:licenses`) on small projects written to a temporary folder: a lock file and
 * the installed packages it lists, each with the licence under test.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ALLOWED_LICENSES } from '../../../scripts/licenses/allowed-licenses.js';
import { findLicenseProblems, readInstalledLicenses } from '../../../scripts/licenses/installed-licenses.js';

const run = promisify(execFile);
const MIT_TEXT = `MIT License\n\nCopyright (c) 2020 Someone\n\nPermission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal in the Software without restriction.\n`;

interface FixturePackage {
  /** package.json's fields other than name and version. */
  manifest?: Record<string, unknown>;
  files?: Record<string, string>;
  /** Listed in the lock as an optional package for another platform, and not installed. */
  notInstalled?: { license?: string };
}

const projects: string[] = [];

function writeProject(packages: Record<string, FixturePackage>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'iaod-licenses-'));
  projects.push(root);
  const lockPackages: Record<string, unknown> = { '': { name: 'fixture', version: '1.0.0', license: 'Apache-2.0' } };
  for (const [name, pkg] of Object.entries(packages)) {
    const location = `node_modules/${name}`;
    if (pkg.notInstalled) {
      lockPackages[location] = { version: '1.0.0', optional: true, ...pkg.notInstalled };
      continue;
    }
    lockPackages[location] = { version: '1.0.0' };
    mkdirSync(path.join(root, location), { recursive: true });
    writeFileSync(path.join(root, location, 'package.json'), JSON.stringify({ name, version: '1.0.0', ...pkg.manifest }));
    for (const [file, text] of Object.entries(pkg.files ?? {})) writeFileSync(path.join(root, location, file), text);
  }
  writeFileSync(path.join(root, 'package-lock.json'), JSON.stringify({ name: 'fixture', lockfileVersion: 3, packages: lockPackages }));
  return root;
}

/** Runs the real script as `npm run lint:licenses` does, on the fixture instead of this project. */
async function checkLicenses(root: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const script = path.resolve(import.meta.dirname, '../../../scripts/check-licenses.ts');
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', script, '--root', root]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

afterEach(() => {
  for (const root of projects.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('the licence check of the installed dependencies', () => {
  it('fails, naming the package and its licence, on a dependency under a licence that is not OSI-approved', async () => {
    const root = writeProject({ 'left-pad': { manifest: { license: 'MIT' } }, 'db-server': { manifest: { license: 'SSPL-1.0' } } });
    const result = await checkLicenses(root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('node_modules/db-server: db-server@1.0.0: licence "SSPL-1.0"');
    expect(result.stderr).not.toContain('left-pad');
  }, 30_000);

  it('passes when every dependency is under an allowed licence', async () => {
    const root = writeProject({
      'left-pad': { manifest: { license: 'MIT' } },
      dual: { manifest: { license: '(GPL-2.0-only OR Apache-2.0)' } },
    });
    const result = await checkLicenses(root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 packages');
  }, 30_000);

  it('reads the old `licenses` list and `{ type }` object as package.json once wrote them', () => {
    const root = writeProject({
      'old-list': { manifest: { licenses: [{ type: 'GPL-2.0-only' }, { type: 'MIT' }] } },
      'old-object': { manifest: { license: { type: 'ISC', url: 'https://example.org/isc' } } },
    });
    const installed = readInstalledLicenses(root);
    expect(installed.map(({ name, license }) => ({ name, license }))).toEqual([
      { name: 'old-list', license: '(GPL-2.0-only) OR (MIT)' },
      { name: 'old-object', license: 'ISC' },
    ]);
    expect(findLicenseProblems(installed, ALLOWED_LICENSES, [])).toEqual([]);
  });

  it('recognises the licence from the licence file when package.json declares none or points at the file', () => {
    const root = writeProject({
      plain: { files: { 'LICENSE.md': MIT_TEXT } },
      pointer: { manifest: { license: 'SEE LICENSE IN LICENSE' }, files: { LICENSE: MIT_TEXT } },
      silent: { files: { 'README.md': 'Do what you like.' } },
    });
    const installed = readInstalledLicenses(root);
    expect(installed.map(({ name, license, source }) => ({ name, license, source }))).toEqual([
      { name: 'plain', license: 'MIT', source: 'licence file' },
      { name: 'pointer', license: 'MIT', source: 'licence file' },
      { name: 'silent', license: undefined, source: 'licence file' },
    ]);
    expect(findLicenseProblems(installed, ALLOWED_LICENSES, [])).toEqual([
      { location: 'node_modules/silent', message: expect.stringContaining('silent@1.0.0: no licence declared') },
    ]);
  });

  it('judges an optional package for another platform by the licence the lock copied', () => {
    const root = writeProject({ 'native-darwin': { notInstalled: { license: 'AGPL-3.0-only' } } });
    expect(findLicenseProblems(readInstalledLicenses(root), ALLOWED_LICENSES, [])).toEqual([
      { location: 'node_modules/native-darwin', message: expect.stringContaining('licence "AGPL-3.0-only" (from its package-lock.json)') },
    ]);
  });

  it('accepts a refused licence only by an exception for that package and licence, and reports an exception nobody needs', () => {
    const root = writeProject({ data: { manifest: { license: 'CC-BY-4.0' } } });
    const installed = readInstalledLicenses(root);
    const exception = { name: 'data', license: 'CC-BY-4.0', reason: 'data used by a test tool' };
    expect(findLicenseProblems(installed, ALLOWED_LICENSES, [exception])).toEqual([]);
    expect(findLicenseProblems(installed, ALLOWED_LICENSES, [{ ...exception, license: 'CC-BY-3.0' }])).toEqual([
      { location: 'node_modules/data', message: expect.stringContaining('licence "CC-BY-4.0"') },
      {
        location: 'scripts/check-licenses.ts',
        message: expect.stringContaining('the exception for data (CC-BY-3.0) matches no installed package'),
      },
    ]);
  });
});

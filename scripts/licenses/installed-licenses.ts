/**
 * The licence of every installed package, as package-lock.json lists them (`packages`, one entry per folder under
 * node_modules, nested copies included): the `license` of the package's own package.json, the old `licenses`
 * list, or, when it declares none or points at a file ("SEE LICENSE IN …"), the licence recognised from its
 * LICENSE file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluateLicenseExpression } from './license-expression.js';

export interface InstalledLicense {
  /** The folder, as package-lock.json names it (`node_modules/a/node_modules/b`). */
  location: string;
  name: string;
  version: string;
  /** An SPDX expression, or what the package wrote when it is not one; undefined when nothing was found. */
  license: string | undefined;
  /** Where the licence was read: the package's package.json, its licence file, or the lock (an optional package not installed here). */
  source: 'package.json' | 'licence file' | 'package-lock.json';
}

/**
 * A package whose licence we accept although the policy does not, and why: matched by name and by the licence it
 * declares (`NONE`, SPDX's word, when it declares none and its licence file is not recognised), and by version when
 * one is given, so that a new release is judged again.
 */
export interface LicenseException {
  name: string;
  license: string;
  version?: string;
  reason: string;
}

export interface LicenseProblem {
  location: string;
  message: string;
}

interface LockEntry {
  name?: string;
  version?: string;
  license?: string;
  link?: boolean;
  optional?: boolean;
}

interface Manifest {
  name?: string;
  version?: string;
  license?: unknown;
  licenses?: unknown;
}

/** The folder's name after its last `node_modules/`: the package's name when package.json does not say it. */
const nameFromLocation = (location: string) => location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length);

export function readInstalledLicenses(root: string): InstalledLicense[] {
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages?: Record<string, LockEntry> };
  const found: InstalledLicense[] = [];
  for (const [location, entry] of Object.entries(lock.packages ?? {})) {
    // The project itself, and links to folders of the project (workspaces), are not dependencies.
    if (location === '' || entry.link) continue;
    const manifestFile = path.join(root, location, 'package.json');
    if (!existsSync(manifestFile)) {
      // An optional package for another platform (a native binary for macOS, say) is not installed here, but
      // it is a dependency all the same: judge it by the licence npm copied into the lock.
      found.push({
        location,
        name: entry.name ?? nameFromLocation(location),
        version: entry.version ?? '',
        license: entry.license,
        source: 'package-lock.json',
      });
      continue;
    }
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    const declared = declaredLicense(manifest);
    const fromFile = declared === undefined || /^SEE LICEN[CS]E IN /i.test(declared);
    found.push({
      location,
      name: manifest.name ?? entry.name ?? nameFromLocation(location),
      version: manifest.version ?? entry.version ?? '',
      license: fromFile ? recognizeLicenseFile(path.join(root, location)) : declared,
      source: fromFile ? 'licence file' : 'package.json',
    });
  }
  return found;
}

/** `license` as a string or the old `{ type }` object, or the old `licenses` list (any one of them: an OR). */
function declaredLicense(manifest: Manifest): string | undefined {
  const typeOf = (value: unknown): string | undefined =>
    typeof value === 'string' ? value : typeof value === 'object' && value !== null && 'type' in value ? String(value.type) : undefined;
  const license = typeOf(manifest.license);
  if (license) return license;
  if (Array.isArray(manifest.licenses)) {
    const types = manifest.licenses.map(typeOf).filter((type): type is string => Boolean(type));
    if (types.length > 0) return types.length === 1 ? types[0] : types.map((type) => `(${type})`).join(' OR ');
  }
  return undefined;
}

/** Each licence's wording that no other licence of the list shares, in the order they are tried. */
const LICENSE_TEXTS: { id: string; matches: (text: string) => boolean }[] = [
  { id: 'Apache-2.0', matches: (text) => text.includes('apache license') && text.includes('version 2.0, january 2004') },
  { id: 'BlueOak-1.0.0', matches: (text) => text.includes('blue oak model license') },
  { id: 'MIT', matches: (text) => text.includes('permission is hereby granted, free of charge, to any person obtaining a copy') },
  {
    id: 'ISC',
    matches: (text) =>
      text.includes(
        'permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby granted',
      ) && text.includes('provided that the above copyright notice and this permission notice appear in all copies'),
  },
  {
    id: '0BSD',
    matches: (text) =>
      text.includes(
        'permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby granted',
      ),
  },
  {
    id: 'BSD-3-Clause',
    matches: (text) =>
      text.includes('redistribution and use in source and binary forms') && /neither the name of .* nor the names of/.test(text),
  },
  { id: 'BSD-2-Clause', matches: (text) => text.includes('redistribution and use in source and binary forms') },
];

/** The licence of a package's LICENSE / LICENCE / COPYING file, recognised by its wording; undefined when none is recognised. */
export function recognizeLicenseFile(folder: string): string | undefined {
  const files = readdirSync(folder).filter((file) => /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i.test(file));
  for (const file of files) {
    const text = readFileSync(path.join(folder, file), 'utf8').toLowerCase().replace(/\s+/g, ' ');
    const license = LICENSE_TEXTS.find((candidate) => candidate.matches(text));
    if (license) return license.id;
  }
  return undefined;
}

/**
 * Every package whose licence the policy refuses and no exception covers, and every exception that no installed
 * package needs any more (so the list never keeps a reason nobody can check).
 */
export function findLicenseProblems(
  installed: readonly InstalledLicense[],
  allowed: ReadonlySet<string>,
  exceptions: readonly LicenseException[],
): LicenseProblem[] {
  const problems: LicenseProblem[] = [];
  const usedExceptions = new Set<LicenseException>();
  for (const pkg of installed) {
    const label = `${pkg.name}@${pkg.version}`;
    const verdict = pkg.license === undefined ? { allowed: false, refused: [] } : evaluateLicenseExpression(pkg.license, allowed);
    if (verdict.allowed) continue;
    const exception = exceptions.find(
      (candidate) =>
        candidate.name === pkg.name &&
        candidate.license === (pkg.license ?? 'NONE') &&
        (candidate.version === undefined || candidate.version === pkg.version),
    );
    if (exception) {
      usedExceptions.add(exception);
      continue;
    }
    if (pkg.license === undefined) {
      problems.push({
        location: pkg.location,
        message: `${label}: no licence declared in its package.json and none recognised in a licence file`,
      });
      continue;
    }
    problems.push({
      location: pkg.location,
      message:
        `${label}: licence "${pkg.license}" (from its ${pkg.source}) is not allowed: ` +
        `${verdict.refused.join(', ')} is not an OSI-approved licence compatible with Apache-2.0`,
    });
  }
  for (const exception of exceptions) {
    if (!usedExceptions.has(exception)) {
      problems.push({
        location: 'scripts/check-licenses.ts',
        message:
          `the exception for ${exception.name}${exception.version ? `@${exception.version}` : ''} (${exception.license}) ` +
          'matches no installed package that needs it: remove it',
      });
    }
  }
  return problems;
}

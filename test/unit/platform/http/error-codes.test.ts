/**
 * The table of error codes is the one place a code's status, title and explanation live: every entry
 * is complete and specific, every code the source raises or the contract names is in it, and every
 * code in it is raised somewhere.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ERROR_CODES, type ErrorCode } from '../../../../src/platform/http/error-codes.js';
import { problemTypeFor } from '../../../../src/platform/http/problem.js';
import { loadApiSpec } from '../../../../src/platform/http/spec.js';

const CODES = Object.keys(ERROR_CODES) as ErrorCode[];
/** Titles that say only that something failed, which the problem's `status` already says. */
const GENERIC =
  /^(error|forbidden|conflict|not found|bad request|unauthori[sz]ed|unprocessable( entity)?|internal( server)? error|failed)$/i;
/** Codes of errors that stop the process at start and are never answered to a request. */
const STARTUP_CODES = new Set(['ERR_REALM_EXPORT_UNREADABLE', 'ERR_REALM_EXPORT_INVALID']);
/** Codes a library raises that our source reads to translate into one of ours (cborld's missing type table). */
const LIBRARY_CODES = new Set(['ERR_NO_TYPETABLE']);

async function readSources(folder: string, extensions: string[]): Promise<Array<{ file: string; text: string }>> {
  const names = (await readdir(folder, { recursive: true })) as string[];
  const files = names.filter((name) => extensions.some((ext) => name.endsWith(ext))).map((name) => path.join(folder, name));
  return Promise.all(files.map(async (file) => ({ file, text: await readFile(file, 'utf8') })));
}

/** Every object in the contract shaped like a problem document (its examples). */
function problemsIn(value: unknown): Array<{ code: ErrorCode; title: unknown; status: unknown; type: unknown }> {
  if (Array.isArray(value)) return value.flatMap(problemsIn);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = typeof record.code === 'string' && 'title' in record && 'type' in record ? [record as never] : [];
  return [...own, ...Object.values(record).flatMap(problemsIn)];
}

function codesIn(text: string): string[] {
  return [...text.matchAll(/\bERR_[A-Z0-9_]+\b/g)].map((match) => match[0]);
}

describe('the table of error codes', () => {
  it.each(CODES)('gives %s a status, a specific title and an explanation', (code) => {
    const { status, title, explanation } = ERROR_CODES[code];
    expect(Number.isInteger(status) && status >= 400 && status <= 599).toBe(true);
    expect(title).not.toMatch(GENERIC);
    expect(title.split(' ').length).toBeGreaterThanOrEqual(3);
    expect(title).not.toMatch(/\.$/);
    // What happened, then what to do: at least two sentences.
    expect(explanation.match(/[.!?](\s|$)/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(explanation).not.toContain(title);
  });

  it('gives no two codes the same title', () => {
    const titles = CODES.map((code) => ERROR_CODES[code].title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('holds every code the source or the contract names', async () => {
    const sources = [...(await readSources('src', ['.ts'])), ...(await readSources('openapi', ['.yaml']))];
    const named = new Set(
      sources.flatMap(({ text }) => codesIn(text)).filter((code) => !STARTUP_CODES.has(code) && !LIBRARY_CODES.has(code)),
    );
    expect([...named].filter((code) => !(code in ERROR_CODES))).toEqual([]);
  });

  it('holds only codes something raises', async () => {
    // Pages only read codes; the table and the generated types only list them.
    const raising = (await readSources('src', ['.ts'])).filter(
      ({ file }) =>
        !file.startsWith(path.join('src', 'web')) && !file.startsWith(path.join('src', 'generated')) && !file.endsWith('error-codes.ts'),
    );
    const raised = new Set(raising.flatMap(({ text }) => codesIn(text)));
    expect(CODES.filter((code) => !raised.has(code))).toEqual([]);
  });

  it("shows in the contract's examples the title, status and type the table gives each code", async () => {
    const examples = problemsIn(await loadApiSpec(path.join('openapi', 'openapi.yaml')));
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      const { status, title } = ERROR_CODES[example.code];
      expect(example).toMatchObject({ code: example.code, status, title, type: problemTypeFor(example.code) });
    }
  });
});

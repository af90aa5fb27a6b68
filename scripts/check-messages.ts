/**
 * `npm run lint` part: the message catalogs and their use agree.
 * - every key used in a template (`t('…')`) or in the code (`t('…')`, `req.t('…')`) is in the English catalog;
 * - every key of the English catalog is used somewhere (written as a quoted literal in views/ or src/, or under the
 *   prefix of a family built from a value: `portal.${role}.title`, t('status.' + status)), and every
 *   error code's `problem.<CODE>.title` and `.explanation` (English from the table of error codes) counts as used;
 * - every other catalog has exactly the English keys, each message is valid ICU, and uses the same placeholders.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { problemMessages, readCatalog } from '../src/platform/i18n/catalogs.js';
import { PAGE_LANGUAGES, SOURCE_LANGUAGE } from '../src/platform/i18n/languages.js';

const root = path.resolve(import.meta.dirname, '..');
const localesDir = path.join(root, 'locales');
const problems: string[] = [];

function filesUnder(dir: string, extension: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function placeholders(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) placeholders(option.value, into);
    }
  }
  return into;
}

const source = readCatalog(localesDir, SOURCE_LANGUAGE);
const sourceKeys = new Set(Object.keys(source));
const sources = [...filesUnder(path.join(root, 'views'), '.njk'), ...filesUnder(path.join(root, 'src'), '.ts')].map((file) => ({
  file: path.relative(root, file),
  text: readFileSync(file, 'utf8'),
}));

// Keys asked for by a call: t('key') in templates and code.
const call = /\bt\(\s*(['"])([A-Za-z0-9_.-]+)\1/g;
for (const { file, text } of sources) {
  for (const match of text.matchAll(call)) {
    const key = match[2] ?? '';
    // A prefix (`t('ssp.stage.' + state)`) names a family, checked below.
    if (key.endsWith('.')) continue;
    if (!sourceKeys.has(key)) problems.push(`${file}: t('${key}') is not in locales/${SOURCE_LANGUAGE}/`);
  }
}

// The error codes' keys come from their table (src/platform/http/error-codes.ts) and count as used.
const problemKeys = new Set(Object.keys(problemMessages()));

// Families of keys built from a value (`portal.${role}.title` in code, t('status.' + status) in a template): every key
// under the family's prefix counts as used; the tests render each member.
const everything = sources.map(({ text }) => text).join('\n');
const families = new Set<string>();
for (const match of everything.matchAll(/`([A-Za-z0-9_.-]+\.)\$\{/g)) families.add(match[1] ?? '');
for (const match of everything.matchAll(/\bt\(\s*(['"])([A-Za-z0-9_.-]+\.)\1\s*[+~]/g)) families.add(match[2] ?? '');

// Keys used nowhere: not an error code's, not in a family, and not written as a quoted literal anywhere.
for (const key of sourceKeys) {
  if (problemKeys.has(key) || [...families].some((prefix) => key.startsWith(prefix))) continue;
  if (!everything.includes(`'${key}'`) && !everything.includes(`"${key}"`)) {
    problems.push(`locales/${SOURCE_LANGUAGE}/: "${key}" is used nowhere (remove it, or write the key as a literal where it is used)`);
  }
}

for (const language of PAGE_LANGUAGES) {
  const catalog = language === SOURCE_LANGUAGE ? source : readCatalog(localesDir, language);
  for (const key of sourceKeys) {
    if (!Object.hasOwn(catalog, key)) problems.push(`locales/${language}/: "${key}" is missing`);
  }
  for (const [key, message] of Object.entries(catalog)) {
    if (!sourceKeys.has(key)) {
      problems.push(`locales/${language}/: "${key}" is not in locales/${SOURCE_LANGUAGE}/`);
      continue;
    }
    let own: Set<string>;
    try {
      own = placeholders(parse(message, { ignoreTag: true }));
    } catch (error) {
      problems.push(`locales/${language}/: "${key}" is not valid ICU (${(error as Error).message})`);
      continue;
    }
    const expected = placeholders(parse(source[key] ?? '', { ignoreTag: true }));
    const same = own.size === expected.size && [...own].every((name) => expected.has(name));
    if (!same) problems.push(`locales/${language}/: "${key}" uses {${[...own].join(', ')}}, English uses {${[...expected].join(', ')}}`);
  }
}

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  console.error(`${problems.length} message catalog problem${problems.length === 1 ? '' : 's'}`);
  process.exit(1);
}
console.log(`message catalogs: ${sourceKeys.size} keys in ${PAGE_LANGUAGES.join(', ')}, all used and complete`);

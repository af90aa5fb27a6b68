/** The catalogs as the pages use them: ICU plurals per language, English for a key a translation lacks, a clear failure otherwise. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { loadMessages, UnknownMessageError } from '../../../../src/platform/i18n/catalogs.js';

async function localesWith(catalogs: Record<'en' | 'fr' | 'ar', Record<string, string>>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'locales-'));
  for (const [language, catalog] of Object.entries(catalogs)) {
    await mkdir(path.join(dir, language));
    await writeFile(path.join(dir, language, 'pages.json'), JSON.stringify(catalog));
  }
  return dir;
}

describe('message catalogs', () => {
  it("chooses each language's plural form", async () => {
    const files = '{count, plural, =0 {no files} one {# file} other {# files}}';
    const messages = loadMessages(
      await localesWith({
        en: { files },
        fr: { files: '{count, plural, =0 {aucun fichier} one {# fichier} other {# fichiers}}' },
        ar: { files: '{count, plural, =0 {لا ملفات} one {ملف واحد} two {ملفان} few {# ملفات} many {# ملفًا} other {# ملف}}' },
      }),
    );
    expect(messages.translatorFor('en')('files', { count: 1 })).toBe('1 file');
    expect(messages.translatorFor('fr')('files', { count: 0 })).toBe('aucun fichier');
    expect(messages.translatorFor('fr')('files', { count: 1.5 })).toBe('1,5 fichier');
    expect(messages.translatorFor('ar')('files', { count: 2 })).toBe('ملفان');
    expect(messages.translatorFor('ar')('files', { count: 3 })).toMatch(/ملفات$/);
  });

  it('says a key the translation lacks in English, and refuses a key no catalog has', async () => {
    const messages = loadMessages(await localesWith({ en: { only: 'Only in English' }, fr: {}, ar: {} }));
    expect(messages.translatorFor('fr')('only')).toBe('Only in English');
    expect(messages.has('fr', 'only')).toBe(false);
    expect(() => messages.translatorFor('fr')('nowhere')).toThrow(UnknownMessageError);
  });

  it('stops the start on a message that is not valid ICU, naming the file and the key', async () => {
    const dir = await localesWith({ en: { broken: 'Hello {name' }, fr: {}, ar: {} });
    expect(() => loadMessages(dir)).toThrow('locales/en: "broken" is not a valid ICU message');
  });

  it('knows every error code in English from the table of error codes', async () => {
    const messages = loadMessages(await localesWith({ en: {}, fr: {}, ar: {} }));
    expect(messages.translatorFor('en')('problem.ERR_NOT_FOUND.title')).toBe('Nothing found at this address');
  });
});

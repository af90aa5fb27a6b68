/** The pages' language switch reads and writes the person's saved preferences (the same as PUT /me/preferences). */
import { isPageLanguage } from '../../platform/i18n/languages.js';
import type { LanguagePreferences } from '../../platform/web/page-language.js';
import type { AccountsService } from './service.js';

export function createLanguagePreferences(accounts: AccountsService): LanguagePreferences {
  return {
    async read(subject) {
      const saved = await accounts.readPreferences(subject);
      // Never saved (the defaults answer with no date): the browser's language decides, not the default.
      if (saved.updatedAt === null) return undefined;
      return isPageLanguage(saved.language) ? saved.language : undefined;
    },
    async save(principal, language) {
      const current = await accounts.readPreferences(principal.subject);
      await accounts.savePreferences(principal, { language, contactChannel: current.contactChannel });
    },
  };
}

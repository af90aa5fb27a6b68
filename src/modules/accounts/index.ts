export { createAccountHandlers } from './routes.js';
export { createUserPreferences } from './migrations.js';
export { createAccountsService, type AccountsService, type Preferences } from './service.js';
export { createLanguagePreferences } from './language-preference.js';
export { erasePreferences } from './erase-preferences.js';

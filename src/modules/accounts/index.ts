export { createAccountHandlers } from './routes.js';
export { defineAccountModels } from './models.js';
export { createUserPreferences } from './migrations.js';
export { readPreferences, savePreferences, type Preferences } from './service.js';

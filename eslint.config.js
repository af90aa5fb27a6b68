import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// ARCHITECTURE.md, rules of the house: a module reaches another only through its index.ts (or, for code that runs
// in a browser, its browser.ts: docs/decisions.md), and the platform imports no module (app.ts wires them). The
// rule sees import paths, not files, hence one entry per folder depth.
const THROUGH_INDEX = "A module's only door is its index.ts (browser.ts for browser code): import from '<module>/index.js' instead.";
const OTHER_MODULE_FILE = { regex: '(^|/)modules/[^/]+/(?!(index|browser)\\.js$)', message: THROUGH_INDEX };
/** From a file `depth` folders below its module's folder, `../` repeated depth + 1 times is src/modules/. */
const siblingModuleFile = (depth) => ({ regex: `^(\\.\\./){${depth + 1}}(?!\\.)[^/]+/(?!(index|browser)\\.js$)`, message: THROUGH_INDEX });
const restrictImports = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/', 'src/generated/', '.data/', '.cache/', 'coverage/', 'views/assets/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    // Prettier wraps code at 140 columns; this catches what it cannot wrap (long strings and comments).
    rules: { 'max-len': ['error', { code: 140, ignoreUrls: true }] },
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  { files: ['src/**/*.ts'], rules: restrictImports(OTHER_MODULE_FILE) },
  ...[0, 1, 2].map((depth) => ({
    files: [`src/modules/*/${'*/'.repeat(depth)}*.ts`],
    rules: restrictImports(OTHER_MODULE_FILE, siblingModuleFile(depth)),
  })),
  {
    files: ['src/platform/**/*.ts'],
    rules: restrictImports({ regex: '(^|/)modules(/|$)', message: 'The platform imports no module: app.ts passes in what it needs.' }),
  },
  {
    // Jest's global setup/teardown and config files must default-export.
    files: ['test/support/global-*.js', '*.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The scanner page's service worker runs in the worker's global scope.
    files: ['views/scan/service-worker.js'],
    languageOptions: {
      globals: { self: 'readonly', caches: 'readonly', fetch: 'readonly', Request: 'readonly', Response: 'readonly', URL: 'readonly' },
    },
  },
  {
    files: ['**/*.js', 'scripts/**/*.mjs'],
    languageOptions: {
      globals: { window: 'readonly', document: 'readonly', SwaggerUIBundle: 'readonly', process: 'readonly', console: 'readonly' },
    },
  },
);

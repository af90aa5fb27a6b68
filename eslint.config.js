import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
  {
    // Jest's global setup/teardown and config files must default-export.
    files: ['test/support/global-*.js', '*.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.js', 'scripts/**/*.mjs'],
    languageOptions: {
      globals: { window: 'readonly', document: 'readonly', SwaggerUIBundle: 'readonly', process: 'readonly', console: 'readonly' },
    },
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules', '.output', '.wxt', 'artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.tsx'],
    plugins: { 'jsx-a11y': jsxA11y },
    rules: { ...jsxA11y.configs.recommended.rules },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Extension code never writes HTML strings (tests may build fixtures with them).
    files: ['**/*.{ts,tsx}'],
    ignores: ['**/__tests__/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render text with Preact or textContent; never innerHTML.' },
        { property: 'outerHTML', message: 'Never write HTML strings into a page.' },
      ],
    },
  },
  {
    // Browser-side code run by Playwright inside the extension's service worker.
    files: ['e2e/**/*.mjs', 'scripts/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: { globals: { chrome: 'readonly' } },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/__tests__/**'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-globals': ['error', 'document', 'window', 'browser', 'chrome', 'navigator', 'location'],
    },
  },
  // The rooms of the house (README, "How it works"): the pure core imports no extension
  // code, no browser API and no UI; components only render props (no lib/).
  {
    files: ['core/**/*.{ts,tsx}'],
    ignores: ['core/**/__tests__/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+lib(/|$)', message: 'core/ is pure: it may not import lib/.' },
            { regex: '^(\\.\\./)+components(/|$)', message: 'core/ is pure: it may not import components/.' },
            { regex: '^(wxt|preact)(/|$)', message: 'core/ is pure: no wxt, no preact.' },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    ignores: ['components/**/__tests__/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+lib(/|$)', message: 'components/ only render props: no lib/ (types live in core/).' },
          ],
        },
      ],
    },
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', 'test-output/**', 'out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        __filename: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The core must stay host-agnostic: no Node built-ins, no host SDKs.
    files: ['shared/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'node:*',
            'fs',
            'path',
            'os',
            'child_process',
            'exceljs',
            '@microsoft/office-js',
            // Nor the pane: its words live in the core (words/pane.ts), the other way round.
            '**/ui/**',
          ],
        },
      ],
      // The core is pure: no DOM, no Node, no host API; hosts hand it a grid (shared/tsconfig.json checks types too).
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'self',
          'localStorage',
          'fetch',
          'XMLHttpRequest',
          'Worker',
          'process',
          'Buffer',
          'require',
          'module',
          '__dirname',
          '__filename',
          'setImmediate',
          'Office',
          'Excel',
          'SpreadsheetApp',
          'HtmlService',
          'Utilities',
          'Session',
          'google',
        ].map((name) => ({
          name,
          message: 'The core runs in every host: no DOM, Node or host global here.',
        })),
      ],
    },
  },
  {
    // The shared pane may use the DOM, but no host API: each host reaches it only through its Workbook port.
    files: ['shared/ui/**/*.ts'],
    ignores: ['shared/ui/test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'node:*',
            'fs',
            'path',
            'exceljs',
            '@microsoft/office-js',
            '../../addin-excel/*',
            '../../apps-script/*',
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'Office',
        'Excel',
        'OfficeExtension',
        'google',
        'SpreadsheetApp',
        'HtmlService',
      ],
    },
  },
  {
    // The Apps Script server runs in Google's V8 without a page: no DOM, and nothing of Node.
    files: ['apps-script/src/server/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'fetch', 'XMLHttpRequest', 'localStorage'],
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'exceljs', '../sidebar/*'] }],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);

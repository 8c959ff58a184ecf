// ESLint flat config. Prettier owns layout (120 columns); ESLint checks correctness. The rules are the
// recommended sets without type information: the type-checked sets take minutes on this 2-core machine
// and `npm run typecheck` already runs the compiler.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

export default defineConfig(
  { ignores: ['dist/', 'web/dist/', 'data/', '.test-cache/', 'node_modules/', 'test-results/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs,ts,tsx}'],
    rules: {
      // Prettier wraps code at 120 columns but leaves comments alone; keep those readable too.
      'max-len': [
        'error',
        { code: 160, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
      // `_`-prefixed names mark deliberately unused parameters and destructured leftovers.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Server code, tests, benchmarks and scripts run on Node.
    files: ['src/**', 'test/**', 'bench/**', 'scripts/**', 'bin/**', '*.{js,cjs,mjs,ts}', 'web/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // CommonJS config files (dependency-cruiser reads only .cjs).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' }, // CommonJS is what these files are.
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);

// One lint for the whole repo: eslint's recommended rules, typescript-eslint's strict set and its type-aware promise
// and error rules; prettier owns layout.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/', '**/dist/', '**/coverage/', '**/.turbo/'] },
  js.configs.recommended,
  tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node, ...globals.jest } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a parameter an interface requires but this implementation ignores; a rest sibling omits a key.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Labels, extracted fields and log records are plain objects keyed by user-chosen names; deleting one is the operation.
      '@typescript-eslint/no-dynamic-delete': 'off',
      // Log lines carry ANSI escapes and control bytes, and matching them is what those patterns are for.
      'no-control-regex': 'off',
    },
  },
  {
    // Benches, scripts and fixtures in plain JS are CommonJS run by node as they are; require() is their import.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Registries load a component's module only when a config names it, synchronously (import() would make lookups async).
    basePath: 'packages/collector',
    files: ['src/**/registry.ts', 'src/protocols/otlp/proto.ts', 'src/sources/otlp/grpc.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Type-aware rules for the bugs types can see: a promise nobody awaits or catches, a promise where a callback's
    // void is expected, await on a non-promise, a throw or rejection that is not an Error. One program over
    // tsconfig.tests.json (sources and tests; the project service would find only the packages' tsconfigs, which
    // leave tests out, and build one program per package, which was slower).
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.tests.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
    },
  },
  prettier,
);

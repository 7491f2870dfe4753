// One lint for the whole repo: eslint's recommended rules plus typescript-eslint's strict set; prettier owns layout.
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
  prettier,
);

// The project lints itself as the model codebases do: typescript-eslint's type-checked rules and
// this package's own `recommended` config (built first by `npm test`), over the code that ships.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import migrateShareVideo from './dist/src/eslint-plugin/index.js';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'fixtures/',
      'examples/',
      'coverage/',
      '.bench/',
      'test/',
      '*.config.*',
      '.dependency-cruiser.cjs',
      'bin/',
    ],
  },
  {
    files: ['src/**/*.ts', 'transforms/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked, migrateShareVideo.configs.recommended],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    // The detectors and transforms walk two parsers' trees (Babel's through jscodeshift, ESTree
    // through ESLint) with one `Node` type, `{ type: string; [key: string]: any }` (src/detect/ast.ts):
    // a node's fields are `any` by design there. Everywhere else the no-unsafe rules hold.
    files: ['src/detect/**', 'src/codemod/**', 'src/project/**', 'src/eslint-plugin/**', 'transforms/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The contract is the one place that spells the legacy API: its endpoints and event names are
    // the data every rule and transform reads (STYLE.md: "no other file spells a legacy string").
    files: ['src/contract/**'],
    rules: Object.fromEntries(Object.keys(migrateShareVideo.rules).map((id) => [`migrate-share-video/${id}`, 'off'])),
  },
);

/**
 * The ESLint configurations compared on the clean subset, set up as in
 * test/support/measure-eslint-overhead.mjs: the same parsers in all (typescript-eslint for TS,
 * espree with JSX for JS), our plugin's `recommended` config in half of them, and ESLint's cheapest
 * core rule (`no-debugger`) in the `one-rule` pair.
 *
 * Why two pairs: ESLint with no rule at all skips a cost that its first rule of any kind brings.
 * Each rule's context is `Object.create(fileContext)`, and once the file's context is a prototype
 * the young-generation collector keeps it, and the file's AST, tokens and scopes with it, alive
 * until they are promoted (`--trace-gc` over this subset: 2.1-2.5 s of scavenges with no rule,
 * 2.7-2.9 s with `no-debugger` alone, 2.4-3.0 s with our eight rules). No project lints with no rule,
 * so what our plugin adds to a project is the `one-rule` pair; the `baseline` pair is printed too.
 * Configurations without our plugin do not import it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ESLINT_CONFIGS = ['baseline', 'recommended', 'one-rule', 'one-rule-recommended'];

/** Writes `<name>.config.mjs` for each of {@link ESLINT_CONFIGS} into `dir`; returns their paths by name. */
export function writeEslintConfigs(dir, pluginPath) {
  mkdirSync(dir, { recursive: true });
  const importParser = `import tsParser from ${JSON.stringify(import.meta.resolve('@typescript-eslint/parser'))};\n`;
  const importPlugin = `import plugin from ${JSON.stringify(pathToFileURL(pluginPath).href)};\n`;
  const parsers = `
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
  { files: ['**/*.{js,jsx,mjs,cjs}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },`;
  const oneRule = `\n  { rules: { 'no-debugger': 'error' } },`;
  const ours = `\n  plugin.configs.recommended,`;
  const configs = {
    baseline: `${importParser}\nexport default [${parsers}\n];\n`,
    recommended: `${importParser}${importPlugin}\nexport default [${parsers}${ours}\n];\n`,
    'one-rule': `${importParser}\nexport default [${parsers}${oneRule}\n];\n`,
    'one-rule-recommended': `${importParser}${importPlugin}\nexport default [${parsers}${oneRule}${ours}\n];\n`,
  };
  return Object.fromEntries(
    ESLINT_CONFIGS.map((name) => {
      const file = join(dir, `${name}.config.mjs`);
      writeFileSync(file, configs[name]);
      return [name, file];
    }),
  );
}

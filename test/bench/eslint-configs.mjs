/**
 * The two ESLint configurations compared on the clean subset, set up as in
 * test/support/measure-eslint-overhead.mjs: the same parsers in both (typescript-eslint for TS,
 * espree with JSX for JS), and our plugin's `recommended` config in one of them only.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Writes `baseline.config.mjs` and `recommended.config.mjs` into `dir`; returns their paths. */
export function writeEslintConfigs(dir, pluginPath) {
  mkdirSync(dir, { recursive: true });
  const parserUrl = import.meta.resolve('@typescript-eslint/parser');
  const imports =
    `import tsParser from ${JSON.stringify(parserUrl)};\n` +
    `import plugin from ${JSON.stringify(pathToFileURL(pluginPath).href)};\n\n`;
  const parsers = `
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
  { files: ['**/*.{js,jsx,mjs,cjs}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },`;
  const configs = {
    baseline: `${imports}export default [${parsers}\n];\n`,
    recommended: `${imports}export default [${parsers}\n  plugin.configs.recommended,\n];\n`,
  };
  return Object.fromEntries(
    Object.entries(configs).map(([name, text]) => {
      const file = join(dir, `${name}.config.mjs`);
      writeFileSync(file, text);
      return [name, file];
    }),
  );
}

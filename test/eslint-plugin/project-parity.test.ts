import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { analyzeFiles } from '../../src/check/analyze-files.js';
import { SOURCE_EXTENSIONS } from '../../src/detect/source-extensions.js';
import plugin from '../../src/eslint-plugin/index.js';

/**
 * Issue 18: on a whole project, the plugin reports what `--check` reports in JavaScript and
 * TypeScript, place for place, including what only another module shows (an imported constant, an
 * instance's imported base, a config object, an alias). The single-file parity test cannot see this.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const isSource = (file: string) => (SOURCE_EXTENSIONS as readonly string[]).includes(path.extname(file)) && !file.endsWith('.d.ts');
const projects = [
  'examples/legacy-app',
  ...['fixtures/detect', 'fixtures/rename-payload-types'].flatMap((group) =>
    readdirSync(path.join(ROOT, group))
      .map((name) => `${group}/${name}/input`)
      .filter((folder) => existsSync(path.join(ROOT, folder)) && statSync(path.join(ROOT, folder)).isDirectory())
      // A project of Go or PHP files is the text scan's alone: ESLint never reads it.
      .filter((folder) => readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' }).some(isSource)),
  ),
].sort();
const TS = '**/*.{ts,tsx,mts,cts}';
const JS = '**/*.{js,jsx,mjs,cjs}';

const CONFIG: Linter.Config[] = [
  { files: [JS], languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  { files: [TS], languageOptions: { parser: tsParser } },
  { files: [JS, TS], ...plugin.configs.recommended },
];

const key = (item: { file: string; line: number; column: number; ruleId: string }) =>
  `${item.file}:${item.line}:${item.column} ${item.ruleId}`;

async function lintProject(folder: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: folder, overrideConfigFile: true, overrideConfig: CONFIG, ignore: false });
  const results = await eslint.lintFiles(['.']);
  const fatal = results.flatMap((result) => result.messages.filter((message) => message.fatal));
  if (fatal.length > 0) throw new Error(`ESLint could not lint ${folder}: ${fatal[0].message}`);
  return results.flatMap((result) =>
    result.messages.map((message) =>
      key({
        file: path.relative(folder, result.filePath).split(path.sep).join('/'),
        line: message.line,
        column: message.column,
        ruleId: message.ruleId!.replace('migrate-share-video/', ''),
      }),
    ),
  );
}

async function checkProject(folder: string): Promise<string[]> {
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => !name.split(path.sep).includes('node_modules'))
    .map((name) => path.join(folder, name))
    .filter((file) => statSync(file).isFile() && isSource(file));
  const { findings, errors } = await analyzeFiles(files, { cwd: folder });
  expect(errors).toEqual([]);
  return findings.map(key);
}

describe.for(projects)('%s', (project) => {
  it("the plugin's findings are --check's, file, line, column and rule", async () => {
    const folder = path.join(ROOT, project);
    const [linted, checked] = await Promise.all([lintProject(folder), checkProject(folder)]);
    expect(checked.length).toBeGreaterThan(0);
    expect(linted.sort()).toEqual(checked.sort());
  });
});

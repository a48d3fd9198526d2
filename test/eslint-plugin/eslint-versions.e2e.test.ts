import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeFiles } from '../../src/check/analyze-files.js';

/**
 * The plugin on the ESLint people run: 8.57 with `.eslintrc` (the plugin named `migrate-share-video`,
 * so ESLint looks for the package `eslint-plugin-migrate-share-video`) and with a flat config, the
 * latest 9 and 10 with flat configs; typescript-eslint's parser for TypeScript, the default one for
 * JavaScript. On the bundled example, every run reports the same findings.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
// Inside the repository, so that configs resolve the parser and the plugin from its node_modules.
const WORK = path.join(ROOT, 'node_modules/.cache/msv-eslint-versions');
const SOURCE_FILES = ['ts', 'tsx', 'mts', 'cts'];

const ESLINTRC = {
  root: true,
  parserOptions: { ecmaVersion: 2022, sourceType: 'module', ecmaFeatures: { jsx: true } },
  plugins: ['migrate-share-video'],
  extends: ['plugin:migrate-share-video/legacy-recommended'],
  overrides: [{ files: SOURCE_FILES.map((ext) => `*.${ext}`), parser: '@typescript-eslint/parser' }],
};

const FLAT = `import plugin from 'eslint-plugin-migrate-share-video';
import tsParser from '@typescript-eslint/parser';

export default [
  { files: ['**/*.{js,mjs,cjs,jsx}'], languageOptions: { ecmaVersion: 2022, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } } },
  { files: ['**/*.{${SOURCE_FILES.join(',')}}'], languageOptions: { parser: tsParser } },
  { files: ['**/*.{js,mjs,cjs,jsx,${SOURCE_FILES.join(',')}}'], ...plugin.configs.recommended },
];
`;

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly ruleId: string;
}

function lint(bin: string, config: 'eslintrc' | 'flat', cwd: string): Finding[] {
  const args =
    config === 'eslintrc'
      ? ['--no-eslintrc', '-c', '.eslintrc.json', '--resolve-plugins-relative-to', ROOT, '--ext', '.js,.jsx,.mjs,.cjs,.ts,.tsx,.mts,.cts']
      : ['-c', 'eslint.config.mjs'];
  const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', bin, 'bin/eslint.js'), ...args, '-f', 'json', 'src'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ESLINT_USE_FLAT_CONFIG: config === 'flat' ? 'true' : 'false' },
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`${bin} (${config}) exited ${run.status}:\n${run.stderr}`);
  const results = JSON.parse(run.stdout) as {
    filePath: string;
    messages: { line: number; column: number; ruleId: string | null; fatal?: boolean; message: string }[];
  }[];
  const fatal = results.flatMap((result) => result.messages.filter((message) => message.fatal || message.ruleId === null));
  if (fatal.length > 0) throw new Error(`${bin} (${config}) could not lint: ${fatal[0].message}`);
  return results
    .flatMap((result) =>
      result.messages.map((message) => ({
        file: path.relative(cwd, result.filePath),
        line: message.line,
        column: message.column,
        ruleId: message.ruleId!,
      })),
    )
    .sort(byPlace);
}

function byPlace(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

const RUNS = [
  ['ESLint 8.57, .eslintrc', 'eslint-v8', 'eslintrc'],
  ['ESLint 8.57, flat config', 'eslint-v8', 'flat'],
  ['ESLint 9, flat config', 'eslint-v9', 'flat'],
  ['ESLint 10, flat config', 'eslint', 'flat'],
] as const;

describe('the plugin on ESLint 8.57, 9 and 10', () => {
  const found = new Map<string, Finding[]>();

  beforeAll(() => {
    for (const [label, bin, config] of RUNS) {
      const cwd = path.join(WORK, `${bin}-${config}`);
      rmSync(cwd, { recursive: true, force: true });
      mkdirSync(cwd, { recursive: true });
      cpSync(path.join(ROOT, 'examples/legacy-app/src'), path.join(cwd, 'src'), { recursive: true });
      if (config === 'eslintrc') writeFileSync(path.join(cwd, '.eslintrc.json'), JSON.stringify(ESLINTRC, null, 2));
      else writeFileSync(path.join(cwd, 'eslint.config.mjs'), FLAT);
      found.set(label, lint(bin, config, cwd));
    }
  }, 120_000);
  afterAll(() => rmSync(WORK, { recursive: true, force: true }));

  it.for(RUNS.map(([label]) => label))("%s reports --check's findings on the example, place for place", async (label) => {
    const cwd = path.join(ROOT, 'examples/legacy-app');
    const sources = readdirSync(path.join(cwd, 'src'), { recursive: true, encoding: 'utf8' })
      .map((name) => path.join(cwd, 'src', name))
      .filter((file) => /\.[cm]?[jt]sx?$/.test(file));
    const checked = (await analyzeFiles(sources, { cwd })).findings.map(({ file, line, column, ruleId }) => ({
      file: file.split('/').join(path.sep),
      line,
      column,
      ruleId: `migrate-share-video/${ruleId}`,
    }));
    const findings = found.get(label)!;
    expect(findings.length).toBeGreaterThan(0);
    expect(findings).toEqual(checked.sort(byPlace));
  });
});

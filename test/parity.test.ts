import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import type { TransformOptions } from '../src/codemod/step.js';
import { transformSource } from '../src/migrate/transform-source.js';
import plugin from '../src/eslint-plugin/index.js';

/**
 * The plugin and the codemod never disagree (issue 6): on every fixture input, the plugin's
 * findings are exactly the codemod's rewrites plus its TODOs, place for place; on the output, what
 * the plugin still reports is exactly what the codemod left as TODOs, and its TODO comments.
 */
const root = path.resolve(import.meta.dirname, '../fixtures');
const cases = readdirSync(root)
  .filter((transform) => transform !== 'detect' && statSync(path.join(root, transform)).isDirectory())
  .flatMap((transform) => readdirSync(path.join(root, transform)).map((name) => path.join(transform, name)))
  .filter((name) => {
    const folder = path.join(root, name);
    return (
      statSync(folder).isDirectory() &&
      readdirSync(folder).some((file) => file.startsWith('input.')) &&
      !existsSync(path.join(folder, 'known-bug.md'))
    );
  })
  .sort();

const TODO_RULE = 'no-migration-todo';

function lint(text: string, file: string, options: TransformOptions) {
  const linter = new Linter({ configType: 'flat' });
  const rules: Linter.RulesRecord = {
    ...plugin.configs.recommended.rules,
    'migrate-share-video/no-legacy-webhook-event': ['error', { keepLegacyEvents: options.keepLegacyEvents === true }],
  };
  const messages = linter.verify(
    text,
    [
      {
        files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: !/\.(c|m)?ts$/.test(file) } } },
        plugins: plugin.configs.recommended.plugins,
        rules,
        settings: { 'migrate-share-video': { keepLegacyEvents: options.keepLegacyEvents === true } },
      } as Linter.Config,
    ],
    file,
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${file} does not parse for ESLint: ${fatal.message}`);
  return messages.map((message) => ({
    ruleId: message.ruleId!.replace('migrate-share-video/', ''),
    line: message.line,
    column: message.column,
  }));
}

const key = (item: { ruleId: string; line: number; column: number }) => `${item.line}:${item.column} ${item.ruleId}`;

describe.for(cases)('%s', (name) => {
  const folder = path.join(root, name);
  const input = readdirSync(folder).find((file) => file.startsWith('input.'))!;
  const file = path.join(folder, input);
  const options: TransformOptions = existsSync(path.join(folder, 'options.json'))
    ? JSON.parse(readFileSync(path.join(folder, 'options.json'), 'utf8'))
    : {};

  it("lint findings on the input are the codemod's rewrites and TODOs", () => {
    const text = readFileSync(file, 'utf8');
    const findings = lint(text, input, options).filter((f) => f.ruleId !== TODO_RULE);
    const outcomes = transformSource(text, file, options).outcomes.filter((o) => o.ruleId !== TODO_RULE && !o.followUp);
    expect(findings.map(key).sort()).toEqual(outcomes.map(key).sort());
  });

  it('lint findings on the output are its TODOs: the legacy code they keep, and their comments', () => {
    const text = readFileSync(file, 'utf8');
    const first = transformSource(text, file, options);
    const findings = lint(first.output, input, options);
    const todos = first.outcomes.filter((o) => o.action === 'todo' && o.ruleId !== TODO_RULE);
    const legacy = findings.filter((f) => f.ruleId !== TODO_RULE);
    expect(legacy.map((f) => f.ruleId).sort()).toEqual(todos.map((o) => o.ruleId).sort());
    const comments = findings.filter((f) => f.ruleId === TODO_RULE).length;
    const expectedComments = first.outcomes.some((o) => o.action === 'todo');
    expect(comments > 0).toBe(expectedComments);
  });
});

/**
 * docs/todos.md promises a row for every kind of TODO the codemod leaves: what it asks, why the tool
 * cannot decide it, what a person does. The fixtures hold every TODO the codemod writes (each declined
 * case has one), so each TODO in their outputs must find its row (test/support/todo-kinds.mjs says how
 * a TODO finds it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GAP, hasRow, tableKeys } from '../support/todo-kinds.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const MARKER = 'TODO(migrate-share-video):';
const MIN_KEY_WORDS = 4;

function outputFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /(^|\/)output(\/|\.)/.test(join(entry.parentPath, entry.name).slice(dir.length)))
    .map((entry) => join(entry.parentPath, entry.name));
}

function todosOf(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.includes(MARKER))
    .map((line) => line.slice(line.indexOf(MARKER) + MARKER.length).trim());
}

describe('docs/todos.md', () => {
  const keys = tableKeys();

  it('has rows whose first column says enough to be told apart', () => {
    const short = keys.filter((key) => key.filter((word) => word !== GAP).length < MIN_KEY_WORDS);
    expect(short.map((key) => key.join(' '))).toEqual([]);
  });

  it('has a row for every TODO the fixtures show', () => {
    const files = outputFiles(join(ROOT, 'fixtures'));
    const todos = files.flatMap((file) => todosOf(file).map((todo) => ({ file: file.slice(ROOT.length + 1), todo })));
    expect(todos.length).toBeGreaterThan(100);
    const missing = todos.filter(({ todo }) => !hasRow(todo, keys));
    expect(missing.map(({ file, todo }) => `${file}: ${todo.slice(0, 120)}`)).toEqual([]);
  });

  it('tells a TODO of no kind it lists', () => {
    expect(hasRow('the frobnicator cannot be ported, ask someone', keys)).toBe(false);
    expect(hasRow('`share_id` comes from a request that is not migrated yet (see its TODO): migrate it', keys)).toBe(true);
  });
});

/**
 * docs/todos.md promises a row for every kind of TODO the codemod leaves: what it asks, why the tool
 * cannot decide it, what a person does. The fixtures hold every TODO the codemod writes (each declined
 * case has one), so each TODO in their outputs must find its row. A row's first column opens with the
 * TODO's own words, or with the words after one of its colons (`the v1 user info is not rewritten: its
 * URL gains part of its query on some paths only` is a row of its reason). Code, URLs, paths and asides
 * in parentheses vary from site to site and are left out on both sides; a row may skip the words that
 * vary in prose too (`comes from … which is not migrated yet`), and one or several fields make one kind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const MARKER = 'TODO(migrate-share-video):';
/** A row's key: the first words of its first column, enough to tell one kind from another. */
const KEY_WORDS = 8;
const MIN_KEY_WORDS = 4;

/** One field or several: `share_id` comes, `err_code` and `error_msg` come. */
const SINGULAR: Record<string, string> = { are: 'is', come: 'comes', were: 'was', they: 'it' };

/** Words of a text with its variable parts (code spans, quoted names, URLs, paths, asides) taken out. */
function words(text: string): string[] {
  let prose = text;
  // Asides nest once at most ("(or `/share/video/status/`, a path …)").
  for (let pass = 0; pass < 2; pass++) prose = prose.replace(/\([^()]*\)/g, ' ');
  return (
    prose
      // A list of code spans is one: `err_code` and `error_msg`, `title`, `caption`.
      .replace(/`[^`]*`(?:,?\s*(?:and|or)?\s*`[^`]*`)*/g, ' ')
      // Quoted names ('video.upload.failed' and 'post.publish.failed'), not the apostrophe of "body's".
      .replace(/(^|\W)'[^'\s][^']*'(?:,?\s*(?:and|or)?\s*'[^']*')*/g, '$1 ')
      .replace(/\S*\/\S*/g, ' ')
      .replace(/[^a-z0-9]+/gi, ' ')
      .toLowerCase()
      .split(' ')
      .filter(Boolean)
      .map((word) => SINGULAR[word] ?? word)
  );
}

/** Whether the clause opens with the key's first word and has the others in order after it. */
function opensWith(clause: string[], key: string[]): boolean {
  if (clause[0] !== key[0]) return false;
  let at = 1;
  for (const word of key.slice(1)) {
    at = clause.indexOf(word, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

function tableKeys(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| The TODO says') && !line.startsWith('| ---'))
    .map((line) => words(line.slice(2).split(' | ')[0]).slice(0, KEY_WORDS));
}

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
  const keys = tableKeys(readFileSync(join(ROOT, 'docs/todos.md'), 'utf8'));

  it('has rows whose first column says enough to be told apart', () => {
    expect(keys.filter((key) => key.length < MIN_KEY_WORDS).map((key) => key.join(' '))).toEqual([]);
  });

  it('has a row for every TODO the fixtures show', () => {
    const files = outputFiles(join(ROOT, 'fixtures'));
    const todos = files.flatMap((file) => todosOf(file).map((todo) => ({ file: file.slice(ROOT.length + 1), todo })));
    expect(todos.length).toBeGreaterThan(100);
    const missing = todos.filter(({ todo }) => {
      // A clause starts after a colon, or after a comma (`/video/list/, sent by the client …, is the path of`).
      const clauses = todo.split(/(?<=[:,])\s/).map((_, index, parts) => words(parts.slice(index).join(' ')));
      return !keys.some((key) => clauses.some((clause) => opensWith(clause, key)));
    });
    expect(missing.map(({ file, todo }) => `${file}: ${todo.slice(0, 120)}`)).toEqual([]);
  });
});

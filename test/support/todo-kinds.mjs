// The kinds of docs/todos.md, and the row a TODO's text belongs to. A row's first column opens with
// the TODO's own words, or with the words after one of its colons or commas (`the v1 user info is not
// rewritten: its URL gains part of its query on some paths only` is a row of its reason). Code, URLs,
// paths and asides in parentheses vary from site to site and are left out on both sides; where prose
// varies too, the row says `…` (`comes from … not migrated yet`). One field or several make one kind.
// Shared by test/docs/todo-kinds.test.ts (the fixtures) and the corpus harness (real code).
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A row's key: the first words of its first column, enough to tell one kind from another. */
const KEY_WORDS = 8;
/** Where a row's words skip what varies. */
export const GAP = '…';
/** One field or several: `share_id` comes, `err_code` and `error_msg` come. */
const SINGULAR = { are: 'is', come: 'comes', were: 'was', they: 'it' };
export const TODO_TABLE = path.resolve(import.meta.dirname, '../../docs/todos.md');

/** Words of a text with its variable parts (code spans, quoted names, URLs, paths, asides) taken out. */
export function words(text) {
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
      .replace(/…/g, ` ${GAP} `)
      .replace(/[^a-z0-9…]+/gi, ' ')
      .toLowerCase()
      .split(' ')
      .filter(Boolean)
      .map((word) => SINGULAR[word] ?? word)
  );
}

/** The first {@link KEY_WORDS} words of a row, with the gaps among them. */
function keyOf(all) {
  const key = [];
  for (const word of all) {
    if (key.filter((each) => each !== GAP).length === KEY_WORDS) break;
    if (word !== GAP || (key.length > 0 && key.at(-1) !== GAP)) key.push(word);
  }
  return key.at(-1) === GAP ? key.slice(0, -1) : key;
}

/** Whether the clause opens with the key's words, one after another but for the key's gaps. */
function opensWith(clause, key) {
  let at = 0;
  let gap = false;
  for (const word of key) {
    if (word === GAP) {
      gap = true;
      continue;
    }
    const found = gap ? clause.indexOf(word, at) : clause[at] === word ? at : -1;
    if (found < 0) return false;
    at = found + 1;
    gap = false;
  }
  return true;
}

/** The keys of the table's rows (their first columns), in the order written. */
export function tableKeys(markdown = readFileSync(TODO_TABLE, 'utf8')) {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| The TODO says') && !line.startsWith('| ---'))
    .map((line) => keyOf(words(line.slice(2).split(' | ')[0])));
}

/** Whether a TODO's text (after the marker) has a row among `keys`. */
export function hasRow(todo, keys) {
  // A clause starts after a colon, or after a comma (`/video/list/, sent by the client …, is the path of`).
  const clauses = todo.split(/(?<=[:,])\s/).map((_, index, parts) => words(parts.slice(index).join(' ')));
  return keys.some((key) => clauses.some((clause) => opensWith(clause, key)));
}

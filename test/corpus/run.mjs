/**
 * `npm run corpus -- <folder>`: the migration tried on real code as a new user would, every file
 * classified. The folder (real public code: keep it outside this repository) is copied, migrated,
 * checked, and migrated again; nothing in it is changed. Per file: does it still parse, which
 * TypeScript errors did the rewrite add (strict, positions aside), which legacy lines are left with
 * no TODO and no `--check` finding, does a second run change anything, and its TODOs by kind. It finds
 * the broken and the silent; only reading the diffs (`--keep <dir>`) finds the wrong.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import ts from 'typescript';
import { LEGACY_EVENT_RENAMES, PREFILTER_MARKERS } from '../../dist/src/contract/index.js';
import { parseModule } from '../../dist/src/detect/parse.js';
import { TODO_MARKER } from '../../dist/src/detect/migration-todos.js';
import { hasRow, tableKeys } from '../support/todo-kinds.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'bin/migrate-share-video.cjs');
const CODE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const TYPESCRIPT = /\.(?:[cm]?ts|tsx)$/;
// Markers of files that may hold a finding, not of legacy lines: the v2 host, `fail_reason` (its status
// fetch's field), and `client_key=`, which v2's authorize and token requests send too.
const LEGACY = PREFILTER_MARKERS.filter((marker) => !marker.includes('tiktokapis') && marker !== 'client_key=' && marker !== 'fail_reason');
const TODO_KINDS = tableKeys();
/**
 * TODO kinds that change nothing at run time: a caption the legacy upload never used, and a field
 * neither API ever sent (always undefined), and a link to the post built from the upload's id (it never
 * opened a video, before or after). The invariants keep them (no value dropped without a TODO
 * naming it), so a file left with these alone works on the new API; it is counted apart from
 * "fully migrated" and never inside it.
 */
const NOTE_ONLY = [
  /^the legacy body's .* (is|are) no longer sent: the Share Video upload took the video alone and never used/,
  /^`[^`]+`(,? (and )?`[^`]+`)* (is|are) (?:sent|answered) by neither the Share Video nor the Content Posting API/,
  /^`[^`]+`(,? (and )?`[^`]+`)* (is|are) never sent: see the TODO above/,
  /^this link to the post is built from `publish_id` \(the Share Video `share_id` before\), which names the upload, not the post: it never opened a video/,
];
/**
 * TODO kinds that say the legacy code they stand on never worked, even before the shutdown: a path the
 * retired host never served (a publish or init step, `/share/video/status/`), an event TikTok never
 * sends, a JSON body (init-shaped, or with no video) or an empty form sent to the multipart upload, a
 * token the upload never read. What that code meant is for a person to say, so such a file is never
 * fully migrated; the summary counts them, so that the share of files whose legacy code worked can be told.
 */
const NEVER_WORKED = [
  /never worked/,
  /never served/,
  /TikTok never sends/,
  /which never had it/,
  /had no (?:publish|init) step/,
  /shaped like the Content Posting init already/,
  /its JSON body sends .* neither the video's bytes nor a `video_url`/,
];
const neverWorked = (message) => NEVER_WORKED.some((pattern) => pattern.test(message));
const isNote = (message) => NOTE_ONLY.some((pattern) => pattern.test(message.replace(/^Migration left to do:\s*/, '')));
/**
 * A legacy line counts as marked when a finding or a TODO stands this near: a finding is reported
 * where the value is used (a URL built on one line, sent a few lines on), a TODO above the statement.
 */
const REACH_ABOVE = 12;
/** A file with upload or webhook code: its code (comments aside) names the Share Video upload or a legacy webhook event. */
const UPLOAD_OR_WEBHOOK = /share\/video\/upload|video\.upload\.failed|video\.publish\.complete/;
const REACH_BELOW = 4;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { keep: { type: 'string' }, json: { type: 'string' }, quiet: { type: 'boolean' }, reviewed: { type: 'string' } },
});
if (positionals.length !== 1) {
  console.error('usage: npm run corpus -- <folder> [--keep <dir>] [--json <file>] [--quiet] [--reviewed <tsv>]');
  process.exit(2);
}
const source = resolve(positionals[0]);
/**
 * `--reviewed <tsv>`: lines the silent check flags that a reader looked at after the migration and
 * found to be no legacy code (`file<TAB>text on the line<TAB>why`: the app's own label that says
 * `share_id`, a scope named in prose). Kept with the corpus; the summary says how many it set aside.
 */
const reviewed = values.reviewed
  ? readFileSync(values.reviewed, 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'))
      .map((line) => line.split('\t'))
  : [];
let setAside = 0;
const work = values.keep ? resolve(values.keep) : mkdtempSync(join(tmpdir(), 'msv-corpus-'));
const [before, after, again] = ['before', 'after', 'again'].map((name) => join(work, name));
for (const dir of [before, after, again]) rmSync(dir, { recursive: true, force: true });
cpSync(source, before, { recursive: true });
cpSync(source, after, { recursive: true });

const files = walk(before).map((file) => relative(before, file));
const code = files.filter((file) => CODE.test(file) && !file.endsWith('.d.ts'));

// Each top-level folder is one repository, migrated on its own as its team would run it: what the
// run decides for the whole app (does it upload?) must not leak from one repository to another.
const migration = runPerRepository(['.', '--allow-dirty', '--format', 'json', '--workers', '1'], after);
cpSync(after, again, { recursive: true });
const second = runPerRepository(['.', '--allow-dirty', '--format', 'json', '--workers', '1'], again);
const check = run(['--check', '.', '--format', 'json'], after);
const checkBefore = run(['--check', '.', '--format', 'json'], before);

const errorsBefore = typeErrors(before);
const errorsAfter = typeErrors(after);
const findingsAfter = groupBy(check.findings, (finding) => finding.file);
const findingsBefore = groupBy(checkBefore.findings, (finding) => finding.file);
const todos = groupBy(migration.todos, (todo) => todo.file);
const changed = new Map(migration.changes.map((change) => [change.file, change]));
const changedAgain = new Set(second.changes.map((change) => change.file));
const runErrors = new Map(migration.errors.map((error) => [error.file, error.reason]));

const rows = files.map((file) => {
  const isCode = code.includes(file);
  const textBefore = readFileSync(join(before, file), 'utf8');
  const textAfter = readFileSync(join(after, file), 'utf8');
  const row = {
    file,
    findingsBefore: (findingsBefore.get(file) ?? []).length,
    changed: textBefore !== textAfter,
    sitesRewritten: changed.get(file)?.sitesRewritten ?? 0,
    todos: (todos.get(file) ?? []).length,
    findingsAfter: (findingsAfter.get(file) ?? []).filter((finding) => finding.ruleId !== 'no-migration-todo').length,
    runError: runErrors.get(file),
    broken: isCode && parses(textBefore, file) && !parses(textAfter, file),
    // One more of an error the input already has (`Property 'redirectUri' does not exist on type 'Config'`,
    // where the type extends one of a module the corpus lacks): the rewrite reused an expression the
    // file itself writes, which fails here only for the missing module. Counted apart, not hidden.
    typeErrorsAdded: TYPESCRIPT.test(file)
      ? added(errorsBefore.get(file) ?? [], errorsAfter.get(file) ?? []).filter((error) => !(errorsBefore.get(file) ?? []).includes(error))
      : [],
    typeErrorsRepeated: TYPESCRIPT.test(file)
      ? added(errorsBefore.get(file) ?? [], errorsAfter.get(file) ?? []).filter((error) => (errorsBefore.get(file) ?? []).includes(error))
      : [],
    silent: silentLegacy(textAfter, findingsAfter.get(file) ?? [], isCode ? file : undefined).filter((line) => {
      const text = textAfter.split(/\r?\n/)[line - 1];
      const seen = reviewed.some(([where, snippet]) => where === file && text.includes(snippet));
      if (seen) setAside++;
      return !seen;
    }),
    secondRunChanges: changedAgain.has(file),
    uploadOrWebhook: isCode && UPLOAD_OR_WEBHOOK.test(withoutComments(textBefore, file)),
    // TODO comments whose kind docs/todos.md does not list (the issue: each TODO a kind of the table).
    todosWithoutRow: textAfter
      .split(/\r?\n/)
      .filter((line) => line.includes(TODO_MARKER))
      .map((line) =>
        line
          .slice(line.indexOf(TODO_MARKER) + TODO_MARKER.length)
          .replace(/^:\s*/, '')
          .trim(),
      )
      .filter((todo) => !hasRow(todo, TODO_KINDS)),
  };
  row.outcome = outcome(row);
  // Not fully migrated, but what is left are notes only (NOTE_ONLY): the file works on the new API.
  row.notesOnly =
    row.outcome !== 'fully migrated' &&
    row.todos > 0 &&
    (todos.get(file) ?? []).every((todo) => isNote(todo.message)) &&
    (findingsAfter.get(file) ?? []).every((finding) => isNote(finding.message));
  row.neverWorked = [...(todos.get(file) ?? []), ...(findingsAfter.get(file) ?? [])].some((site) => neverWorked(site.message));
  // The target counts files with live legacy code: a test that names a legacy event as an unknown one
  // (nothing reported, nothing silent) is not one.
  if (row.outcome === 'no legacy code') row.uploadOrWebhook = false;
  return row;
});

const count = (predicate) => rows.filter(predicate).length;
const todosWithoutRow = rows.flatMap((row) => row.todosWithoutRow.map((todo) => `${row.file}: ${todo.slice(0, 160)}`));
const outcomes = {};
for (const row of rows) outcomes[row.outcome] = (outcomes[row.outcome] ?? 0) + 1;
const kindOf = (todo) =>
  `${todo.ruleId}: ${todo.message
    .replace(/`[^`]*`/g, '…')
    .replace(/https?:\/\/\S+/g, '<url>')
    .slice(0, 80)}`;
const todoKinds = {};
for (const todo of migration.todos) todoKinds[kindOf(todo)] = (todoKinds[kindOf(todo)] ?? 0) + 1;
// What keeps each upload or webhook file from "fully migrated": its TODO kinds, counted once a file.
const uploadOrWebhookLeft = {};
for (const row of rows.filter((r) => r.uploadOrWebhook && r.outcome !== 'fully migrated')) {
  const kinds = new Set((todos.get(row.file) ?? []).map(kindOf));
  if (kinds.size === 0) kinds.add(`(no TODO: ${row.outcome}, ${row.findingsAfter} findings left)`);
  for (const kind of kinds) uploadOrWebhookLeft[kind] = (uploadOrWebhookLeft[kind] ?? 0) + 1;
}
const summary = {
  files: files.length,
  codeFiles: code.length,
  findingsBefore: checkBefore.findings.length,
  findingsAfter: check.findings.length,
  outcomes,
  broken: count((row) => row.broken),
  typeErrorsAdded: count((row) => row.typeErrorsAdded.length > 0),
  typeErrorsRepeated: count((row) => row.typeErrorsRepeated.length > 0),
  silent: count((row) => row.silent.length > 0),
  notIdempotent: count((row) => row.secondRunChanges),
  runErrors: migration.errors.length,
  sitesRewritten: migration.summary.sitesRewritten,
  todos: migration.todos.length,
  // The issue's third target: of the code files with upload or webhook code, how many end fully migrated.
  uploadOrWebhookFiles: count((row) => row.uploadOrWebhook),
  uploadOrWebhookFullyMigrated: count((row) => row.uploadOrWebhook && row.outcome === 'fully migrated'),
  uploadOrWebhookNotesOnly: count((row) => row.uploadOrWebhook && row.notesOnly),
  // Of those, the files some of whose legacy code never worked (NEVER_WORKED): the rest had a working legacy flow.
  uploadOrWebhookNeverWorked: count((row) => row.uploadOrWebhook && row.neverWorked),
  silentLinesReviewedAsNotLegacy: setAside,
  todosWithoutRow: todosWithoutRow.length,
};

if (!values.quiet) {
  for (const row of rows.filter((r) => r.outcome !== 'no legacy code')) {
    const flags = [
      row.broken && 'BROKEN',
      row.typeErrorsAdded.length && `TYPE ERRORS ADDED: ${row.typeErrorsAdded.join(' | ')}`,
      row.typeErrorsRepeated.length && `one more of a type error the input has: ${row.typeErrorsRepeated.join(' | ')}`,
      row.silent.length && `SILENT at lines ${row.silent.join(', ')}`,
      row.secondRunChanges && 'SECOND RUN CHANGES IT',
      row.runError && `ERROR: ${row.runError}`,
    ].filter(Boolean);
    console.log(
      `${row.outcome.padEnd(24)} ${row.file}  rewritten ${row.sitesRewritten}, TODOs ${row.todos}${flags.length ? `  ${flags.join('; ')}` : ''}`,
    );
  }
  console.log('\nUpload or webhook files not fully migrated, by the TODO kinds they keep:');
  for (const [kind, n] of Object.entries(uploadOrWebhookLeft).sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(4)}  ${kind}`);
  if (todosWithoutRow.length > 0) console.log(`\nTODOs of no kind docs/todos.md lists:\n  ${todosWithoutRow.join('\n  ')}`);
  console.log('\nTODOs by kind:');
  for (const [kind, n] of Object.entries(todoKinds).sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(4)}  ${kind}`);
}
console.log('\nsummary:', JSON.stringify(summary, null, 2));
console.log(`copies (before/after/again) in ${work}${values.keep ? '' : ' (removed; --keep <dir> keeps them)'}`);
if (values.json) writeFileSync(values.json, JSON.stringify({ summary, todoKinds, uploadOrWebhookLeft, rows }, null, 2));
if (!values.keep) rmSync(work, { recursive: true, force: true });

function outcome(row) {
  if (row.runError) return 'not rewritten (error)';
  if (row.broken || row.typeErrorsAdded.length) return 'BROKEN';
  if (row.silent.length) return 'SILENT';
  if (row.findingsBefore === 0) return 'no legacy code';
  if (row.todos === 0 && row.findingsAfter === 0) return 'fully migrated';
  if (row.sitesRewritten > 0) return 'partly migrated';
  return 'marked, nothing rewritten';
}

function run(args, cwd) {
  const child = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (child.status === 2 && !child.stdout.trim()) throw new Error(`migrate-share-video ${args.join(' ')} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout);
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function groupBy(items, key) {
  const groups = new Map();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/**
 * The code of a file with its comments blanked: the issue's third target counts files with *live*
 * upload or webhook code, and a list of events in a comment (a TODO, a doc block) is none.
 */
function withoutComments(text, file) {
  let comments;
  try {
    comments = parseModule(text, file).comments ?? [];
  } catch {
    return text;
  }
  let live = text;
  for (const comment of comments) live = live.slice(0, comment.start) + ' '.repeat(comment.end - comment.start) + live.slice(comment.end);
  return live;
}

function parses(text, file) {
  try {
    parseModule(text, file);
    return true;
  } catch {
    return false;
  }
}

/** Each TypeScript file's errors under strict mode, as `TS<code>: message` (positions aside). */
function typeErrors(root) {
  const names = code.filter((file) => TYPESCRIPT.test(file)).map((file) => join(root, file));
  const program = ts.createProgram(names, {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.Preserve,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    // What a real project has installed: Node's types and the HTTP clients, from this repository.
    typeRoots: [join(ROOT, 'node_modules/@types')],
    types: ['node'],
    baseUrl: ROOT,
    paths: { '*': ['node_modules/*', 'node_modules/@types/*'] },
  });
  const errors = new Map();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    if (!diagnostic.file) continue;
    const file = relative(root, diagnostic.file.fileName);
    // The head of the message only: its elaboration names whichever member of a union TypeScript
    // happened to try, which other files of the program sway (`FormData` or `URLSearchParams`).
    const head = typeof diagnostic.messageText === 'string' ? diagnostic.messageText : diagnostic.messageText.messageText;
    const text = `TS${diagnostic.code}: ${head}`;
    errors.set(file, [...(errors.get(file) ?? []), text]);
  }
  return errors;
}

/** What `after` has more of than `before`, as a multiset. */
function added(beforeErrors, afterErrors) {
  const left = new Map();
  for (const error of beforeErrors) left.set(error, (left.get(error) ?? 0) + 1);
  return afterErrors.filter((error) => {
    const n = left.get(error) ?? 0;
    if (n > 0) left.set(error, n - 1);
    return n === 0;
  });
}

/** Lines of code (not comments) holding a legacy marker with no finding and no TODO near them. */
/** The rewrite run in each top-level folder, its JSON reports joined, paths from the root. */
function runPerRepository(args, root) {
  const joined = { todos: [], changes: [], errors: [], summary: { sitesRewritten: 0 } };
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const report = run(args, join(root, entry.name));
    for (const key of Object.keys(joined))
      if (Array.isArray(joined[key]))
        joined[key].push(...(report[key] ?? []).map((item) => ({ ...item, file: `${entry.name}/${item.file}` })));
    joined.summary.sitesRewritten += report.summary?.sitesRewritten ?? 0;
  }
  return joined;
}

function silentLegacy(text, findings, codeFile) {
  const lines = text.split(/\r?\n/);
  const inComment = commentLines(text, codeFile);
  const near = (number, lineNumbers) => lineNumbers.some((line) => line >= number - REACH_ABOVE && line <= number + REACH_BELOW);
  const flagged = findings.map((finding) => finding.line);
  const todoLines = lines.flatMap((line, index) => (line.includes(TODO_MARKER) ? [index + 1] : []));
  const silent = [];
  lines.forEach((line, index) => {
    const number = index + 1;
    if (inComment.has(number) || /^\s*(#|\/\/)/.test(line) || !LEGACY.some((marker) => line.includes(marker))) return;
    if (near(number, flagged) || near(number, todoLines)) return;
    // A legacy event kept on purpose, its Content Posting name written beside it (a lookup table of
    // stored rows, the keep-legacy-events option): a twin on the line next to it.
    const twins = Object.entries(LEGACY_EVENT_RENAMES).filter(([legacy]) => line.includes(`'${legacy}'`) || line.includes(`"${legacy}"`));
    if (twins.length > 0 && twins.every(([, renamed]) => [lines[index - 1], lines[index + 1]].some((other) => other?.includes(renamed))))
      return;
    // A URL held in a variable is reported where the request or redirect uses it, often further on:
    // a finding that names the same URL marks it.
    const urls = line.match(/https?:\/\/[^'"`\\\s?$]+/g) ?? [];
    if (urls.some((url) => findings.some((finding) => finding.message.includes(url)))) return;
    silent.push(number);
  });
  return silent;
}

/** The lines a JavaScript or TypeScript file's comments cover wholly (a commented-out call is not live). */
function commentLines(text, codeFile) {
  const lines = new Set();
  if (!codeFile) return lines;
  let ast;
  try {
    ast = parseModule(text, codeFile);
  } catch {
    return lines;
  }
  for (const comment of ast.comments ?? []) for (let line = comment.loc.start.line; line <= comment.loc.end.line; line++) lines.add(line);
  return lines;
}

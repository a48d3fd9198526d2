import picocolors from 'picocolors';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_TROUBLE } from './exit-status.js';
import type { FileError } from '../files/file-errors.js';
import type { Finding } from '../detect/finding.js';
import { plural } from './check-report.js';

/** A file the rewrite changed, or would change under `--dry-run`. */
export interface FileChange {
  /** Relative to the working folder, forward slashes. */
  readonly file: string;
  readonly sitesRewritten: number;
  readonly todos: number;
  /** Under `--dry-run`: the unified diff, secrets masked. */
  readonly diff?: string;
}

/**
 * Something a person must still do:
 * - `todo`: the codemod left a `TODO(migrate-share-video)` comment in a JavaScript or TypeScript file;
 * - `port-by-hand`: legacy usage in a file that is never rewritten (Python, YAML, Markdown, .env …).
 */
export interface Todo {
  readonly kind: 'todo' | 'port-by-hand';
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly ruleId: string;
  readonly message: string;
}

/** One rewrite run, as every format prints it. */
export interface RewriteReport {
  readonly dryRun: boolean;
  /** Sorted by file. */
  readonly changes: readonly FileChange[];
  /** Sorted by kind (TODOs in code first), file, line, column. */
  readonly todos: readonly Todo[];
  /** Remarks of the codemod (events the new API adds …), each once, sorted: workers finish in any order. */
  readonly notes: readonly string[];
  /** Files and folders that could not be read, parsed, rewritten or written. */
  readonly errors: readonly FileError[];
  readonly filesScanned: number;
  readonly filesAnalyzed: number;
  readonly durationMs: number;
  readonly version: string;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function compareTodos(a: Todo, b: Todo): number {
  return byText(a.kind, b.kind) || byText(a.file, b.file) || a.line - b.line || a.column - b.column || byText(a.ruleId, b.ruleId);
}

export function todoFromFinding(finding: Finding): Todo {
  const { file, line, column, ruleId, message } = finding;
  return { kind: 'port-by-hand', file, line, column, ruleId, message };
}

export function sitesRewritten(report: RewriteReport): number {
  return report.changes.reduce((sum, change) => sum + change.sitesRewritten, 0);
}

/** 0 all rewritten, 1 TODOs or files to port by hand left, 2 errors. */
export function exitStatus(report: RewriteReport): number {
  if (report.errors.length > 0) return EXIT_TROUBLE;
  return report.todos.length > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}

type Colors = ReturnType<typeof picocolors.createColors>;

function todoLines(title: string, todos: readonly Todo[], c: Colors): string[] {
  if (todos.length === 0) return [];
  return [
    c.bold(`${title} (${todos.length}):`),
    ...todos.map((todo) => `  ${c.bold(`${todo.file}:${todo.line}:${todo.column}`)}  ${todo.message}  ${c.dim(todo.ruleId)}`),
    '',
  ];
}

function summaryLine(report: RewriteReport): string {
  const changed = report.dryRun ? `${report.changes.length} would change (dry run: nothing written)` : `${report.changes.length} changed`;
  const seconds = (report.durationMs / 1000).toFixed(2);
  return `${plural(report.filesScanned, 'file')} scanned, ${changed}, ${plural(sitesRewritten(report), 'site')} rewritten, ${plural(report.todos.length, 'TODO')} left, ${plural(report.errors.length, 'error')}, in ${seconds} s.`;
}

/** Colours a unified diff for a terminal: headers bold, removals red, additions green. */
export function colorDiff(diff: string, color: boolean): string {
  if (!color) return diff;
  const c = picocolors.createColors(true);
  return diff
    .split('\n')
    .map((line) => {
      if (line.startsWith('--- ') || line.startsWith('+++ ')) return c.bold(line);
      if (line.startsWith('@@')) return c.cyan(line);
      if (line.startsWith('-')) return c.red(line);
      if (line.startsWith('+')) return c.green(line);
      return line;
    })
    .join('\n');
}

/**
 * The files changed, what is left for a person (`file:line:column  message  rule`), the codemod's
 * notes, the errors, and one summary line. Diffs are printed before it, by the caller.
 */
export function formatRewriteText(report: RewriteReport, options: { readonly color: boolean }): string {
  const c = picocolors.createColors(options.color);
  const lines: string[] = [];
  if (report.changes.length > 0) {
    lines.push(c.bold(`${report.dryRun ? 'Would change' : 'Changed'} (${plural(report.changes.length, 'file')}):`));
    const width = Math.max(...report.changes.map((change) => change.file.length));
    for (const change of report.changes) {
      const todos = change.todos > 0 ? `, ${c.yellow(plural(change.todos, 'TODO'))}` : '';
      lines.push(`  ${change.file.padEnd(width)}  ${plural(change.sitesRewritten, 'site')} rewritten${todos}`);
    }
    lines.push('');
  }
  lines.push(
    ...todoLines(
      'TODOs left in the code',
      report.todos.filter((todo) => todo.kind === 'todo'),
      c,
    ),
  );
  lines.push(
    ...todoLines(
      'To port by hand (not JavaScript, minified, or not parsable: never rewritten)',
      report.todos.filter((todo) => todo.kind === 'port-by-hand'),
      c,
    ),
  );
  if (report.notes.length > 0) lines.push(c.bold('Notes:'), ...report.notes.map((note) => `  - ${note}`), '');
  if (report.errors.length > 0) {
    lines.push(
      c.red(c.bold(`Not rewritten (${plural(report.errors.length, 'error')}):`)),
      ...report.errors.map(({ file, reason }) => `  ${file}: ${reason}`),
      '',
    );
  }
  const summary = summaryLine(report);
  const status = exitStatus(report);
  lines.push(status === 2 ? c.red(summary) : status === 1 ? c.yellow(summary) : c.green(summary));
  return `${lines.join('\n')}\n`;
}

/** `{ changes, todos, notes, errors, summary, version }`; field order fixed so reports diff cleanly. */
export function formatRewriteJson(report: RewriteReport): string {
  const output = {
    changes: report.changes.map(({ file, sitesRewritten: rewritten, todos, diff }) => ({
      file,
      sitesRewritten: rewritten,
      todos,
      ...(diff === undefined ? {} : { diff }),
    })),
    todos: report.todos.map(({ kind, file, line, column, ruleId, message }) => ({ kind, file, line, column, ruleId, message })),
    notes: report.notes,
    errors: report.errors.map(({ file, reason }) => ({ file, reason })),
    summary: {
      dryRun: report.dryRun,
      filesScanned: report.filesScanned,
      filesAnalyzed: report.filesAnalyzed,
      filesChanged: report.changes.length,
      sitesRewritten: sitesRewritten(report),
      todosLeft: report.todos.length,
      errors: report.errors.length,
      durationMs: Math.round(report.durationMs),
    },
    version: report.version,
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}

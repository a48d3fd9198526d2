import { nowMs } from '../report/clock.js';
import { existsSync } from 'node:fs';
import type { CliIo } from '../report/io.js';
import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileError } from '../files/file-errors.js';
import { loadProject, startPrefilter } from '../load/load-project.js';
import type { PrefilterRun } from '../load/prefilter-files.js';
import { createImportResolver, type ExportsByFile } from '../load/project-exports.js';
import { useColor } from '../report/color.js';
import { discoverFiles } from '../files/discover.js';
import { emitReport, writeFileAtomic } from '../report/write-report.js';
import { runProjectPass, type ProjectPassOutput } from './project-pass-for-rewrite.js';
import { formatRewriteMarkdown } from '../report/markdown-report.js';
import { EXIT_TROUBLE, fail } from '../report/exit-status.js';
import { maskSecrets } from '../report/mask-secrets.js';
import { scanTexts } from '../text-scan/scan-text.js';
import { migratedAnswerModules, waitsForHandedInAnswer } from './handed-in-answers.js';
import { findUncommittedChanges, type DirtyState } from './git-dirty.js';
import { createProgress } from './progress.js';
import {
  colorDiff,
  compareTodos,
  exitStatus,
  formatRewriteJson,
  formatRewriteText,
  todoFromFinding,
  type FileChange,
  type RewriteReport,
  type Todo,
} from '../report/rewrite-report.js';
import {
  runTransformTask,
  uploadsIn,
  authorizeRedirectEnvIn,
  type RunFacts,
  type TaskResult,
  type TransformFn,
  type TransformTask,
  type WorkerContext,
} from './transform-task.js';
import { modulesOnNodeWithoutOpenAsBlob } from '../load/node-engines.js';
import { answerCallerModules } from '../load/answer-callers.js';
import { modulesImportedInRun } from '../load/imported-in-run.js';
import { unifiedDiff } from './unified-diff.js';
import { writeIfUnchanged } from './write-if-unchanged.js';

export interface RewriteOptions {
  readonly paths: readonly string[];
  readonly ignorePatterns: readonly string[];
  /** Print a unified diff; write nothing. */
  readonly dryRun: boolean;
  /** Rewrite even where git has uncommitted changes. */
  readonly allowDirty: boolean;
  readonly format: 'text' | 'json';
  /** Write the report (and, with `--dry-run`, the diffs) here instead of stdout. */
  readonly output?: string;
  /** Also write the Markdown report here (secrets masked, atomic like the other reports). */
  readonly report?: string;
  readonly color?: boolean;
  /** Leave out files to port by hand whose findings are only warnings. */
  readonly quiet: boolean;
  /** Add the new webhook events beside the legacy ones instead of renaming (API-CONTRACT §6.6). */
  readonly keepLegacyEvents?: boolean;
  /** Worker threads for the codemod; 1 runs it in this thread. Default: the available parallelism. */
  readonly workers?: number;
  /** A stand-in for the codemod, for tests; it runs in this thread. */
  readonly transform?: TransformFn;
  readonly version: string;
}

/** Below this many files to transform, starting threads costs more than it saves. */
const MIN_FILES_FOR_POOL = 4;

/** The compiled worker next to this module; absent when running from the TypeScript sources. */
const WORKER_FILE = new URL('./transform-worker.js', import.meta.url);

function dirtyMessage(state: Exclude<DirtyState, { kind: 'clean' }>, cwd: string): string {
  const folder = relative(cwd, state.folder) || '.';
  if (state.kind === 'unknown') {
    return (
      `cannot tell whether ${folder} has uncommitted changes (${state.reason}).\n` +
      'Run again with --allow-dirty to rewrite anyway, or --dry-run to see the changes without writing.\n'
    );
  }
  const shown = state.entries
    .slice(0, 10)
    .map((entry) => `  ${entry}\n`)
    .join('');
  const more = state.entries.length > 10 ? `  … and ${state.entries.length - 10} more\n` : '';
  return (
    `the git working tree at ${folder} has uncommitted changes in the target:\n${shown}${more}` +
    'Commit or stash them first, so that the rewrite can be reviewed and undone with git, ' +
    'or run again with --allow-dirty (or use --dry-run, which writes nothing).\n'
  );
}

function writeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'cannot be written: permission denied';
  return `cannot be written: ${(error as Error).message}`;
}

/** Runs tasks through a piscina pool of `threads` workers loading the compiled worker module. */
async function runInPool(
  tasks: readonly TransformTask[],
  threads: number,
  context: WorkerContext,
  handle: (task: TransformTask, result: TaskResult) => void,
): Promise<void> {
  const { Piscina } = await import('piscina');
  const pool = new Piscina<TransformTask, TaskResult>({
    filename: WORKER_FILE.href,
    minThreads: threads,
    maxThreads: threads,
    workerData: context,
  });
  try {
    await Promise.all(
      tasks.map((task) =>
        pool.run(task).then(
          (result) => handle(task, result),
          (error: unknown) =>
            handle(task, { ok: false, reason: `the codemod's worker failed: ${(error as Error).message ?? String(error)}` }),
        ),
      ),
    );
  } finally {
    await pool.destroy();
  }
}

function runInThread(
  tasks: readonly TransformTask[],
  transform: TransformFn,
  exportsByFile: ExportsByFile,
  known: ReadonlySet<string>,
  facts: RunFacts & { readonly migratedAnswerModules?: readonly string[] },
  handle: (task: TransformTask, result: TaskResult) => void,
): void {
  for (const task of tasks) {
    handle(task, runTransformTask(task, transform, { resolveImport: createImportResolver(task.file, exportsByFile, known), ...facts }));
  }
}

/**
 * The rewrite: discover → refuse a dirty git tree → read and prefilter (shared with `--check`) →
 * the codemod on each module that may hold legacy code, on worker threads → the project pass
 * (ts-morph: `share_id` on the user's payload types renamed across files) → for each changed file,
 * a diff (`--dry-run`) or an atomic write that keeps the mode and never overwrites a file changed
 * since it was read → the report. Resolves to the exit status: 0 all rewritten, 1 TODOs or files
 * to port by hand left, 2 errors, a dirty tree or a missing target. Everything printed is masked
 * for secrets.
 */
export async function runRewrite(options: RewriteOptions, io: CliIo): Promise<number> {
  const started = nowMs();
  const say = (text: string) => io.stderr.write(maskSecrets(`migrate-share-video: ${text}`));

  // Reading starts while the walk goes on (and is dropped if the tree turns out dirty).
  const prefilter = startPrefilter();
  let report: RewriteReport;
  try {
    const discovery = await discoverFiles(options.paths, {
      cwd: io.cwd,
      ignorePatterns: options.ignorePatterns,
      onFiles: (batch) => prefilter.add(batch),
    });
    if (discovery.missing.length > 0) {
      return fail(io, discovery.missing.map((target) => `no such file or folder, nor a glob that matches: ${target}`).join('\n'));
    }
    if (!options.dryRun && !options.allowDirty) {
      const state = await findUncommittedChanges(options.paths, io.cwd);
      if (state.kind !== 'clean') {
        say(dirtyMessage(state, io.cwd));
        return EXIT_TROUBLE;
      }
    }

    const total = discovery.files.length;
    let done = 0;
    const progress = createProgress({ stream: io.stderr, env: io.env });
    const settle = () => progress.update(++done, total);
    try {
      report = await rewrite(discovery.files, discovery.errors, options, io.cwd, settle, prefilter);
    } finally {
      progress.stop();
    }
  } finally {
    await prefilter.close();
  }
  report = { ...report, durationMs: nowMs() - started };

  const color = useColor({ flag: options.color, env: io.env, toTerminal: options.output === undefined && io.stdout.isTTY === true });
  let text: string;
  if (options.format === 'json') {
    text = formatRewriteJson(report);
  } else {
    const diffs = report.changes.flatMap((change) => (change.diff === undefined ? [] : [colorDiff(change.diff, color)]));
    text = diffs.join('') + (diffs.length > 0 ? '\n' : '') + formatRewriteText(report, { color });
  }
  text = maskSecrets(text);
  const unwritten = await emitReport(io, options.output, text);
  if (unwritten) {
    return fail(io, unwritten);
  }
  if (options.report !== undefined) {
    const reportFile = resolve(io.cwd, options.report);
    try {
      await writeFileAtomic(reportFile, formatRewriteMarkdown(report, { cwd: io.cwd, reportFile }));
    } catch (error) {
      return fail(io, `cannot write the Markdown report to ${options.report}: ${(error as Error).message}`);
    }
  }
  return exitStatus(report);
}

/**
 * No new TypeScript error in a changed file (where a tsconfig.json gives it a project): a file whose
 * rewrite would add one is not rewritten; its sites keep their code under TODOs, and the report says
 * which error the rewrite would have added. Files the project pass changed are left to it: its
 * renames follow every reference through the language service.
 */
async function keepTypesSound(
  tasks: readonly TransformTask[],
  results: Map<TransformTask, TaskResult>,
  project: ProjectPassOutput,
  context: { exportsByFile: ExportsByFile; known: ReadonlySet<string>; facts: RunFacts },
): Promise<void> {
  const candidates = tasks.flatMap((task) => {
    const result = results.get(task);
    if (!result?.ok || result.output === undefined || project.texts.has(task.file)) return [];
    return [{ file: task.file, before: task.text, after: result.output }];
  });
  if (!candidates.some((candidate) => /\.(?:[cm]?ts|tsx)$/i.test(candidate.file))) return;
  const gained = await (await import('./type-guard.js')).addedTypeErrors(candidates, project.texts);
  if (gained.size === 0) return;
  const { transformKeepingLayout } = await import('./transform-source.js');
  for (const task of tasks) {
    const errors = gained.get(task.file);
    if (!errors) continue;
    const resolveImport = createImportResolver(task.file, context.exportsByFile, context.known);
    const todosOnly = transformKeepingLayout(task.text, task.file, { resolveImport, ...context.facts }, []);
    const more = errors.length > 1 ? ` and ${errors.length - 1} more` : '';
    results.set(task, {
      ok: true,
      output: todosOnly.output === task.text ? undefined : todosOnly.output,
      outcomes: todosOnly.outcomes,
      notes: [
        `${task.path}: not rewritten: the rewrite would add a TypeScript error (${errors[0]}${more}); its sites keep their code under TODOs`,
      ],
    });
  }
}

/**
 * Reads and prefilters the files and scans the non-JavaScript ones; keeps of the parsed modules
 * only what the codemod needs (the syntax trees were for the export collection: they are dropped
 * here rather than held for the whole run).
 */
async function prepare(files: readonly string[], cwd: string, settle: () => void, prefilter: PrefilterRun) {
  const project = await loadProject(files, { cwd, onSettled: settle, prefilter });
  const withoutOpenAsBlob = modulesOnNodeWithoutOpenAsBlob(project.modules.map(({ file }) => file));
  const answerCalled = answerCallerModules(project.modules, project.exportsByFile, project.known);
  const imported = modulesImportedInRun(project.modules, project.known);
  return {
    tasks: project.modules.map(({ file, path, text }): TransformTask => ({
      file,
      path,
      text,
      nodeWithoutOpenAsBlob: withoutOpenAsBlob.has(file) || undefined,
      answerCalledInRun: answerCalled.has(file) || undefined,
      importedInRun: imported.has(file) || undefined,
    })),
    /** Modules the load settled already (read at first as files without a marker). */
    settled: new Set(project.modules.filter((module) => module.foundByImport).map((module) => module.file)),
    bytesRead: new Map(project.modules.map(({ file, bytes }) => [file, bytes])),
    exportsByFile: project.exportsByFile,
    known: project.known,
    loadErrors: project.errors,
    analyzed: project.analyzed,
    textFindings: scanTexts(project.texts),
    appUploads: uploadsIn([...project.modules, ...project.texts].map(({ text }) => text)),
    authorizeRedirectEnv: authorizeRedirectEnvIn(project.modules.map(({ text }) => text)),
  };
}

async function rewrite(
  files: readonly string[],
  discoveryErrors: readonly FileError[],
  options: RewriteOptions,
  cwd: string,
  settle: () => void,
  prefilter: PrefilterRun,
): Promise<RewriteReport> {
  const { tasks, settled, bytesRead, exportsByFile, known, loadErrors, analyzed, textFindings, appUploads, authorizeRedirectEnv } =
    await prepare(files, cwd, settle, prefilter);
  const facts: RunFacts = { keepLegacyEvents: options.keepLegacyEvents ?? false, appUploads, authorizeRedirectEnv };
  const todos: Todo[] = textFindings.filter((finding) => !options.quiet || finding.severity === 'error').map(todoFromFinding);

  const changes: FileChange[] = [];
  const errors: FileError[] = [];
  const notes = new Set<string>();

  // The per-file codemod's results are held until the project pass has seen them all.
  const results = new Map<TransformTask, TaskResult>();
  const handle = (task: TransformTask, result: TaskResult): void => {
    results.set(task, result);
    if (!settled.has(task.file)) settle();
  };

  const apply = async (task: TransformTask, result: TaskResult, project: ProjectPassOutput): Promise<void> => {
    if (!result.ok) return void errors.push({ file: task.path, reason: result.reason });
    const projectOutcomes = project.outcomes.get(task.path) ?? [];
    const fileTodos: Todo[] = [...result.outcomes, ...projectOutcomes]
      .filter((outcome) => outcome.action === 'todo')
      .map(({ line, column, ruleId, message }) => ({ kind: 'todo', file: task.path, line, column, ruleId, message }));
    const rewritten = [...result.outcomes, ...projectOutcomes].filter((outcome) => outcome.action === 'rewritten').length;
    const output = project.texts.get(task.file) ?? result.output;
    if (output === undefined) {
      todos.push(...fileTodos);
      for (const note of result.notes) notes.add(note);
      return;
    }
    const bytes = bytesRead.get(task.file)!;
    if (!Buffer.from(task.text, 'utf8').equals(bytes)) {
      return void errors.push({ file: task.path, reason: 'is not valid UTF-8: not rewritten, so that no byte of it is altered' });
    }
    if (options.dryRun) {
      changes.push({
        file: task.path,
        sitesRewritten: rewritten,
        todos: fileTodos.length,
        diff: maskSecrets(unifiedDiff(task.path, task.text, output)),
      });
    } else {
      let outcome;
      try {
        outcome = await writeIfUnchanged(task.file, bytes, output);
      } catch (error) {
        return void errors.push({ file: task.path, reason: writeError(error) });
      }
      if (outcome === 'changed') {
        return void errors.push({
          file: task.path,
          reason: 'changed on disk while the run was under way: left as it is, not overwritten; run again',
        });
      }
      if (outcome === 'removed') return void errors.push({ file: task.path, reason: 'was removed during the run: not written' });
      changes.push({ file: task.path, sitesRewritten: rewritten, todos: fileTodos.length });
    }
    todos.push(...fileTodos);
    for (const note of result.notes) notes.add(note);
  };

  const workers = options.workers ?? availableParallelism();
  const inThread =
    options.transform !== undefined || workers <= 1 || tasks.length < MIN_FILES_FOR_POOL || !existsSync(fileURLToPath(WORKER_FILE));
  if (inThread) {
    // The codemod (jscodeshift and all) is loaded only where it runs: here, or in each worker.
    const transform =
      options.transform ?? (tasks.length > 0 ? (await import('./transform-before-project-pass.js')).transformBeforeProjectPass : undefined);
    if (transform) runInThread(tasks, transform, exportsByFile, known, facts, handle);
  } else {
    await runInPool(tasks, Math.min(workers, tasks.length), { exportsByFile, known: [...known], ...facts }, handle);
  }

  // A module that reads what another module's function hands on runs again, in this thread, once
  // that module's requests are known to be rewritten: it then reads the Content Posting answer.
  const outcomesByFile = new Map([...results].flatMap(([task, result]) => (result.ok ? [[task.file, result.outcomes] as const] : [])));
  const migrated = migratedAnswerModules(exportsByFile, (file) => outcomesByFile.get(file));
  const waiting = tasks.filter((task) => waitsForHandedInAnswer(outcomesByFile.get(task.file) ?? []));
  if (migrated.length > 0 && waiting.length > 0) {
    const transform = options.transform ?? (await import('./transform-before-project-pass.js')).transformBeforeProjectPass;
    runInThread(waiting, transform, exportsByFile, known, { ...facts, migratedAnswerModules: migrated }, (task, result) =>
      results.set(task, result),
    );
  }

  // The project pass (ts-morph): `share_id` on the user's own payload types, renamed with every
  // reference in every file; then the final texts are written or diffed.
  const project = await runProjectPass(tasks, results, {
    exportsByFile,
    known,
    keepLegacyEvents: options.keepLegacyEvents ?? false,
    bytesRead,
  });
  await keepTypesSound(tasks, results, project, { exportsByFile, known, facts });
  for (const task of tasks) {
    const result = results.get(task) ?? { ok: false, reason: 'the codemod gave no result' };
    try {
      await apply(task, result, project);
    } finally {
      bytesRead.delete(task.file);
    }
  }

  const byFile = (a: { file: string }, b: { file: string }) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  return {
    dryRun: options.dryRun,
    changes: changes.sort(byFile),
    todos: todos.sort(compareTodos),
    notes: [...notes].sort(),
    errors: [...discoveryErrors, ...loadErrors, ...errors.sort(byFile)],
    filesScanned: files.length,
    filesAnalyzed: analyzed,
    durationMs: 0,
    version: options.version,
  };
}

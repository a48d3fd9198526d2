import { modulesOnNodeWithoutOpenAsBlob } from '../load/node-engines.js';
import type { Outcome, TransformOptions } from '../codemod/step.js';
import { transformSource } from './transform-source.js';
import { authorizeRedirectEnvIn, uploadsIn } from './transform-task.js';
import type { ProjectOutcome, ProjectPassOptions } from '../project/rename-payload-types.js';
import { runProjectPasses } from '../project/project-pass.js';
import { parseModule } from '../detect/parse.js';
import { collectExports, createImportResolver } from '../load/project-exports.js';
import { answerCallerModules } from '../load/answer-callers.js';
import { modulesImportedInRun } from '../load/imported-in-run.js';
import { migratedAnswerModules, waitsForHandedInAnswer } from './handed-in-answers.js';

export interface SourceText {
  /** Absolute. */
  readonly file: string;
  /** What outcomes carry; default: `file`. */
  readonly path?: string;
  readonly text: string;
}

export interface MigratedText {
  readonly file: string;
  readonly output: string;
  /** The per-file codemod's (its `project` ones left out) and the project pass's. */
  readonly outcomes: readonly (Outcome | ProjectOutcome)[];
}

/**
 * The rewrite's codemod on texts in memory, in the rewrite's order: every JavaScript and TypeScript
 * text through the per-file codemod (named types' `share_id` left to the project pass), then the
 * project pass over them all. Other texts come back as they were. For tests and programmatic use;
 * the CLI does the same with workers, prefilter, diffs and atomic writes.
 */
export function migrateInMemory(texts: readonly SourceText[], options: TransformOptions & ProjectPassOptions = {}): MigratedText[] {
  const appUploads = uploadsIn(texts.map((source) => source.text));
  const isCode = (source: SourceText) => /\.(c|m)?[jt]sx?$/i.test(source.file);
  const authorizeRedirectEnv = authorizeRedirectEnvIn(texts.filter(isCode).map((source) => source.text));
  // What each module exports of the legacy API, for the modules that import it, as the CLI's load does.
  const parsed = texts.filter(isCode).flatMap((source) => {
    try {
      return [{ file: source.file, text: source.text, ast: parseModule(source.text, source.file) }];
    } catch {
      return [];
    }
  });
  const exportsByFile = collectExports(parsed);
  const known = new Set(parsed.map((module) => module.file));
  const answerCalled = answerCallerModules(parsed, exportsByFile, known);
  const imported = modulesImportedInRun(parsed, known);
  const textOf = new Map(texts.map((source) => [source.file, source.text]));
  const withoutOpenAsBlob = modulesOnNodeWithoutOpenAsBlob(
    parsed.map((module) => module.file),
    (file) => textOf.get(file),
  );
  const run = (source: SourceText, migratedAnswerModules?: readonly string[]) => {
    const path = source.path ?? source.file;
    if (!isCode(source)) return { source, path, output: source.text, outcomes: [] as Outcome[] };
    const resolveImport = createImportResolver(source.file, exportsByFile, known);
    const result = transformSource(source.text, source.file, {
      appUploads,
      authorizeRedirectEnv,
      resolveImport,
      ...options,
      projectRenamesTypes: true,
      migratedAnswerModules,
      nodeWithoutOpenAsBlob: withoutOpenAsBlob.has(source.file) || options.nodeWithoutOpenAsBlob,
      answerCalledInRun: answerCalled.has(source.file) || options.answerCalledInRun,
      importedInRun: imported.has(source.file) || options.importedInRun,
    });
    return { source, path, output: result.output, outcomes: result.outcomes };
  };
  let perFile = texts.map((source) => run(source));
  // A module reading what another module hands on is run again once that module's request is migrated.
  const byFile = new Map(perFile.map((each) => [each.source.file, each.outcomes]));
  const migrated = migratedAnswerModules(exportsByFile, (file) => byFile.get(file));
  if (migrated.length > 0) perFile = perFile.map((each) => (waitsForHandedInAnswer(each.outcomes) ? run(each.source, migrated) : each));
  const pass = runProjectPasses(
    perFile.map(({ source, path, output, outcomes }) => ({
      file: source.file,
      path,
      text: output,
      writable: true,
      handedOver: new Set(outcomes.filter((outcome) => outcome.action === 'project').map((outcome) => outcome.message)),
    })),
    options,
  );
  return perFile.map(({ source, path, output, outcomes }) => ({
    file: source.file,
    output: pass.texts.get(source.file) ?? output,
    outcomes: [...outcomes.filter((outcome) => outcome.action !== 'project'), ...pass.outcomes.filter((outcome) => outcome.file === path)],
  }));
}

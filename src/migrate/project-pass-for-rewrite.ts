import { readFileSync } from 'node:fs';
import { createImportResolver, type ExportsByFile } from '../load/project-exports.js';
import type { TaskResult, TransformTask } from './transform-task.js';
import type { ProjectOutcome, ProjectPassFile } from '../project/rename-payload-types.js';

export interface ProjectPassContext {
  readonly exportsByFile: ExportsByFile;
  readonly known: ReadonlySet<string>;
  readonly keepLegacyEvents: boolean;
  /** The bytes each task's file had when read: a file whose text does not give them back (not UTF-8) is never changed. */
  readonly bytesRead: ReadonlyMap<string, Buffer>;
}

export interface ProjectPassOutput {
  /** The final text of each file the project pass changed, by absolute path. */
  readonly texts: ReadonlyMap<string, string>;
  /** By the file's report path. */
  readonly outcomes: ReadonlyMap<string, readonly ProjectOutcome[]>;
}

const NOTHING: ProjectPassOutput = { texts: new Map(), outcomes: new Map() };

/**
 * The rewrite's project pass, between the per-file codemod and the writes: when the codemod handed
 * anything over (a `share_id` of a named type, a token answer type of another module: a `project`
 * outcome), the run's modules, as the codemod left them, go through `runProjectPasses`. ts-morph is
 * loaded only then.
 */
export async function runProjectPass(
  tasks: readonly TransformTask[],
  results: ReadonlyMap<TransformTask, TaskResult>,
  context: ProjectPassContext,
): Promise<ProjectPassOutput> {
  const handedOver = (result: TaskResult | undefined) =>
    new Set(result?.ok ? result.outcomes.filter((outcome) => outcome.action === 'project').map((outcome) => outcome.message) : []);
  if (!tasks.some((task) => handedOver(results.get(task)).size > 0)) return NOTHING;

  const { runProjectPasses } = await import('../project/project-pass.js');
  const files = tasks.map((task): ProjectPassFile => {
    const result = results.get(task);
    const ok = result?.ok === true;
    const bytes = context.bytesRead.get(task.file);
    return {
      file: task.file,
      path: task.path,
      text: ok ? (result.output ?? task.text) : task.text,
      writable: ok && bytes !== undefined && Buffer.from(task.text, 'utf8').equals(bytes),
      handedOver: handedOver(result),
    };
  });
  const pass = runProjectPasses(files, {
    readFile: (file) => readFileSync(file, 'utf8'),
    analysisOptions: (file) => ({
      resolveImport: createImportResolver(file, context.exportsByFile, context.known),
      keepLegacyEvents: context.keepLegacyEvents,
    }),
  });
  const outcomes = new Map<string, ProjectOutcome[]>();
  for (const outcome of pass.outcomes) outcomes.set(outcome.file, [...(outcomes.get(outcome.file) ?? []), outcome]);
  return { texts: pass.texts, outcomes };
}

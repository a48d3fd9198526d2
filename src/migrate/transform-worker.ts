/**
 * A worker thread of the rewrite's pool (piscina): runs the codemod on one file per task. It is
 * loaded from the compiled `dist/` JavaScript, next to run-rewrite.js.
 */
import { workerData } from 'node:worker_threads';
import { createImportResolver } from '../load/project-exports.js';
import { transformBeforeProjectPass } from './transform-before-project-pass.js';
import { runTransformTask, type TaskResult, type TransformTask, type WorkerContext } from './transform-task.js';

const context = workerData as WorkerContext;
const known = new Set(context.known);

export default function transformTask(task: TransformTask): TaskResult {
  return runTransformTask(task, transformBeforeProjectPass, {
    resolveImport: createImportResolver(task.file, context.exportsByFile, known),
    keepLegacyEvents: context.keepLegacyEvents,
    appUploads: context.appUploads,
    authorizeRedirectEnv: context.authorizeRedirectEnv,
  });
}

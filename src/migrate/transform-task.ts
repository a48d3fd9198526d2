import { UPLOAD_CALL_MARKER } from '../contract/index.js';
import type { ExportsByFile } from '../load/project-exports.js';
import type { ImportResolver } from '../detect/static-value.js';
import type { Outcome, TransformOptions, TransformResult } from '../codemod/step.js';

/** The codemod for one file: `transformSource`, or a stand-in in tests. */
export type TransformFn = (text: string, file: string, options: TransformOptions) => TransformResult;

/** One file for the codemod. Structured-clonable: it crosses to a worker thread. */
export interface TransformTask {
  /** Absolute: what imports resolve from. */
  readonly file: string;
  /** Relative to the working folder, forward slashes: what the codemod and the report see. */
  readonly path: string;
  readonly text: string;
  /** Its package admits a Node before 19.8 (`engines.node`), which has no `fs.openAsBlob`. */
  readonly nodeWithoutOpenAsBlob?: boolean;
  /** Another module of the run calls its functions that hand on a TikTok answer (load/answer-callers.ts). */
  readonly answerCalledInRun?: boolean;
  /** Another module of the run imports this one (load/imported-in-run.ts). */
  readonly importedInRun?: boolean;
}

/** What comes back from a worker. `output` only when the text changed, to spare a copy. */
export type TaskResult =
  | { readonly ok: true; readonly output: string | undefined; readonly outcomes: readonly Outcome[]; readonly notes: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/**
 * What every worker gets once, at start (piscina's `workerData`), to build each module's import
 * resolver itself: functions cannot cross to a thread, these maps and strings can.
 */
export interface WorkerContext extends RunFacts {
  readonly exportsByFile: ExportsByFile;
  /** Absolute paths of every parsed module of the run. */
  readonly known: readonly string[];
}

/** What every file's codemod is told about the whole run. */
export interface RunFacts {
  /** `--keep-legacy-events`: add the new webhook events beside the legacy ones. */
  readonly keepLegacyEvents: boolean;
  /** Some file of the run uploads (legacy or Content Posting): authorize URLs ask for `video.upload`. */
  readonly appUploads: boolean;
  /** The one environment variable the run's authorize modules read a redirect URI from, if one. */
  readonly authorizeRedirectEnv?: string;
}

/** A TikTok authorize page in a module's text, v1 or v2. */
const AUTHORIZE_PAGE = /tiktok\.com\/(?:v2\/)?auth\/authorize|\/platform\/oauth\/connect/;
const REDIRECT_ENV = /process\.env\.([A-Z0-9_]*REDIRECT[A-Z0-9_]*)/g;

/**
 * The environment variable the run's TikTok authorize modules take a redirect URI from, when they
 * name exactly one (`process.env.TIKTOK_REDIRECT_URI`): the login route and the callback are often two
 * modules, and the code exchange must send the redirect_uri the login sent. Undefined when none or
 * several are named (a Google redirect beside it, say).
 */
export function authorizeRedirectEnvIn(texts: Iterable<string>): string | undefined {
  const names = new Set<string>();
  for (const text of texts) {
    if (!AUTHORIZE_PAGE.test(text)) continue;
    for (const match of text.matchAll(REDIRECT_ENV)) names.add(match[1]);
  }
  return names.size === 1 ? [...names][0] : undefined;
}

export function uploadsIn(texts: Iterable<string>): boolean {
  for (const text of texts) if (UPLOAD_CALL_MARKER.test(text)) return true;
  return false;
}

export function runTransformTask(
  task: TransformTask,
  transform: TransformFn,
  options: TransformOptions & { resolveImport: ImportResolver },
): TaskResult {
  try {
    const result = transform(task.text, task.path, {
      ...options,
      nodeWithoutOpenAsBlob: task.nodeWithoutOpenAsBlob,
      answerCalledInRun: task.answerCalledInRun,
      importedInRun: task.importedInRun,
    });
    return {
      ok: true,
      output: result.output === task.text ? undefined : result.output,
      outcomes: result.outcomes.map(({ ruleId, action, line, column, message }) => ({ ruleId, action, line, column, message })),
      notes: [...result.notes],
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `the codemod failed: ${message.split('\n')[0]}` };
  }
}

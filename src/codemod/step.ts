import type { AnalysisOptions } from '../detect/analyze-module.js';

/** What the codemod did with one finding: rewrote it, or left a TODO comment for a person. */
export interface Outcome {
  readonly ruleId: string;
  /**
   * `project`: a `share_id` declared on a named interface or type alias, left to the project pass
   * (`src/project/`), which renames it with every reference in every file and reports what it did;
   * it is not counted as rewritten here. Only with `projectRenamesTypes`.
   */
  readonly action: 'rewritten' | 'todo' | 'project';
  /** 1-based, in the input. */
  readonly line: number;
  readonly column: number;
  /**
   * For TODOs: what the person must do (never contains source text, so never a token). For
   * `project`: the field's place in its type, e.g. `UploadResponse.data.share_id`.
   */
  readonly message: string;
  /** A TODO a rewrite adds (a check it cannot make, a value it left unused), not a finding of the input. */
  readonly followUp?: true;
}

export interface TransformResult {
  /** The new text; identical (the same string) to the input when nothing changed. */
  readonly output: string;
  readonly outcomes: readonly Outcome[];
  /** Report notes (e.g. the webhook events the new API adds). */
  readonly notes: readonly string[];
}

export interface TransformOptions extends AnalysisOptions {
  /**
   * The project pass runs after this one (the rewrite CLI does that): `share_id` declared on a named
   * interface or type alias is left to it, to be renamed with every reference across files. Without
   * it (a jscodeshift run of one transform) the rename stays file-local.
   */
  readonly projectRenamesTypes?: boolean;
  /**
   * Whether the app uploads videos (the run holds a Share Video upload or a Content Posting init):
   * the v2 authorize URLs then ask for `video.upload`. Undefined: the module's own code decides.
   */
  readonly appUploads?: boolean;
  /**
   * The environment variable the run's TikTok authorize modules read their redirect URI from, when
   * they name exactly one: a code exchange in another module that finds none of its own sends it.
   */
  readonly authorizeRedirectEnv?: string;
  /**
   * Modules (absolute) whose functions hand on an answer that is the Content Posting one after this
   * run: their legacy requests were all rewritten. Reads of what they hand on are renamed here too.
   */
  readonly migratedAnswerModules?: readonly string[];
  /**
   * The module's package admits a Node older than 19.8 (its `engines.node`), which has no
   * `fs.openAsBlob`: a video file a migrated upload sends is read into bytes instead.
   */
  readonly nodeWithoutOpenAsBlob?: boolean;
  /**
   * Another module of the run calls this module's exported functions that hand on a TikTok answer,
   * and reads it the way the run leaves it. Undefined (one file, a jscodeshift run): no caller is
   * known, so an upload answer such a function returns whole goes to readers out of sight.
   */
  readonly answerCalledInRun?: boolean;
  /**
   * Another module of the run imports this one: a legacy URL it exports is read by modules the run
   * rewrites, so it is repointed where it is defined. Otherwise its readers are out of sight, and it
   * keeps its TODO.
   */
  readonly importedInRun?: boolean;
}

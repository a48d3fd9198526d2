import type { TransformOptions, TransformResult } from '../codemod/step.js';
import { transformSource } from './transform-source.js';

/**
 * The per-file codemod as the rewrite runs it: the project pass follows, so `share_id` declared on
 * named types is left to it (`projectRenamesTypes`). No ts-morph here: worker threads load this.
 */
export function transformBeforeProjectPass(text: string, file: string, options: TransformOptions = {}): TransformResult {
  return transformSource(text, file, { ...options, projectRenamesTypes: true });
}

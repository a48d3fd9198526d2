import type { FileInfo } from 'jscodeshift';
import type { Transform } from '../codemod/context.js';
import type { TransformOptions } from '../codemod/step.js';
import { transformKeepingLayout } from './transform-source.js';

/**
 * Runs some steps of the codemod on one file the way jscodeshift calls a transform, for
 * `npx jscodeshift -t dist/transforms/<name>/index.js`. Unported findings still get their TODOs.
 */
export function runTransformsAlone(file: FileInfo, transforms: readonly Transform[], options: TransformOptions = {}): string {
  return transformKeepingLayout(file.source, file.path, options, transforms).output;
}

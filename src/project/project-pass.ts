import { ANSWER_TYPE_KINDS } from './answer-type-kinds.js';
import { rewriteAnswerTypes } from './v2-answer-types.js';
import { renamePayloadTypes, type ProjectPassFile, type ProjectPassOptions, type ProjectPassResult } from './rename-payload-types.js';

/**
 * The project pass, after the per-file codemod: the `share_id` of named types renamed with every
 * reference (`renamePayloadTypes`), then the answer types of the rewritten v1 OAuth and Display API
 * calls made v2 where they are declared (`rewriteAnswerTypes`), each on the texts the one before left.
 */
export function runProjectPasses(files: readonly ProjectPassFile[], options: ProjectPassOptions = {}): ProjectPassResult {
  const fieldPlaces = (file: ProjectPassFile) =>
    file.handedOver && new Set([...file.handedOver].filter((place) => !ANSWER_TYPE_KINDS.some((kind) => place.startsWith(kind.place))));
  const renames = renamePayloadTypes(
    files.map((file) => ({ ...file, handedOver: fieldPlaces(file) })),
    options,
  );
  const flattened = rewriteAnswerTypes(
    files.map((file) => ({ ...file, text: renames.texts.get(file.file) ?? file.text })),
    options,
  );
  return {
    texts: new Map([...renames.texts, ...flattened.texts]),
    outcomes: [...renames.outcomes, ...flattened.outcomes].sort((a, b) =>
      a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column,
    ),
    filesInProject: Math.max(renames.filesInProject, flattened.filesInProject),
  };
}

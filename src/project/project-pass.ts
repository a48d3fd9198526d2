import { TOKEN_TYPE_PLACE } from '../codemod/token-answer-shape.js';
import { flattenTokenTypes } from './flatten-token-types.js';
import { renamePayloadTypes, type ProjectPassFile, type ProjectPassOptions, type ProjectPassResult } from './rename-payload-types.js';

/**
 * The project pass, after the per-file codemod: the `share_id` of named types renamed with every
 * reference (`renamePayloadTypes`), then the token answer types made flat where they are declared
 * (`flattenTokenTypes`), each on the texts the one before left.
 */
export function runProjectPasses(files: readonly ProjectPassFile[], options: ProjectPassOptions = {}): ProjectPassResult {
  const fieldPlaces = (file: ProjectPassFile) =>
    file.handedOver && new Set([...file.handedOver].filter((place) => !place.startsWith(TOKEN_TYPE_PLACE)));
  const renames = renamePayloadTypes(
    files.map((file) => ({ ...file, handedOver: fieldPlaces(file) })),
    options,
  );
  const flattened = flattenTokenTypes(
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

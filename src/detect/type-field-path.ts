import { keyName, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';

const NAMED_DECLARATIONS = new Set(['TSInterfaceDeclaration', 'TSTypeAliasDeclaration']);

/**
 * Where a property signature sits in its named type, as the per-file codemod hands it to the project
 * pass: `UploadResponse.data.share_id` (the interface or type alias, the properties whose type
 * literals hold it, the property). Undefined outside a named interface or type alias. Names, not
 * offsets, so that it still finds the property once the per-file codemod has edited the file
 * (and the evidence that made the type TikTok's, the legacy request, may be gone).
 */
export function typeFieldPath(index: ModuleIndex, signature: Node): string | undefined {
  const names = [keyName(signature)];
  for (const ancestor of index.ancestors(signature)) {
    if (NAMED_DECLARATIONS.has(ancestor.type)) return ancestor.id?.name ? [ancestor.id.name, ...names.reverse()].join('.') : undefined;
    if (ancestor.type === 'TSPropertySignature') names.push(keyName(ancestor));
  }
  return undefined;
}

import { isMember, memberName, unwrap, type Node } from '../../src/detect/ast.js';
import type { CodemodContext } from '../../src/codemod/context.js';

/**
 * A legacy field taken apart by destructuring. `share_id` keeps its local name under the new key
 * (`{ publish_id: share_id }`); `err_code` and `error_msg` left `data` and cannot be renamed in
 * place, so they are reported. Returns why it cannot.
 */
export function rewriteDestructuredField(context: CodemodContext, key: Node, field: string): string | undefined {
  const property = context.index.parent(key)!;
  if (field !== 'share_id') {
    const pattern = context.index.parent(property);
    const declarator = pattern && context.index.parent(pattern);
    const from = declarator?.type === 'VariableDeclarator' && declarator.init ? unwrap(declarator.init) : undefined;
    const where = from && isMember(from) && memberName(from) === 'data' ? `\`${context.source(from.object)}.error\`` : 'the response body';
    return `\`${field}\` moved out of \`data\` in the Content Posting response: take it from ${where} (\`error.code\` is the string "ok" on success, \`error.message\` the text)`;
  }
  const { j } = context;
  // `{ share_id }` and `{ share_id = '' }` keep their local name under the new key.
  context.pathOf(property).replace(j.objectProperty(j.identifier('publish_id'), property.value));
  return undefined;
}

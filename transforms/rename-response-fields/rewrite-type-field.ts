import { keyName, type Node } from '../../src/detect/ast.js';
import type { CodemodContext } from '../../src/codemod/context.js';

const LEGACY_STATUS_FIELDS = new Set(['err_code', 'error_code', 'error_msg']);
const ERROR_MEMBER = 'error: { code: string; message: string; log_id: string }';

/**
 * A legacy field declared on a type of the legacy response. `share_id` is renamed `publish_id`; the
 * status fields leave `data`: they are removed from it, and the enclosing type gains the Content
 * Posting `error` object, once. Returns why it cannot (a shape other than `{ data: { … } }`).
 */
export function rewriteTypeField(context: CodemodContext, signature: Node, field: string): string | undefined {
  const { j } = context;
  if (field === 'share_id') {
    context.pathOf(signature.key).replace(j.identifier('publish_id'));
    return undefined;
  }
  if (!LEGACY_STATUS_FIELDS.has(field)) return undefined;
  const literal = context.index.parent(signature);
  const dataSignature = literal && context.index.parent(literal);
  const annotation = dataSignature?.type === 'TSTypeAnnotation' ? dataSignature : undefined;
  const owner = annotation && context.index.parent(annotation);
  const outer = owner && keyName(owner) === 'data' ? context.index.parent(owner) : undefined;
  if (!outer || !(outer.type === 'TSTypeLiteral' || outer.type === 'TSInterfaceBody')) {
    return `\`${field}\` is not in \`data\` of the Content Posting response: declare \`${ERROR_MEMBER}\` beside \`data\` instead`;
  }
  context.pathOf(signature).prune();
  const members: Node[] = outer.type === 'TSTypeLiteral' ? outer.members : outer.body;
  if (!members.some((member) => keyName(member) === 'error')) {
    const declared = context.j(`type T = { ${ERROR_MEMBER} };`).get().node as Node;
    const alias = (declared.program ?? declared).body[0];
    members.push(alias.typeAnnotation.members[0]);
  }
  return undefined;
}

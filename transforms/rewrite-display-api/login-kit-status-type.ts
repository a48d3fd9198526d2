import { answerTypes, declarationOf } from '../../src/codemod/answer-types.js';
import type { CodemodContext } from '../../src/codemod/context.js';
import { keyName, unwrap, type Node } from '../../src/detect/ast.js';
import type { TikTokRequest } from '../../src/detect/requests.js';

/** What v2 answers beside `data`, where v1 answered its status word `message`. */
const V2_ERROR_MEMBER = 'error: { code: string; message: string; log_id: string };';

/**
 * The answer's types, when a test of v1's `message` moves to `error.code`: the module's own type (or
 * the one written in an `as`) declares `message` at its top, which becomes v2's `error`, so that the
 * moved test type-checks. A type declared in another module, or one without `message`, is the
 * person's: the moved test would not type-check against it.
 */
export function planStatusType(context: CodemodContext, request: TikTokRequest): { edits: (() => void)[] } | { reason: string } {
  const { names, literals } = answerTypes(context, request);
  const edits: (() => void)[] = [];
  for (const name of names)
    if (!declarationOf(context, name))
      return {
        reason: `its answer is typed \`${name}\`, declared in another module, whose v1 \`message\` becomes v2's \`error\` with the test: change both there and here`,
      };
  const bodies: { label: string; members: Node[] | undefined }[] = [
    ...[...names].map((name) => ({ label: `\`${name}\``, members: membersOf(declarationOf(context, name)) })),
    ...literals.map((literal) => ({ label: 'the type written in its `as`', members: literal.members as Node[] })),
  ];
  for (const { label, members } of bodies) {
    const message = members?.find((member) => member.type === 'TSPropertySignature' && keyName(member) === 'message');
    if (!message || members!.some((member) => keyName(member) === 'error'))
      return {
        reason: `its answer is typed ${label}, which declares no v1 \`message\` to turn into v2's \`error\`: change the type with the test`,
      };
    edits.push(() =>
      context.pathOf(message).replace(context.j.template.statement([`type T = { ${V2_ERROR_MEMBER} }`]).typeAnnotation.members[0]),
    );
  }
  return { edits };
}

function membersOf(declaration: Node | undefined): Node[] | undefined {
  if (declaration?.type === 'TSInterfaceDeclaration') return declaration.body.body;
  const literal = declaration && unwrap(declaration.typeAnnotation);
  return literal?.type === 'TSTypeLiteral' ? literal.members : undefined;
}

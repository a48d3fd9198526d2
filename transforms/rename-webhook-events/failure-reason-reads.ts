import type { CodemodContext } from '../../src/codemod/context.js';
import { replaceLiteral } from '../../src/codemod/replace-literal.js';
import { renameProperty } from '../../src/codemod/rewrite-field-read.js';
import { WEBHOOK_FAILURE_REASON } from '../../src/contract/index.js';
import { isCall, isMember, unwrap, type Node } from '../../src/detect/ast.js';

/**
 * `content.fail_reason` of a TikTok webhook: the status fetch's name of a failure's reason, which
 * `post.publish.failed` sends as `reason` (§6.3). The read was always undefined (the legacy events
 * never sent a reason either), so it takes the field the webhook sends, whatever its events.
 */
export function renameFailureReasonReads(context: CodemodContext): void {
  const { j } = context;
  for (const finding of context.unhandled((f) => f.ruleId === 'no-legacy-response-field' && f.messageId === 'webhookFailReason')) {
    const key = finding.node!;
    const parent = context.index.parent(key)!;
    // `(content: FailedContent) => content.fail_reason`: the type says `fail_reason` too, and it may be
    // another module's: the read and its type change together, by hand.
    if (context.isTypeScript && typedHolder(context, key, parent)) {
      context.defer(
        finding,
        `\`${WEBHOOK_FAILURE_REASON.misnamed}\` is always undefined here: post.publish.failed sends the failure's reason as \`${WEBHOOK_FAILURE_REASON.sent}\` (\`${WEBHOOK_FAILURE_REASON.misnamed}\` is the status fetch's name): read \`${WEBHOOK_FAILURE_REASON.sent}\`, and rename it in the content's type`,
      );
      continue;
    }
    // `onFailed(payload) { … payload.fail_reason }`: a record handed in, which may be the envelope as it
    // arrives (route.ts parsed the body and passed it on) rather than its parsed content; `reason` is
    // undefined on the envelope too, so the rename would only look like a fix.
    const handedIn = isMember(parent) && parent.property === key ? handedInRecord(context, parent) : undefined;
    if (handedIn) {
      context.defer(finding, handedInReasonMessage(handedIn));
      continue;
    }
    if (isMember(parent) && parent.property === key) renameProperty(context, parent, WEBHOOK_FAILURE_REASON.sent);
    // `text(content, 'fail_reason')`: the field named to a getter.
    else if (isCall(parent)) replaceLiteral(context, key, WEBHOOK_FAILURE_REASON.sent);
    else if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.key === key) {
      // `const { fail_reason } = content`: the local name stays, under the key the webhook sends.
      const value = parent.value;
      context.pathOf(parent).replace(j.objectProperty(j.identifier(WEBHOOK_FAILURE_REASON.sent), value));
    } else continue;
    context.record(finding, 'rewritten', `now \`${WEBHOOK_FAILURE_REASON.sent}\`, the failure's reason as post.publish.failed sends it`);
  }
}

/**
 * The name of the parameter a member read starts from (`payload` of `payload.fail_reason`), where that
 * name does not say it holds the content (`content`, `parsedContent`): what the caller handed in cannot
 * be told from here.
 */
export function handedInRecord(context: CodemodContext, member: Node): string | undefined {
  const root = chainRoot(member.object);
  if (root.type !== 'Identifier' || /content/i.test(root.name)) return undefined;
  return context.index.resolve(root)?.kind === 'param' ? (root.name as string) : undefined;
}

/** The TODO of a `fail_reason` read off a record handed in, which may be the envelope or its parsed content. */
export function handedInReasonMessage(name: string): string {
  const { misnamed, sent } = WEBHOOK_FAILURE_REASON;
  return `\`${misnamed}\` is always undefined here: post.publish.failed sends the failure's reason as \`${sent}\`, inside the envelope's \`content\` (a JSON string to parse once more): where \`${name}\` is that parsed content, read \`${sent}\`; where it is the envelope as TikTok sends it, read \`${sent}\` (and \`publish_id\`) of \`JSON.parse(${name}.content)\``;
}

const ASSERTIONS = new Set(['TSAsExpression', 'TSTypeAssertion', 'TSSatisfiesExpression']);

/** Whether the read's holder has a type the code declares: `content.fail_reason` or `const { fail_reason }: T = …` of it. */
function typedHolder(context: CodemodContext, key: Node, parent: Node): boolean {
  if (isMember(parent)) return parent.property === key && declaredType(context, parent.object);
  const pattern = context.index.parent(parent);
  if (pattern?.type !== 'ObjectPattern') return false;
  const declarator = context.index.parent(pattern);
  return (
    !!pattern.typeAnnotation || (declarator?.type === 'VariableDeclarator' && !!declarator.init && declaredType(context, declarator.init))
  );
}

/** Whether the value a read starts from is a name the code gave a type (`content: FailedContent`, `x as T`). */
function declaredType(context: CodemodContext, object: Node): boolean {
  if (ASSERTIONS.has(object.type)) return true;
  const root = chainRoot(object);
  const binding = root.type === 'Identifier' ? context.index.resolve(root) : undefined;
  if (!binding) return false;
  return !!binding.id.typeAnnotation || (!!binding.init && ASSERTIONS.has(binding.init.type));
}

/** Where a chain of member reads starts: `payload` of `payload.data.fail_reason`. */
function chainRoot(node: Node): Node {
  let root = unwrap(node);
  while (isMember(root)) root = unwrap(root.object);
  return root;
}

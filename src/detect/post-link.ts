import { isFunction, isMember, memberName, rangeOf, unwrap, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';
import type { RawFinding } from './raw-finding.js';

/**
 * A link to a post on TikTok's site, `https://www.tiktok.com/@user/video/<id>`, its short form
 * `https://www.tiktok.com/t/<id>/`, or one that puts the id where the user goes (`https://tiktok.com/@${id}`),
 * which opened nothing either.
 */
const POST_LINK = /tiktok\.com\/(?:@(?:[^/]*\/video\/)?|t\/)$/;

/** Whether a template builds a post's link with the expression as its id. */
export function linksTo(template: Node, expression: Node): boolean {
  const at = (template.expressions as Node[]).findIndex((each) => each === expression);
  // The text up to the read, placeholders as `x`: `https://www.tiktok.com/@x/video/`.
  const before = (template.quasis as Node[])
    .slice(0, at + 1)
    .map((quasi) => quasi.value.cooked ?? '')
    .join('x');
  return at >= 0 && POST_LINK.test(before);
}

/**
 * `https://www.tiktok.com/@${user}/video/${answer.data.publish_id}`, or through a name that holds it
 * (`const postId = publishData.data.publish_id`): a publish_id names an upload, never a post, so the
 * link opens nothing. Code written for the Content Posting API (or a migration by hand) makes it.
 */
export function findPostLinksFromPublishId(index: ModuleIndex, text: string): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const template of index.ofType('TemplateLiteral'))
    for (const expression of template.expressions as Node[]) {
      if (!linksTo(template, expression) || !holdsPublishId(index, unwrap(expression))) continue;
      // The codemod's own TODO about this link (it renamed `share_id`) says it already, above a node holding it.
      if (underTodo(index, text, template)) continue;
      findings.push({
        ruleId: 'no-legacy-response-field',
        messageId: 'postLinkFromPublishId',
        node: expression,
        severity: 'warning',
        data: { legacy: 'publish_id' },
      });
    }
  return findings;
}

/** `x.publish_id`, or a name given it once (`const id = x.data?.publish_id || fallback`, `const { publish_id } = x.data`). */
function holdsPublishId(index: ModuleIndex, value: Node): boolean {
  if (isMember(value)) return memberName(value) === 'publish_id';
  if (value.type !== 'Identifier') return false;
  const binding = index.resolve(value);
  if (!binding || binding.assignments.length > 0) return false;
  if (binding.path.at(-1) === 'publish_id') return true;
  let init = binding.init && binding.path.length === 0 ? unwrap(binding.init) : undefined;
  if (init?.type === 'LogicalExpression') init = unwrap(init.left);
  return !!init && isMember(init) && memberName(init) === 'publish_id';
}

/** How the codemod's TODO above a link it renamed `share_id` in begins (post-links.ts writes it). */
export const RENAMED_LINK_TODO_START = 'this link to the post is built from';

/** That TODO, right above a node: the finding would say it twice. */
const RENAMED_LINK_TODO = new RegExp(`TODO\\(migrate-share-video\\): ${RENAMED_LINK_TODO_START} [^\\n]*\\n[ \\t]*$`);

/** Whether that TODO stands right above the node or one holding it, in its function. */
function underTodo(index: ModuleIndex, text: string, node: Node): boolean {
  for (const holder of [node, ...index.ancestors(node)]) {
    const [start] = rangeOf(holder);
    if (RENAMED_LINK_TODO.test(text.slice(Math.max(0, start - 4000), start))) return true;
    if (isFunction(holder)) return false;
  }
  return false;
}

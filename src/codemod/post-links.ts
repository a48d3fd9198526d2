import type { CodemodContext } from './context.js';
import { todoStatement } from './todo.js';
import type { RawFinding } from '../detect/raw-finding.js';
import type { Node } from '../detect/ast.js';
import { linksTo, RENAMED_LINK_TODO_START } from '../detect/post-link.js';

/** Where a post's own id comes from, which neither the Share Video nor the init's answer holds. */
export const POST_ID_LATER = 'post_id of the post.publish.publicly_available webhook (or publicaly_available_post_id of the status fetch)';

/**
 * The `share_id` reads that build a link to the post (`…tiktok.com/@${user}/video/${body.data.share_id}`),
 * taken before the rename: neither `share_id` nor the `publish_id` it becomes is the post's id, so the
 * link never opened, and still does not. Said once the read is renamed, at the link's statement.
 */
export function postLinkReads(context: CodemodContext, fields: readonly RawFinding[]): Map<RawFinding, Node> {
  const links = new Map<RawFinding, Node>();
  for (const finding of fields) {
    if (finding.messageId !== 'responseField') continue;
    const link = postLinkOf(context, finding);
    if (link) links.set(finding, link);
  }
  return links;
}

/** The template building a post's link from a `share_id` read, if it builds one. */
export function postLinkOf(context: CodemodContext, finding: RawFinding): Node | undefined {
  if (finding.data.legacy !== 'share_id') return undefined;
  let inner: Node = finding.node!;
  for (const ancestor of context.index.ancestors(finding.node!)) {
    if (ancestor.type === 'TemplateLiteral') return linksTo(ancestor, inner) ? ancestor : undefined;
    // `const postId = init.data?.share_id || \`tt_${Date.now()}\``: the link is built from the name.
    if (ancestor.type === 'VariableDeclarator' && ancestor.init === inner && ancestor.id.type === 'Identifier') {
      const binding = context.index.resolve(ancestor.id);
      return binding && linkReading(context, binding.name, context.index.referencesOf(binding));
    }
    if (!['MemberExpression', 'OptionalMemberExpression', 'TSNonNullExpression', 'LogicalExpression'].includes(ancestor.type))
      return undefined;
    inner = ancestor;
  }
  return undefined;
}

/** The first template among a name's references that builds a post's link with it. */
function linkReading(context: CodemodContext, name: string, references: readonly Node[]): Node | undefined {
  for (const reference of references) {
    const template = context.index.parent(reference);
    if (reference.name === name && template?.type === 'TemplateLiteral' && linksTo(template, reference)) return template;
  }
  return undefined;
}

export function explainPostLinks(context: CodemodContext, links: ReadonlyMap<RawFinding, Node>): void {
  // Renamed: recorded as done (a read left keeps its reason, and stays open for the TODO step).
  const open = new Set(context.unhandled());
  // Two reads in one link (`data.data?.share_id || data.share_id`): one TODO, said once.
  const said = new Set<Node>();
  for (const [finding, template] of links) {
    if (open.has(finding) || said.has(template)) continue;
    said.add(template);
    context.todoAt(
      todoStatement(context, template),
      `${RENAMED_LINK_TODO_START} \`publish_id\` (the Share Video \`share_id\` before), which names the upload, not the post: it never opened a video, and does not now; the post's id arrives later, as ${POST_ID_LATER}: build the link from that, or store the upload's id alone`,
      template,
    );
  }
}

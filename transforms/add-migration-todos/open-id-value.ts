import { findingsOfRequest, type CodemodContext } from '../../src/codemod/context.js';
import { quoted } from '../../src/codemod/todo.js';
import { isMember, memberName, unwrap, type Node } from '../../src/detect/ast.js';
import type { RawFinding } from '../../src/detect/raw-finding.js';
import { requestParams } from '../../src/codemod/request-params.js';

/** A name that says it holds the id of a post or a video (`postId`, `video_id`, `item.id` aside). */
const NAMES_A_VIDEO = /(?:post|video|item|media|share|publish|tiktok)_?ids?$/i;

/**
 * What the query's `open_id` sends, where its name says it is no user: `open_id=${postId}` asks about a
 * post through the user's parameter. The usual advice (drop open_id, v2 knows the user by the token)
 * would drop the very id the call is about, so the TODO names it instead.
 */
export function openIdNamingAVideo(context: CodemodContext, head: RawFinding): string | undefined {
  const request = context.requests.find((candidate) => findingsOfRequest(context, candidate).includes(head));
  const found = request && requestParams(context, request, undefined);
  const value = found && 'params' in found ? found.params.get('open_id') : undefined;
  const name = value && 'node' in value ? nameOf(unwrap(value.node)) : undefined;
  return name && NAMES_A_VIDEO.test(name) ? quoted(context.source((value as { node: Node }).node), 40) : undefined;
}

function nameOf(value: Node): string | undefined {
  if (value.type === 'Identifier') return value.name;
  return isMember(value) ? memberName(value) : undefined;
}

/** The advice for such an open_id, in place of "and no open_id". */
export function videoIdInOpenId(value: string): string {
  return `; its open_id sends \`${value}\`, which by its name is a video's id, not the user's: v2 knows the user by the token, so send that id where the v2 call takes a video's (filters.video_ids of the video query), and note that a publish_id is none (a post's id comes in the post.publish.publicly_available webhook)`;
}

import type { CodemodContext } from '../../src/codemod/context.js';
import { rewriteDestructuredField } from '../../src/codemod/rewrite-destructured-field.js';
import { isTruthinessTest, rewriteFieldRead } from '../../src/codemod/rewrite-field-read.js';
import { readsFrom } from '../../src/codemod/answer-body.js';
import { Taint } from '../../src/detect/taint.js';
import { todoStatement } from '../../src/codemod/todo.js';
import { isMember, keyName, memberName, type Node } from '../../src/detect/ast.js';

/** The id code imagining the upload's answer reads, where the init answers `publish_id`. */
const IMAGINED_UPLOAD_ID = 'video_id';
/** The id code imagining an init step reads of its answer: named for the upload, as `publish_id` is. */
const IMAGINED_INIT_ID = 'upload_id';

/**
 * `if (!answer.data.video_id) throw …` after an upload this run migrated: the test decides the
 * upload's success on an id neither API sent, so a working upload would count as failed (and a
 * retry would put it in the inbox again). The id the init answers is `data.publish_id`: the test and
 * every read of that id of a migrated answer take it. A `video_id` read with no test deciding on it,
 * or beside a read of the answer's `share_id` (the upload's id, so `video_id` meant the post's), keeps
 * its TODO: the post's own id arrives only later, and a person says which one the app stores.
 * `upload_id` (`const uploadId = init.data.data.upload_id`) is named for the upload itself, which is
 * what `publish_id` names: its reads take it, tested or not.
 */
export function renameTestedUploadIds(context: CodemodContext): void {
  if (context.helperCalls.size === 0) return;
  const migrated = new Taint(context.index, new Set(context.helperCalls.keys()));
  // An answer whose `share_id` is read as well has its upload id: the id beside it is another one (a post's).
  const readsShareId = context
    .unhandled((finding) => finding.ruleId === 'no-legacy-response-field' && finding.data.legacy === 'share_id')
    .some((finding) => readsFrom(context, migrated, finding));
  if (readsShareId) return;
  renameIdReads(context, migrated, IMAGINED_UPLOAD_ID, true);
  renameIdReads(context, migrated, IMAGINED_INIT_ID, false);
}

function renameIdReads(context: CodemodContext, migrated: Taint, legacy: string, onlyTested: boolean): void {
  const reads = context.unhandled(
    (finding) =>
      finding.ruleId === 'no-legacy-response-field' &&
      finding.messageId === 'unsentField' &&
      finding.data.legacy === legacy &&
      readsFrom(context, migrated, finding),
  );
  if (reads.length === 0) return;
  const member = (finding: (typeof reads)[number]) => {
    const parent = context.index.parent(finding.node!)!;
    return parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression' ? parent : undefined;
  };
  const tested = reads.some((finding) => {
    const read = member(finding);
    return read !== undefined && isTruthinessTest(context, read);
  });
  // Every read must move, or a test and the value it vouches for would name two different fields.
  if (
    (onlyTested && !tested) ||
    reads.some((finding) => (member(finding) ? false : rewriteDestructuredField(context, finding.node!, 'share_id', true)))
  )
    return;
  // Where the id is kept under a video's name (`tiktok_video_id: body.data.video_id`), the name says
  // more than the id now is: read before the rename, told at its statement after it.
  const keptAsVideoId = reads.flatMap((finding) => {
    const read = member(finding);
    const name = read && videoIdName(context, read);
    return name ? [{ read, name, statement: todoStatement(context, read) }] : [];
  });
  for (const finding of [...reads].reverse()) {
    if (member(finding)) rewriteFieldRead(context, finding.node!, 'share_id');
    else rewriteDestructuredField(context, finding.node!, 'share_id');
    context.record(finding, 'rewritten');
  }
  for (const { read, name, statement } of keptAsVideoId)
    context.todoAt(
      statement,
      `\`${name}\` now keeps data.publish_id, the id the init answers for the upload (\`${legacy}\` was never sent): it names the upload, which waits in the creator's inbox, not a posted video; the post's id arrives later, as post_id of the post.publish.publicly_available webhook (or publicaly_available_post_id of the status fetch): keep that where a video's id is needed, or name this the upload's id`,
      read,
    );
}

/**
 * What a video's id is kept as (`tiktok_video_id: …` of a row, `post.videoId = …`): another name than
 * the read's own. A local name only logged or shown is no place the id is kept.
 */
const VIDEO_ID_NAME = /video_?id|post_?id/i;

/** The key or name a read's value is kept under, when it names a video's or post's id. */
function videoIdName(context: CodemodContext, read: Node): string | undefined {
  let value = read;
  let parent = context.index.parent(value);
  while (parent && ['TSNonNullExpression', 'TSAsExpression', 'LogicalExpression', 'ParenthesizedExpression'].includes(parent.type)) {
    value = parent;
    parent = context.index.parent(value);
  }
  const name =
    (parent?.type === 'ObjectProperty' || parent?.type === 'Property') && parent.value === value
      ? keyName(parent)
      : parent?.type === 'AssignmentExpression' && parent.right === value
        ? isMember(parent.left)
          ? memberName(parent.left)
          : parent.left.name
        : undefined;
  return typeof name === 'string' && VIDEO_ID_NAME.test(name) ? name : undefined;
}

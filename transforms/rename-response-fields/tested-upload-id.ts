import type { CodemodContext } from '../../src/codemod/context.js';
import { rewriteDestructuredField } from '../../src/codemod/rewrite-destructured-field.js';
import { isTruthinessTest, rewriteFieldRead } from '../../src/codemod/rewrite-field-read.js';
import { readsFrom } from '../../src/codemod/answer-body.js';
import { Taint } from '../../src/detect/taint.js';

/** The id code imagining the upload's answer reads, where the init answers `publish_id`. */
const IMAGINED_UPLOAD_ID = 'video_id';

/**
 * `if (!answer.data.video_id) throw …` after an upload this run migrated: the test decides the
 * upload's success on an id neither API sent, so a working upload would count as failed (and a
 * retry would put it in the inbox again). The id the init answers is `data.publish_id`: the test and
 * every read of that id of a migrated answer take it. A `video_id` read with no test deciding on it,
 * or beside a read of the answer's `share_id` (the upload's id, so `video_id` meant the post's), keeps
 * its TODO: the post's own id arrives only later, and a person says which one the app stores.
 */
export function renameTestedUploadIds(context: CodemodContext): void {
  if (context.helperCalls.size === 0) return;
  const migrated = new Taint(context.index, new Set(context.helperCalls.keys()));
  const reads = context.unhandled(
    (finding) =>
      finding.ruleId === 'no-legacy-response-field' &&
      finding.messageId === 'unsentField' &&
      finding.data.legacy === IMAGINED_UPLOAD_ID &&
      readsFrom(context, migrated, finding),
  );
  // An answer whose `share_id` is read as well has its upload id: the `video_id` beside it is another id (a post's).
  const readsShareId = context
    .unhandled((finding) => finding.ruleId === 'no-legacy-response-field' && finding.data.legacy === 'share_id')
    .some((finding) => readsFrom(context, migrated, finding));
  if (readsShareId) return;
  const member = (finding: (typeof reads)[number]) => {
    const parent = context.index.parent(finding.node!)!;
    return parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression' ? parent : undefined;
  };
  const tested = reads.some((finding) => {
    const read = member(finding);
    return read !== undefined && isTruthinessTest(context, read);
  });
  // Every read must move, or a test and the value it vouches for would name two different fields.
  if (!tested || reads.some((finding) => (member(finding) ? false : rewriteDestructuredField(context, finding.node!, 'share_id', true))))
    return;
  for (const finding of [...reads].reverse()) {
    if (member(finding)) rewriteFieldRead(context, finding.node!, 'share_id');
    else rewriteDestructuredField(context, finding.node!, 'share_id');
    context.record(finding, 'rewritten');
  }
}

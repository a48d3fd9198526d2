import type { CodemodContext } from '../../src/codemod/context.js';
import { rangeOf } from '../../src/detect/ast.js';
import type { RawFinding } from '../../src/detect/raw-finding.js';
import { statementForTodo } from '../../src/detect/todo-placement.js';
import { POST_ID_LATER, postLinkOf } from '../../src/codemod/post-links.js';

/**
 * Where `data.publish_id` is read from: the answer's body, so a body named `data` reads
 * `data.data.publish_id` (a read left as `data.publish_id` stays undefined).
 */
const BODY_LEVEL = " of the answer's body (what `.json()` or axios's `res.data` gives)";

/**
 * Reads of an answer whose request is left for a person, one TODO per place: the reads in a statement
 * and in the statements nested in it (`if (res.data.error_code !== 0) throw new Error(res.data.description)`)
 * are named together above the outer one, the inner ones covered by it. `which` says which request
 * the reads wait for, seen from a read.
 */
export function deferWaitingReads(
  context: CodemodContext,
  waiting: readonly RawFinding[],
  which: (finding: RawFinding) => string,
  publishStep: (finding: RawFinding) => boolean = () => false,
  removedStep: (finding: RawFinding) => boolean = () => false,
): void {
  const statements = new Map(waiting.map((finding) => [finding, rangeOf(statementForTodo(finding.node!, context.index))]));
  const at = (finding: RawFinding) => statements.get(finding)!;
  const inside = (inner: readonly [number, number], outer: readonly [number, number]) => inner[0] >= outer[0] && inner[1] <= outer[1];
  // Outer statements first, so that each read joins the outermost one holding it.
  const ordered = [...waiting].sort((a, b) => at(a)[0] - at(b)[0] || at(b)[1] - at(a)[1]);
  const groups: RawFinding[][] = [];
  for (const finding of ordered) {
    const group = groups.find((members) => inside(at(finding), at(members[0])));
    if (group) group.push(finding);
    else groups.push([finding]);
  }
  for (const [lead, ...rest] of groups) {
    const fields = [...new Map([lead, ...rest].map((finding) => [finding.data.legacy, finding.data.replacement])).entries()];
    const names = fields.map(([legacy]) => `\`${legacy}\``).join(' and ');
    const reads = fields.map(([, replacement]) => replacement).join(' and ');
    // A publish step is deleted, not migrated, when the upload stays an inbox one: its id is the init's.
    const id = fields.some(([legacy]) => legacy === 'share_id') ? ', taking the publish_id the inbox init answers (data.publish_id)' : '';
    // A field declared on the answer's type (`type PublishAnswer = { share_id }`) is no read.
    const noun = lead.messageId === 'typeField' ? 'field' : 'read';
    const then = publishStep(lead)
      ? `with the inbox upload, delete that step and ${fields.length > 1 ? `these ${noun}s` : `this ${noun}`}${id}; with Direct Post, read ${reads} of its init`
      : removedStep(lead)
        ? `${fields.length > 1 ? 'they go' : 'it goes'} with that call, which no API serves any more`
        : `migrate it, then read ${reads}${/^(?:data|error)\./.test(reads) ? BODY_LEVEL : ''}`;
    // `…tiktok.com/@${user}/video/${body.data.share_id}`: publish_id will not open a post either.
    const link =
      !removedStep(lead) && [lead, ...rest].some((finding) => postLinkOf(context, finding) !== undefined)
        ? `; the link to the post built from it will not open with publish_id, which names the upload: the post's id arrives later, as ${POST_ID_LATER}`
        : '';
    context.defer(
      lead,
      `${names} ${fields.length > 1 ? 'come' : 'comes'} from ${which(lead)} is not migrated yet (see its TODO): ${then}${link}`,
    );
    for (const finding of rest)
      context.record(finding, 'todo', `\`${finding.data.legacy}\` waits for the same request: see the TODO above`);
  }
}

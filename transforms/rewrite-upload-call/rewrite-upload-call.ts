import { findingsOfRequest, siteReason, type CodemodContext } from '../../src/codemod/context.js';
import { contains, hasEffects, isStringLiteral, rangeOf, staticString, type Node } from '../../src/detect/ast.js';
import { deadEntryTodo, deadRecordEntry } from '../../src/codemod/dead-record-entry.js';
import { removeUnsentVideoForms } from '../../src/codemod/unsent-video-forms.js';
import type { RawFinding } from '../../src/detect/raw-finding.js';
import { INBOX_VIDEO_INIT } from '../../src/contract/index.js';
import { replaceLiteral } from '../../src/codemod/replace-literal.js';
import { settleUnsentUploadUrls } from '../../src/codemod/unread-legacy-values.js';
import { errorCodeTests } from '../../src/codemod/error-object-tests.js';
import { foldedText, HOLE } from '../../src/detect/folded.js';
import { findUrlCompositions, isExported, isHandedToCall, isRelativeUploadPath } from '../../src/detect/endpoints.js';
import type { TikTokRequest } from '../../src/detect/requests.js';
import { baseBeside } from '../../src/detect/base-beside.js';
import { rewriteCallSite } from './rewrite-call-site.js';
import { initShapedUpload } from './init-shaped-upload.js';
import { sentOutOfSightOnly } from '../../src/codemod/repoint-exported-url.js';

/**
 * Every legacy Share Video upload becomes the Content Posting two-step upload in the same HTTP
 * client. Sites that cannot be rewritten safely keep their code and get a TODO saying why.
 */
export function rewriteUploadCalls(context: CodemodContext): void {
  const rewritten: TikTokRequest[] = [];
  const queryTokens: RawFinding[] = [];
  for (const request of context.requests) {
    if (request.match.kind !== 'legacy-upload') continue;
    const related = findingsOfRequest(context, request);
    const errorTests = errorCodeTests(context, request);
    // The two steps written out already, against the legacy URL: only the init's URL and the PUT's range change.
    const initShaped = initShapedUpload(context, request);
    if (initShaped) {
      initShaped();
      errorTests();
      for (const finding of related)
        context.record(
          finding,
          'rewritten',
          'now the Content Posting init its JSON body was shaped for; the PUT of its one chunk sends Content-Range',
        );
      continue;
    }
    const reason = rewriteCallSite(context, request);
    // One reason for the whole site, said once, at the call; its query tokens and multipart field
    // written on other statements point there instead of repeating it.
    if (reason) for (const finding of related) context.defer(finding, siteReason(context, finding, request, reason, 'upload'));
    else {
      rewritten.push(request);
      errorTests();
      // A query object the new call no longer sends (kept because other code reads it) is no
      // longer a token in a query string: nothing to do there.
      queryTokens.push(...related.filter((finding) => finding.ruleId === 'no-token-in-query'));
      // The `video` key of a body kept because the new call reads its URL from it (`payload.video.video_url`): sent no more.
      for (const finding of related.filter((each) => each.ruleId === 'no-form-data-video-upload'))
        context.record(finding, 'rewritten', 'the video it carried goes to the Content Posting upload');
    }
  }
  removeUnsentVideoForms(
    context,
    rewritten.map((request) => request.call),
  );
  const orphaned = markOrphanedUrls(context, rewritten);
  for (const finding of queryTokens) {
    const [start] = finding.range ?? rangeOf(finding.node!);
    // Still spelled in a URL left for a person to delete: part of that URL's TODO.
    const left = orphaned.some((node) => rangeOf(node)[0] <= start && start < rangeOf(node)[1]);
    if (left) context.record(finding, 'todo', 'part of the retired URL left in the module: see its TODO');
    else context.record(finding, 'rewritten');
  }
  repointExportedUrls(context);
  settleUnsentUploadUrls(context);
}

/**
 * A constant other modules of the run import that holds the legacy upload URL is rewritten where it
 * is defined, once (issue 5): it names the Content Posting init from now on. Its importers' uploads
 * are rewritten in their own modules (or keep their TODO). One that no module of the run imports,
 * and its own module never sent, keeps its TODO: what sends it is out of sight.
 */
function repointExportedUrls(context: CodemodContext): void {
  for (const finding of context.unhandled((f) => f.ruleId === 'no-legacy-share-endpoint' && f.messageId === 'url')) {
    const node = finding.node!;
    // A literal, or a template on a shared base (`${TIKTOK_API}/share/video/upload/`): the base stays.
    const value = foldedText(context.folder.fold(node));
    if (value.includes(HOLE) || value.includes('?') || !isExported(node, context.index) || isHandedToCall(node, context.index)) continue;
    if (sentOutOfSightOnly(node, context)) {
      context.defer(finding, EXPORTED_OUT_OF_SIGHT);
      continue;
    }
    if (staticString(node) !== undefined) replaceLiteral(context, node, INBOX_VIDEO_INIT.url);
    else context.pathOf(node).replace(context.j.stringLiteral(INBOX_VIDEO_INIT.url));
    context.record(
      finding,
      'rewritten',
      `now names the Content Posting init, ${INBOX_VIDEO_INIT.url}: requests built on it send the JSON source_info, then PUT the bytes to data.upload_url`,
    );
  }
}

/**
 * A URL value only rewritten uploads used, still in the module (a public field, a constant others
 * may read): nothing sends to it any more, so it is left for a person to delete, with a TODO now
 * rather than on the next run.
 */
function markOrphanedUrls(context: CodemodContext, rewritten: readonly TikTokRequest[]): Node[] {
  if (rewritten.length === 0) return [];
  const left = context.leftBehindBy(rewritten).nodes;
  const marked: Node[] = [];
  for (const composition of findUrlCompositions(context.index, context.folder)) {
    if (!left.includes(composition.node) || isExported(composition.node, context.index)) continue;
    const dead = deadAssignment(context, composition.node);
    if (dead) {
      context.pathOf(dead).prune();
      continue;
    }
    // Still the retired URL, so still that rule's finding; the TODO says what to do with it.
    context.todoAt(composition.node, ORPHANED_URL, composition.node, 'no-legacy-share-endpoint');
    marked.push(composition.node);
  }
  // A path kept apart from its host (`{ baseUrl, postEndpoint: '/share/video/upload/' }`), which the
  // rewritten request joined: left in its record, it still spells the retired upload.
  const deadEntries = new Set<Node>();
  for (const node of left) {
    if (!isStringLiteral(node) || !isRelativeUploadPath(staticString(node) ?? '')) continue;
    // `PLATFORM_CONFIGS.tiktok` read by nothing now: the whole entry goes, with one TODO.
    const dead = deadRecordEntry(context, node);
    if (dead) {
      if (deadEntries.has(dead.entry)) continue;
      deadEntries.add(dead.entry);
      context.todoAt(
        dead.entry,
        deadEntryTodo(dead.key, dead.record),

        node,
        'no-legacy-share-endpoint',
      );
      for (const finding of context.unhandled((each) => each.node !== undefined && contains(dead.entry, each.node)))
        context.record(finding, 'todo', `in the \`${dead.key}\` entry read by nothing now: see its TODO`);
      continue;
    }
    const host = baseBeside(node, context.index, context.folder);
    const message = isExported(node, context.index) ? EXPORTED_PATH : ORPHANED_PATH;
    // `{ host: 'https://open-api.tiktok.com', uploadPath }`: the record's host goes with its path.
    const withHost = host?.kind === 'legacy-base' ? `${message}, and \`${host.key}\`, the retired host beside it` : message;
    context.todoAt(node, withHost, node, 'no-legacy-share-endpoint');
  }
  return marked;
}

/**
 * `endpoint = '…/share/video/upload/?…';` in one branch of a `let` many branches set (a `case` of a
 * switch), which only the rewritten request read: every read still in the module takes another
 * assignment's value, so the statement goes with the request (its right side runs nothing).
 */
function deadAssignment(context: CodemodContext, url: Node): Node | undefined {
  const assignment = context.index.parent(url);
  const statement = assignment && context.index.parent(assignment);
  if (assignment?.type !== 'AssignmentExpression' || assignment.right !== url || statement?.type !== 'ExpressionStatement')
    return undefined;
  if (assignment.left.type !== 'Identifier' || hasEffects(url)) return undefined;
  const binding = context.index.resolve(assignment.left);
  if (!binding || binding.kind === 'const') return undefined;
  const present = context.nodesInTree();
  const reads = context.index
    .ofType('Identifier')
    .filter((identifier) => identifier !== assignment.left && present.has(identifier) && context.index.resolve(identifier) === binding);
  const elsewhere = (read: Node) => {
    const value = context.folder.valueNode(read);
    return value !== undefined && value !== url && !rangeContains(url, value);
  };
  return reads.every((read) => read === binding.id || !isRead(context, read) || elsewhere(read)) ? statement : undefined;
}

/** An identifier in a place that reads it (not the target of an assignment, nor a declaration). */
function isRead(context: CodemodContext, identifier: Node): boolean {
  const parent = context.index.parent(identifier);
  return !(parent?.type === 'AssignmentExpression' && parent.left === identifier);
}

function rangeContains(outer: Node, inner: Node): boolean {
  const [start, end] = rangeOf(outer);
  const [innerStart, innerEnd] = rangeOf(inner);
  return innerStart >= start && innerEnd <= end;
}

/** What an exported upload URL whose sender is out of sight asks of the person: the URL and its request move together. */
const EXPORTED_OUT_OF_SIGHT = `this URL of the retired Share Video upload is exported, and no module of this run imports it (what sends it is out of sight): point it at the Content Posting init, POST ${INBOX_VIDEO_INIT.url}, and make what sends it send Authorization: Bearer (no open_id or access_token in its query) and a JSON source_info in place of the multipart video, then PUT the bytes to data.upload_url with Content-Range, and read data.publish_id (error.code "ok" on success)`;

const ORPHANED_PATH = "the retired Share Video upload's path is no longer used by the migrated upload: delete it";
const EXPORTED_PATH =
  "the retired Share Video upload's path is no longer used by the migrated upload here, but the module exports it: move what else reads it to the Content Posting API, then delete it";

const ORPHANED_URL =
  'the retired Share Video URL is no longer sent by the migrated upload: delete it, and take it out of what still mentions it (a log message, a field others read)';

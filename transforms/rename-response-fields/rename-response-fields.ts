import type { CodemodContext } from '../../src/codemod/context.js';
import { PUBLISH_STEP_ADVICE, REMOVE_THE_CALL, type LegacyResponseField, type MovedResponseField } from '../../src/contract/index.js';
import type { RawFinding } from '../../src/detect/raw-finding.js';
import { namedList } from '../../src/detect/record-key-readers.js';
import { rewriteDestructuredField } from '../../src/codemod/rewrite-destructured-field.js';
import { isTruthinessTest, rewriteFieldRead, widenedPatterns } from '../../src/codemod/rewrite-field-read.js';
import { isCall, keyName, rangeOf, type Node } from '../../src/detect/ast.js';
import { formatMessage, RULES } from '../../src/detect/rule-catalog.js';
import { quoted, todoStatement } from '../../src/codemod/todo.js';
import { HANDED_IN_ANSWER, importedAnswerCalls } from '../../src/detect/imported-answers.js';
import { isLegacyRequestFinding } from '../../src/detect/endpoints.js';
import type { TikTokRequest } from '../../src/detect/requests.js';
import { responseTaint } from '../../src/detect/response-fields.js';
import { findRequestRecords } from '../../src/detect/request-records.js';
import { Taint } from '../../src/detect/taint.js';
import { readsFrom } from '../../src/codemod/answer-body.js';
import { rewriteTypeField } from './rewrite-type-field.js';
import { deferWaitingReads } from './waiting-reads.js';
import { explainAnswerLeftWhole } from './answer-left-whole.js';
import { renameTestedUploadIds } from './tested-upload-id.js';
import { explainPostLinks, postLinkReads } from '../../src/codemod/post-links.js';
import { fixV2ErrorTests } from './v2-error-tests.js';

/**
 * Reads of the legacy response downstream of a rewritten upload follow the Content Posting shape:
 * `share_id` → `publish_id`, `err_code` → `error.code` ("ok" on success), `error_msg` →
 * `error.message`; so do the types that describe that response. Only where every legacy upload of
 * the module was rewritten: otherwise the old response is still what arrives.
 */
export function renameResponseFields(context: CodemodContext): void {
  fixV2ErrorTests(context);
  renameTestedUploadIds(context);
  explainUnsentFields(context);
  // Requests still sent as before; a URL value left for a person (an exported constant) is not one.
  const uploadsLeft = context.unhandled(isLegacyRequestFinding);
  const fields = context.unhandled(
    (f) => f.ruleId === 'no-legacy-response-field' && (f.messageId === 'responseField' || f.messageId === 'typeField'),
  );
  // Read by a provider table's entry for a legacy endpoint: sent by code the codemod does not see.
  const fromRecords = fields.filter((finding) => readsRecordAnswer(context, finding));
  // The fields one statement of the entry reads (`({ id: answer.data.share_id, failed: answer.data.err_code !== 0 })`) share one TODO.
  const byStatement = new Map<Node, RawFinding[]>();
  for (const finding of fromRecords) {
    const statement = todoStatement(context, finding.node!);
    byStatement.set(statement, [...(byStatement.get(statement) ?? []), finding]);
  }
  for (const group of byStatement.values()) {
    const moves = [...new Map(group.map((finding) => [finding.data.legacy, finding.data.replacement])).entries()];
    const read = moves.map(([legacy]) => `\`${legacy}\``).join(' and ');
    const reason = `${read} ${moves.length > 1 ? 'are' : 'is'} read from the answer of the legacy endpoint this entry describes (see its TODO): move the entry to the Content Posting API, then read ${moves.map(([, replacement]) => replacement).join(' and ')}`;
    for (const finding of group) context.defer(finding, reason);
  }
  // Read from what another module's function or class hands on: that module sends the request.
  const handedOn = stillLegacyCalls(context);
  const callOf = (finding: RawFinding) => handedOn.find((call) => readsFrom(context, new Taint(context.index, new Set([call])), finding));
  const handedIn = handedOn.length === 0 ? [] : fields.filter((finding) => !fromRecords.includes(finding) && callOf(finding));
  for (const finding of handedIn)
    context.defer(
      finding,
      `\`${finding.data.legacy}\` is read from ${HANDED_IN_ANSWER} (\`${quoted(context.source(callOf(finding)!.callee), 40)}\`): once the request there is migrated (see its module), read ${finding.data.replacement}`,
    );
  const waiting = fields.filter(
    (finding) =>
      !fromRecords.includes(finding) && !handedIn.includes(finding) && comesFromRequestsLeft(context, uploadsLeft, fields, finding),
  );
  // Which request it waits for, where there is one to point at (above or below: TODO lines move line numbers).
  const sourceOf = (finding: RawFinding) => (uploadsLeft.length === 1 ? uploadsLeft[0] : readFrom(context, uploadsLeft, finding));
  const which = (finding: RawFinding) => {
    const left = sourceOf(finding)?.node;
    return left ? `the TikTok request ${rangeOf(left)[0] < rangeOf(finding.node!)[0] ? 'above' : 'below'}, which` : 'a request that';
  };
  deferWaitingReads(
    context,
    waiting,
    which,
    (finding) => {
      const source = sourceOf(finding);
      return !!source && isPublishStep(context, source);
    },
    (finding) => {
      const source = sourceOf(finding);
      return !!source && adviceOf(context, source).includes(REMOVE_THE_CALL);
    },
  );
  // Read from an upload on a base out of sight: they wait for that request as well, whose TODO comes first.
  const unseenHost = context.unhandled((f) => f.ruleId === 'no-legacy-response-field' && f.messageId === 'unseenHostUploadField');
  deferWaitingReads(
    context,
    unseenHost,
    (finding) =>
      finding.data.step === 'publish'
        ? 'a publish step sent to /share/video/upload/ on a base out of sight, which'
        : 'the upload to /share/video/upload/ on a base out of sight, which',
    (finding) => finding.data.step === 'publish',
  );
  const rest = fields.filter((finding) => !waiting.includes(finding) && !fromRecords.includes(finding) && !handedIn.includes(finding));
  explainAnswerLeftWhole(context);
  if (rest.length === 0 && (uploadsLeft.length > 0 || fromRecords.length > 0 || handedIn.length > 0)) return;
  const links = postLinkReads(context, rest);
  renameAll(context, rest);
  explainPostLinks(context, links);
}

/**
 * The calls of what an imported function or class method answers (imported-answers.ts) from a
 * module whose request is still legacy after this run; one whose requests were all rewritten hands
 * on the Content Posting answer, and its reads are renamed with the others.
 */
function stillLegacyCalls(context: CodemodContext): Node[] {
  const migrated = new Set(context.options.migratedAnswerModules ?? []);
  return importedAnswerCalls(context.index, context.folder)
    .filter(({ module }) => module === undefined || !migrated.has(module))
    .map(({ call }) => call);
}

/**
 * Whether a read must wait for a request still sent the old way. Scoped to the request its value
 * flows from (a migrated upload's reads do not wait for an unrelated call left for a person), except
 * where the module declares types of the answer: those describe every response, and change together.
 */
/** A read of the answer a provider table's entry for a legacy endpoint hands its reader (`formatResponse: (obj) => …`). */
function readsRecordAnswer(context: CodemodContext, finding: RawFinding): boolean {
  // An entry whose URL the codemod moved to the Content Posting init (an exported value) is read the new way.
  const stillLegacy = (url: Node) =>
    context.unhandled((f) => f.node !== undefined && rangeOf(f.node)[0] >= rangeOf(url)[0] && rangeOf(f.node)[1] <= rangeOf(url)[1])
      .length > 0;
  const answers = findRequestRecords(context.index, context.folder)
    .filter((record) => stillLegacy(record.url))
    .flatMap((record) => record.answers);
  if (answers.length === 0) return false;
  return readsFrom(context, new Taint(context.index, new Set(), answers), finding);
}

function comesFromRequestsLeft(
  context: CodemodContext,
  left: readonly RawFinding[],
  fields: readonly RawFinding[],
  finding: RawFinding,
): boolean {
  if (left.length === 0) return false;
  const requests = left.map((found) => context.requests.find((request) => request.call === found.node));
  const known = requests.every((request) => request !== undefined);
  // A read that flows from none of the requests left (the status query an earlier step rewrote, in a
  // module whose other calls keep a legacy type): it waits for none of them.
  if (finding.messageId !== 'typeField' && known && !readsFrom(context, responseTaint(context.index, requests), finding)) return false;
  if (fields.some((field) => field.messageId === 'typeField')) return true;
  if (requests.some((request) => request === undefined)) {
    // A URL left whose request the codemod does not see (a value for a redirect, a wrapper): its
    // answer cannot be followed, so every read waits, but one that flows from an upload this run
    // rewrote (the helper's call stands where the request was), whose answer is the Content Posting one.
    const uploads = new Set(context.helperCalls.keys());
    return uploads.size === 0 || !readsFrom(context, new Taint(context.index, uploads), finding);
  }
  return readsFrom(context, responseTaint(context.index, requests as TikTokRequest[]), finding);
}

function renameAll(context: CodemodContext, fields: readonly RawFinding[]): void {
  // All the reads and types of a module change together or not at all: half of them renamed would
  // read fields the response no longer has, or leave types the code no longer matches.
  const blocked = fields.map((finding) => ({ finding, reason: rewrite(context, finding, true) })).filter((entry) => entry.reason);
  if (blocked.length > 0) {
    const first = blocked[0].reason!;
    for (const finding of fields) {
      const own = blocked.find((entry) => entry.finding === finding)?.reason;
      context.defer(finding, own ?? `\`${finding.data.legacy}\` is left with the rest of this response's fields: ${first}`);
    }
    return;
  }
  // Reads first, then types, each from the end, so that removing a member leaves earlier paths valid.
  const reads = fields.filter((f) => f.messageId !== 'typeField').reverse();
  const types = fields.filter((f) => f.messageId === 'typeField').reverse();
  for (const finding of [...reads, ...types]) {
    const reason = rewrite(context, finding);
    if (reason) context.defer(finding, reason);
    else context.record(finding, 'rewritten');
  }
  dropUnreadExtra(context);
}

/**
 * Reads of fields neither API sends (`video_id`, `share_url`) were undefined before and stay so: one
 * TODO per statement names them all and says where the post's id comes from now.
 */
function explainUnsentFields(context: CodemodContext): void {
  const byStatement = new Map<Node, RawFinding[]>();
  for (const finding of context.unhandled(
    (f) =>
      f.ruleId === 'no-legacy-response-field' &&
      (f.messageId === 'unsentField' || f.messageId === 'contentPostingShareId' || f.messageId === 'unknownPostingPathShareId'),
  )) {
    const statement = todoStatement(context, finding.node!);
    byStatement.set(statement, [...(byStatement.get(statement) ?? []), finding]);
  }
  const explained = new Set<string>();
  // A read inside a request left for a person (`video_id: init.data.video_id` in a publish step's body) goes with that request's TODO.
  const leftStatements = new Set(context.unhandled(isLegacyRequestFinding).map((finding) => todoStatement(context, finding.node!)));
  // The statements a test of a field never sent guards: code that never runs, which that test's TODO covers.
  const guarded: (readonly [number, number])[] = [];
  const within = (statement: Node) => guarded.some(([start, end]) => rangeOf(statement)[0] >= start && rangeOf(statement)[1] <= end);
  // In the file's order: the first read says why, the later ones point back to it.
  const inOrder = [...byStatement.entries()].sort(([a], [b]) => rangeOf(a)[0] - rangeOf(b)[0]);
  for (const [statement, findings] of inOrder) {
    if (within(statement)) {
      for (const finding of findings)
        context.record(
          finding,
          'todo',
          `\`${String(finding.data.legacy)}\` is read in code that never runs: see the TODO of its test above`,
        );
      continue;
    }
    if (leftStatements.has(statement)) {
      for (const finding of findings)
        context.record(
          finding,
          'todo',
          `\`${String(finding.data.legacy)}\` is sent by neither API, and read in the body of a request left for a person: see its TODO`,
        );
      continue;
    }
    const names = [...new Set(findings.map((finding) => String(finding.data.legacy)))];
    const subject = `${namedList(names)} ${names.length === 1 ? 'is' : 'are'}`;
    // Said once per module; a later read of the same fields points back to it.
    const fromPosting = findings.find(
      (finding) => finding.messageId === 'contentPostingShareId' || finding.messageId === 'unknownPostingPathShareId',
    );
    // `if (body.data.video_id)`: the test decides success, and a field never sent makes it fail always.
    const tested = findings.find(
      (finding) => finding.messageId === 'unsentField' && isTruthinessTest(context, context.index.parent(finding.node!)!),
    );
    const message = tested
      ? `a test of \`${tested.data.legacy}\`, which neither the Share Video nor the Content Posting API sends, is never true, so the code it guards never runs (where it is the upload's success, an upload that works now counts as failed, and one retried goes to the creator's inbox again): test data.publish_id, which the init answers, and take a post id later from the post.publish.publicly_available webhook (post_id)`
      : names.every((name) => explained.has(name))
        ? `${subject} never sent: see the TODO above`
        : fromPosting
          ? fromPosting.messageId === 'unknownPostingPathShareId'
            ? `${subject} read from the answer of ${fromPosting.data.replacement}, on the Content Posting host, so it is always undefined: ${fromPosting.data.source}`
            : `${subject} read from the answer of a Content Posting request (${fromPosting.data.replacement}), which never sends it, so it is always undefined: ${fromPosting.data.source}`
          : `${subject} answered by neither the Share Video nor the Content Posting API, so ${names.length === 1 ? 'it was' : 'they were'} always undefined: the init answers data.publish_id (and, for a file, data.upload_url), and the post id arrives later in the post.publish.publicly_available webhook (post_id)`;
    for (const name of names) explained.add(name);
    if (tested) guarded.push(rangeOf(statement));
    for (const finding of findings) context.defer(finding, message);
  }
}

/** `({ data, extra }) =>` whose `extra.logid` became `error.log_id`: `extra` is no longer sent. */
function dropUnreadExtra(context: CodemodContext): void {
  const { j } = context;
  for (const pattern of context.index.ofType('ObjectPattern')) {
    if (!widenedPatterns.has(pattern)) continue;
    const extra = pattern.properties.find((p: Node) => keyName(p) === 'extra' && p.value?.type === 'Identifier');
    if (!extra) continue;
    const reads = context.root
      .find(j.Identifier, { name: extra.value.name })
      .filter((path) => path.node !== extra.value && path.node !== extra.key);
    if (reads.size() === 0) context.pathOf(extra).prune();
  }
}

/**
 * `data.error_msg ?? extra.error_detail` both become `error.message`, a half-migrated
 * `content.publish_id ?? content.share_id` reads `publish_id` twice, a token answer tested both ways
 * (`json.error || json.data?.error_code`) tests v2's flat `error` twice, and a token answer read both
 * ways (`data.data?.access_token || data.access_token`) reads the flat field twice once flat: a
 * fallback to itself (optional chaining aside) says nothing, so it goes.
 */
export function collapseTwinFallbacks(context: CodemodContext): void {
  const { j } = context;
  const plain = (node: Parameters<typeof j>[0]) => j(node).toSource().replaceAll('?.', '.');
  context.root
    .find(j.LogicalExpression)
    // `a || a`, `a ?? a` and `!a && !a` all say `a` (`!a`) once.
    .filter((path) => ['??', '||', '&&'].includes(path.node.operator))
    .filter((path) => {
      const left = plain(path.node.left);
      // Only what the rewrite can have made: a read of the new fields, a check of a new event name.
      return (
        left === plain(path.node.right) &&
        (/\b(publish_id|reason|error(\.(code|message|log_id))?|error_description|access_token|refresh_token|expires_in|refresh_expires_in|open_id|scope)$/.test(
          left,
        ) ||
          /(['"`])post\.publish\.[a-z_]+\1$/.test(left))
      );
    })
    .forEach((path) => path.replace(path.node.left));
  collapseTwinPlaceholders(context);
}

/**
 * `${data.error_msg} / ${extra.error_detail}` becomes `${error.message} / ${error.message}`: the
 * message twice says nothing more, so the second placeholder goes with the separator before it.
 * Only a separator of punctuation goes; words between the two keep both.
 */
function collapseTwinPlaceholders(context: CodemodContext): void {
  const { j } = context;
  context.root.find(j.TemplateLiteral).forEach((path) => {
    const { quasis, expressions } = path.node;
    const seen = new Set<string>();
    for (let index = 0; index < expressions.length; index++) {
      const source = j(expressions[index]).toSource();
      const separator = quasis[index].value.cooked ?? '';
      if (seen.has(source) && index > 0 && /\berror\.(message|code|log_id)$/.test(source) && /^[\s/|,;:()\-–—]+$/.test(separator)) {
        expressions.splice(index, 1);
        quasis.splice(index, 1);
        index--;
        continue;
      }
      seen.add(source);
    }
  });
}

function rewrite(context: CodemodContext, finding: RawFinding, dryRun = false): string | undefined {
  const node = finding.node!;
  const parent = context.index.parent(node)!;
  const field = finding.data.legacy as MovedResponseField;
  // Types are found for the legacy fields only, never for `description`.
  if (finding.messageId === 'typeField') return rewriteTypeField(context, parent, field as LegacyResponseField, dryRun);
  if (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression')
    return rewriteFieldRead(context, node, field, dryRun);
  return rewriteDestructuredField(context, node, field, dryRun);
}

/** The one request left whose answer the read comes from, when it is one. */
function readFrom(context: CodemodContext, left: readonly RawFinding[], finding: RawFinding): RawFinding | undefined {
  const sources = left.filter((found) => {
    const request = context.requests.find((each) => each.call === found.node);
    return request !== undefined && readsFrom(context, responseTaint(context.index, [request]), finding);
  });
  if (sources.length === 1) return sources[0];
  // `type PublishAnswer = { share_id }` of `client.request<{ data: PublishAnswer }>({ url: '/share/video/publish/' })`:
  // the one request left whose call names the type.
  const type = declaredTypeName(context, finding.node!);
  if (!type) return undefined;
  const naming = left.filter((found) => {
    // The request's call: the finding's node, or the call its URL is written in (`client.request({ url })`).
    const call = found.node && [found.node, ...context.index.ancestors(found.node)].find((node) => isCall(node));
    return call !== undefined && new RegExp(`\\b${type}\\b`).test(context.source(call));
  });
  return naming.length === 1 ? naming[0] : undefined;
}

/** The name of the type alias or interface a field is declared in. */
function declaredTypeName(context: CodemodContext, node: Node): string | undefined {
  const declaration = [...context.index.ancestors(node)].find(
    (ancestor) => ancestor.type === 'TSTypeAliasDeclaration' || ancestor.type === 'TSInterfaceDeclaration',
  );
  return declaration?.id?.type === 'Identifier' ? (declaration.id.name as string) : undefined;
}

/** A request left as a publish step the Share Video API never had: a path of one, or a body naming an earlier upload. */
function isPublishStep(context: CodemodContext, finding: RawFinding): boolean {
  return adviceOf(context, finding).includes(PUBLISH_STEP_ADVICE);
}

/** What the TODO of a request left for a person tells: its transform's reason, or its finding's advice. */
function adviceOf(context: CodemodContext, finding: RawFinding): string {
  const template = (RULES[finding.ruleId].messages as Record<string, string>)[finding.messageId] ?? '';
  // Its transform's reason, the advice it carries, or else what its catalog message says (a publish path on a base out of sight).
  return context.reasonFor(finding) ?? String(finding.data.advice ?? formatMessage(template, finding.data));
}

import {
  INBOX_VIDEO_INIT,
  LEGACY_ERROR_TEXT_FIELD,
  LEGACY_RESPONSE_FIELDS,
  LEGACY_WEBHOOK_CONTENT_FIELDS,
  isContentPostingPath,
  postIdSource,
  WEBHOOK_FAILURE_REASON,
  RESPONSE_FIELD_MOVES,
  UNSENT_RESPONSE_FIELDS,
  V2_REVOKE_URL,
  V2_TOKEN_URL,
  V2_USER_INFO_URL,
  V2_VIDEO_LIST_URL,
  V2_VIDEO_QUERY_URL,
  type LegacyResponseField,
} from '../contract/index.js';
import {
  calleeName,
  firstChoice,
  isCall,
  isFunction,
  isIdentifier,
  isMember,
  keyName,
  memberName,
  type Node,
  staticString,
  unwrap,
} from './ast.js';
import type { ModuleIndex } from './module-index.js';
import type { Owner, OwnershipResolver } from './ownership.js';
import type { RawFinding } from './raw-finding.js';
import type { TikTokRequest } from './requests.js';
import type { RequestRecord } from './request-records.js';
import { Taint } from './taint.js';
import { isPathOf } from './classify-url.js';

const RESPONSE_FIELDS = Object.keys(LEGACY_RESPONSE_FIELDS) as LegacyResponseField[];
const WEBHOOK_FIELDS = Object.keys(LEGACY_WEBHOOK_CONTENT_FIELDS) as (keyof typeof LEGACY_WEBHOOK_CONTENT_FIELDS)[];

/**
 * A Content Posting init: its response has no `share_id` or `err_code`, so reading them from it is a
 * migration left half done (and what keeps a TODO'd read in view once its upload was rewritten).
 */
function isInboxInit(request: TikTokRequest): boolean {
  return (
    request.match.kind === 'content-posting' &&
    request.match.path.replace(/\/$/, '') === new URL(INBOX_VIDEO_INIT.url).pathname.replace(/\/$/, '')
  );
}

/** Requests whose responses have the legacy shape: everything on the legacy host but the v1 OAuth/user calls. */
export const LEGACY_RESPONSE_KINDS: ReadonlySet<string> = new Set([
  'legacy-upload',
  'legacy-unmapped',
  'legacy-dynamic',
  'v2-path-on-legacy-host',
]);

/**
 * A v2 OAuth or Display API path put on the retired host (`…open-api.tiktok.com/v2/oauth/token/`): the
 * call was written for v2 and reads v2's answer (the token flat, `data.user`), never the Share Video one.
 */
function v2AnswerOnLegacyHost(request: TikTokRequest): boolean {
  return (
    request.match.kind === 'v2-path-on-legacy-host' &&
    [V2_TOKEN_URL, V2_REVOKE_URL, V2_USER_INFO_URL, V2_VIDEO_LIST_URL, V2_VIDEO_QUERY_URL].some((url) => isPathOf(url, request.match.path))
  );
}

/** What a call's answer is taken from: the call, the calls chained on it, the XHR it was opened on. */
export type AnswerSource = Pick<TikTokRequest, 'call' | 'chain' | 'receiver'>;

/** What flows from these requests' answers: for telling which request a read of a field comes from. */
export function responseTaint(index: ModuleIndex, requests: readonly AnswerSource[]): Taint {
  return new Taint(index, new Set(requests.flatMap((r) => [r.call, ...r.chain])), requests.flatMap(responseSeeds));
}

export interface FieldFlows {
  readonly response: Taint;
  readonly webhook: Taint;
  /** The answers of Content Posting requests other than the inbox init, which no `share_id` is in (none: undefined). */
  readonly posting?: Taint;
}

/**
 * Legacy fields read from data that flows from a legacy request (`share_id`, `err_code`,
 * `error_code`, `error_msg`) or from the parsed `content` of a TikTok webhook (`share_id`).
 */
export function findResponseFields(
  index: ModuleIndex,
  requests: readonly TikTokRequest[],
  owners: OwnershipResolver,
  keepLegacyEvents = false,
  records: readonly RequestRecord[] = [],
  importedAnswers: readonly Node[] = [],
  unseenHostUploads: readonly Node[] = [],
  unseenHostPublishSteps: readonly Node[] = [],
  unseenHostOtherCalls: readonly Node[] = [],
): { findings: RawFinding[]; flows: FieldFlows } {
  const publishSteps = new Taint(index, new Set(unseenHostPublishSteps));
  const legacy = requests.filter((r) => (LEGACY_RESPONSE_KINDS.has(r.match.kind) && !v2AnswerOnLegacyHost(r)) || isInboxInit(r));
  // A provider table's entry for a legacy endpoint: its answer reader's parameter holds the answer.
  const recordAnswers = records.filter((record) => LEGACY_RESPONSE_KINDS.has(record.match.kind)).flatMap((record) => record.answers);
  // Calls of another module's function or class method that returns a legacy answer are sources too.
  const response = new Taint(index, new Set([...legacy.flatMap((r) => [r.call, ...r.chain]), ...importedAnswers]), [
    ...legacy.flatMap(responseSeeds),
    ...recordAnswers,
  ]);
  // Fields no upload answer ever had (`share_url`, `video_id`): only the upload's, since other
  // legacy paths (`/video/query/`) did answer them.
  const uploads = legacy.filter((r) => r.match.kind === 'legacy-upload' || isInboxInit(r));
  const libraryCalls = libraryUploads(index, requests, importedAnswers);
  const webhook = new Taint(index, webhookContentSources(index, owners, 'tiktok'), contentParameters(index, owners, 'tiktok'));
  // Content of a webhook whose sender cannot be told: reported as such, never renamed (issue 5).
  const unowned = new Taint(index, webhookContentSources(index, owners, 'unknown'), contentParameters(index, owners, 'unknown'));
  const findings = [
    ...(uploads.length === 0
      ? []
      : fieldReads(index, responseTaint(index, uploads), UNSENT_RESPONSE_FIELDS, () => ({ messageId: 'unsentField', replacement: '' }))
    ).map((finding) => ({
      ...finding,
      severity: 'warning' as const,
    })),
    ...fieldReads(index, response, RESPONSE_FIELDS, (field) => ({
      messageId: 'responseField',
      replacement: LEGACY_RESPONSE_FIELDS[field as LegacyResponseField],
    })),
    ...errorTextReads(index, response),
    ...[
      ...fieldReads(index, webhook, WEBHOOK_FIELDS, (field) => ({
        messageId: 'webhookField',
        replacement: LEGACY_WEBHOOK_CONTENT_FIELDS[field as 'share_id'],
      })),
      ...keyArguments(index, webhook, WEBHOOK_FIELDS).map((literal) => ({
        ruleId: 'no-legacy-response-field' as const,
        messageId: 'webhookField',
        node: literal,
        data: { legacy: staticString(literal)!, replacement: LEGACY_WEBHOOK_CONTENT_FIELDS.share_id },
      })),
    ].filter(
      // Kept legacy events still send `share_id`: `content.publish_id ?? content.share_id` reads both;
      // so does `field(content, 'share_id')` beside `field(content, 'publish_id')`.
      (finding) => !(keepLegacyEvents && isFallbackAfterNewField(index, finding.node!)) && !readsNewFieldBeside(index, finding.node!),
    ),
    // `content.fail_reason` of a TikTok webhook: the status fetch's name, never a webhook's.
    ...fieldReads(index, webhook, [WEBHOOK_FAILURE_REASON.misnamed], () => ({
      messageId: 'webhookFailReason',
      replacement: WEBHOOK_FAILURE_REASON.sent,
    })),
    ...keyArguments(index, webhook, [WEBHOOK_FAILURE_REASON.misnamed])
      // `field(content, 'fail_reason', 'reason')`: the getter takes the webhook's name too.
      .filter((literal) => !(index.parent(literal)!.arguments as Node[]).some((arg) => staticString(arg) === WEBHOOK_FAILURE_REASON.sent))
      .map((literal) => ({
        ruleId: 'no-legacy-response-field' as const,
        messageId: 'webhookFailReason',
        node: literal,
        data: { legacy: WEBHOOK_FAILURE_REASON.misnamed, replacement: WEBHOOK_FAILURE_REASON.sent },
      })),
    // `share_id` read from what a Content Posting request other than the inbox init answers (the status
    // fetch, a publish step of the app's own making): no Content Posting answer has it.
    ...contentPostingShareIds(index, requests),
    ...initVideoIds(index, requests),
    // `await tiktokApp.uploadVideo({ … })` of a package: the Share Video answer's id, read from its upload.
    ...(libraryCalls.size === 0
      ? []
      : fieldReads(index, new Taint(index, libraryCalls), ['share_id'], () => ({
          messageId: 'libraryUploadField',
          replacement: LEGACY_RESPONSE_FIELDS.share_id,
        }))
    ).map((finding) => ({ ...finding, severity: 'warning' as const })),
    // `data.share_id` of an upload to `/share/video/upload/` on a base out of sight: legacy if the base is.
    ...(unseenHostUploads.length === 0
      ? []
      : fieldReads(index, new Taint(index, new Set(unseenHostUploads)), RESPONSE_FIELDS, (field) => ({
          messageId: 'unseenHostUploadField',
          replacement: LEGACY_RESPONSE_FIELDS[field as LegacyResponseField],
        }))
    ).map((finding) => ({
      ...finding,
      severity: 'warning' as const,
      // Read from a publish step sent to the upload's path: deleted with it, under the inbox upload.
      data: { ...finding.data, ...(publishSteps.has(index.parent(finding.node!)?.object ?? finding.node!) && { step: 'publish' }) },
    })),
    // `data.share_id` of `/share/video/detail/` on that base: the call's own answer, which goes with it.
    ...(unseenHostOtherCalls.length === 0
      ? []
      : fieldReads(index, new Taint(index, new Set(unseenHostOtherCalls)), RESPONSE_FIELDS, () => ({
          messageId: 'unseenHostPathField',
          replacement: '',
        }))
    ).map((finding) => ({ ...finding, severity: 'warning' as const })),
    ...fieldReads(index, unowned, WEBHOOK_FIELDS, () => ({
      messageId: 'ambiguousWebhookField',
      replacement: LEGACY_WEBHOOK_CONTENT_FIELDS.share_id,
    })).map((finding) => ({ ...finding, severity: 'warning' as const })),
  ];
  const posting = postingRequests(requests);
  return {
    findings: dedupe(findings),
    flows: { response, webhook, posting: posting.length > 0 ? responseTaint(index, posting) : undefined },
  };
}

/**
 * `res.data.description` of a legacy answer: v1's error text, read where v1 put it, in `data` (a
 * member read of `….data`, axios's body or the answer's own). Anywhere else the name says nothing.
 */
function errorTextReads(index: ModuleIndex, response: Taint): RawFinding[] {
  return [...index.ofType('MemberExpression'), ...index.ofType('OptionalMemberExpression')]
    .filter(
      (member) =>
        memberName(member) === LEGACY_ERROR_TEXT_FIELD && isMember(unwrap(member.object)) && memberName(unwrap(member.object)) === 'data',
    )
    .filter((member) => response.has(member.object))
    .map((member) => ({
      ruleId: 'no-legacy-response-field',
      messageId: 'responseField',
      node: member.property,
      data: { legacy: LEGACY_ERROR_TEXT_FIELD, replacement: RESPONSE_FIELD_MOVES[LEGACY_ERROR_TEXT_FIELD].to },
    }));
}

/** A publish step of the app's own on the Content Posting host, or a Share Video path put there (which answers 404). */
function postingRequests(requests: readonly TikTokRequest[]): TikTokRequest[] {
  return requests.filter(
    (request) =>
      (request.match.kind === 'content-posting' && request.match.path.startsWith('/v2/post/publish/') && !isInboxInit(request)) ||
      request.match.kind === 'share-path-on-new-host',
  );
}

function contentPostingShareIds(index: ModuleIndex, requests: readonly TikTokRequest[]): RawFinding[] {
  return postingRequests(requests).flatMap((request) =>
    fieldReads(index, responseTaint(index, [request]), ['share_id'], () => ({
      messageId:
        request.match.kind === 'content-posting' && !isContentPostingPath(request.match.path)
          ? 'unknownPostingPathShareId'
          : 'contentPostingShareId',
      replacement: `POST ${request.match.path}`,
      source: postIdSource(request.match.path),
    })).map((finding) => ({ ...finding, severity: 'warning' as const })),
  );
}

/** A Content Posting init's path: the inbox's, Direct Post's, a photo post's. */
const INIT_PATH = /^\/v2\/post\/publish\/(?:inbox\/video|video|content)\/init\/?$/;

/** `const { upload_url, video_id } = init.data`: an id no init answers (it answers publish_id); the inbox's is a legacy answer's kin, read above. */
function initVideoIds(index: ModuleIndex, requests: readonly TikTokRequest[]): RawFinding[] {
  return requests
    .filter((request) => request.match.kind === 'content-posting' && INIT_PATH.test(request.match.path) && !isInboxInit(request))
    .flatMap((request) =>
      fieldReads(index, responseTaint(index, [request]), ['video_id'], () => ({
        messageId: 'initVideoId',
        replacement: `POST ${request.match.path}`,
      })),
    )
    .map((finding) => ({ ...finding, severity: 'warning' as const }));
}

const UPLOAD_METHOD = /upload|share|post|publish/i;

/**
 * Calls that upload to TikTok through code out of sight (a package's client, `tiktokApp.uploadVideo`,
 * `uploadToTikTok(…)` imported from a library): named for an upload, with TikTok in the callee, and
 * neither a request the detectors see nor a function of the module or the app (those are followed).
 */
function libraryUploads(index: ModuleIndex, requests: readonly TikTokRequest[], importedAnswers: readonly Node[]): Set<Node> {
  const known = new Set<Node>([...requests.map((request) => request.call), ...importedAnswers]);
  const calls = new Set<Node>();
  for (const call of index.ofType('CallExpression')) {
    if (known.has(call)) continue;
    if (!UPLOAD_METHOD.test(calleeName(call) ?? '')) continue;
    const callee = unwrap(call.callee);
    if (!/tik_?tok/i.test(index.source(callee))) continue;
    // A function of the module is followed by the response taint instead.
    const root = isMember(callee) ? unwrap(callee.object) : callee;
    const binding = root.type === 'Identifier' ? index.resolve(root) : undefined;
    if (binding && (binding.kind === 'function' || (binding.init && isFunction(unwrap(binding.init))))) continue;
    calls.add(call);
  }
  return calls;
}

/**
 * Where a response arrives other than as the call's value: the parameters after `err` of a Node-style
 * callback (request's `(err, response, body)`, superagent's `.end`), and the XHR object of `xhr.open`.
 */
function responseSeeds(request: AnswerSource): Node[] {
  const seeds: Node[] = [];
  for (const call of [request.call, ...request.chain]) {
    for (const arg of call.arguments) {
      const callback = unwrap(arg);
      if (isFunction(callback) && callback.params.length >= 2) seeds.push(...callback.params.slice(1));
    }
  }
  if (request.receiver && calleeName(request.call) === 'open') seeds.push(request.receiver);
  return seeds;
}

/** `JSON.parse(body.content)` in a TikTok webhook handler: TikTok sends `content` as a JSON string. */
/** A function of the app's own that decodes a webhook's content, by its name (`parseWebhookContent`, `decodeContent`). */
const OWN_DECODER = /^(?:parse|decode)\w*content$/i;

function webhookContentSources(index: ModuleIndex, owners: OwnershipResolver, owner: Owner): Set<Node> {
  const sources = new Set<Node>();
  for (const call of index.ofType('CallExpression')) {
    const callee = unwrap(call.callee);
    const jsonParse = isMember(callee) && isIdentifier(unwrap(callee.object), 'JSON') && calleeName(call) === 'parse';
    // `parseWebhookContent(payload.content)`: the app's own decoder of the content, named for what it does.
    const ownDecoder = !isMember(callee) && call.arguments.length === 1 && OWN_DECODER.test(calleeName(call) ?? '');
    if ((!jsonParse && !ownDecoder) || !call.arguments[0]) continue;
    if (readsContent(call.arguments[0], index) && owners.ownerOf(call) === owner) sources.add(call);
  }
  // `const content = event?.content ?? event?.data ?? {}`: the envelope's content held in a variable,
  // its first choice; parsed by the app, or to be (unparsed-webhook-content.ts), its fields are the event's.
  for (const declarator of index.ofType('VariableDeclarator')) {
    const value = declarator.init && firstChoice(declarator.init);
    if (declarator.id.type !== 'Identifier' || !value || !isMember(value) || memberName(value) !== 'content') continue;
    if (owners.ownerOf(declarator) === owner) sources.add(value);
  }
  return sources;
}

/**
 * A handler's already-parsed `content` parameter (`{ 'video.upload.failed': (content) => … }`, a
 * function given the decoded content): its fields are the webhook's. So are those of `content` taken
 * apart from the envelope (`const { event, content } = req.body`), parsed by the app or to be
 * (unparsed-webhook-content.ts).
 */
function contentParameters(index: ModuleIndex, owners: OwnershipResolver, owner: Owner): Node[] {
  const params: Node[] = [];
  for (const declarator of index.ofType('VariableDeclarator')) {
    if (declarator.id.type !== 'ObjectPattern' || owners.ownerOf(declarator) !== owner) continue;
    const property = (declarator.id.properties as Node[]).find(
      (entry) => entry.type !== 'RestElement' && !entry.computed && isIdentifier(entry.key, 'content'),
    );
    const id = property && unwrap(property.value);
    if (id?.type === 'Identifier' && !isParsedLater(index, id)) params.push(id);
  }
  for (const type of ['ArrowFunctionExpression', 'FunctionExpression', 'FunctionDeclaration', 'ObjectMethod']) {
    for (const fn of index.ofType(type)) {
      for (const param of fn.params ?? []) {
        const id = param.type === 'AssignmentPattern' ? param.left : param;
        if (id.type === 'Identifier' && id.name === 'content' && !isParsedLater(index, id) && owners.ownerOf(fn) === owner) params.push(id);
      }
    }
  }
  return params;
}

/** `(event, content) => JSON.parse(content)`: the string, parsed below; that call is the source. */
function isParsedLater(index: ModuleIndex, param: Node): boolean {
  const binding = index.resolve(param);
  return index.ofType('CallExpression').some((call) => {
    const arg = call.arguments[0] && unwrap(call.arguments[0]);
    return calleeName(call) === 'parse' && arg?.type === 'Identifier' && index.resolve(arg) === binding;
  });
}

function readsContent(node: Node, index: ModuleIndex, depth = 0): boolean {
  const expression = unwrap(node);
  if (isMember(expression)) return memberName(expression) === 'content';
  // `String(content)`, `text(event.content)`: a one-argument wrapper that makes the field a string.
  if (isCall(expression) && expression.arguments.length === 1 && depth < 3) return readsContent(expression.arguments[0], index, depth + 1);
  if (expression.type === 'Identifier') {
    const binding = index.resolve(expression);
    if (!binding) return false;
    // A handler's `(event, content)` parameter: the envelope's field by its own name.
    if (binding.kind === 'param' && expression.name === 'content') return true;
    if (binding.path.at(-1) === 'content') return true;
    // `const raw = text(content)`, with `const content = event?.content` above.
    return !!binding.init && binding.assignments.length === 0 && depth < 3 && readsContent(binding.init, index, depth + 1);
  }
  return false;
}

function fieldReads(
  index: ModuleIndex,
  taint: Taint,
  fields: readonly string[],
  describe: (field: string) => { messageId: string; replacement: string; source?: string },
): RawFinding[] {
  const findings: RawFinding[] = [];
  const report = (field: string, node: Node) => {
    const { messageId, ...data } = describe(field);
    findings.push({ ruleId: 'no-legacy-response-field', messageId, node, data: { legacy: field, ...data } });
  };
  for (const member of [...index.ofType('MemberExpression'), ...index.ofType('OptionalMemberExpression')]) {
    const name = memberName(member);
    if (name && fields.includes(name) && taint.has(member.object)) report(name, member.property);
  }
  const visitPattern = (pattern: Node) => {
    for (const property of pattern.properties) {
      if (property.type === 'RestElement') continue;
      const name = keyName(property);
      if (name && fields.includes(name)) report(name, property.key);
      const value = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
      if (value.type === 'ObjectPattern') visitPattern(value);
    }
  };
  for (const pattern of taint.patterns) visitPattern(pattern);
  return findings;
}

/**
 * `stringField(content, 'share_id')`, `get(content, 'share_id')`: a field named by a string given
 * beside the value it is read from, to a getter of the app's or a library's. The string is the read.
 */
function keyArguments(index: ModuleIndex, taint: Taint, fields: readonly string[]): Node[] {
  const found: Node[] = [];
  for (const call of [...index.ofType('CallExpression'), ...index.ofType('OptionalCallExpression')]) {
    const args = call.arguments as Node[];
    if (args.length < 2 || args.length > 3 || !taint.has(args[0])) continue;
    const key = args[1];
    const name = staticString(key);
    if (name !== undefined && fields.includes(name) && (key.type === 'StringLiteral' || key.type === 'Literal')) found.push(key);
  }
  return found;
}

/** `x.publish_id ?? x.share_id`: the legacy field read only when the new one is missing. */
function isFallbackAfterNewField(index: ModuleIndex, property: Node): boolean {
  const member = index.parent(property);
  // ESTree wraps `a?.b` in a ChainExpression; Babel does not.
  const operand = member && index.parent(member)?.type === 'ChainExpression' ? index.parent(member) : member;
  const logical = operand && index.parent(operand);
  if (!logical || logical.type !== 'LogicalExpression' || logical.right !== operand) return false;
  const left = unwrap(logical.left);
  return isMember(left) && memberName(left) === 'publish_id' && index.source(left.object) === index.source(member!.object);
}

/**
 * `const shareId = field(content, 'share_id')` in the block that also takes
 * `field(content, 'publish_id')` of the same content (no event tested between them): the handler
 * takes either generation's id, as the codemod itself advises where legacy events are kept, and
 * renaming its `share_id` read would only lose the id of the Video Kit shares it may still receive.
 */
function readsNewFieldBeside(index: ModuleIndex, node: Node): boolean {
  const call = index.parent(node);
  if (!call || !isCall(call) || call.arguments[0] === node) return false;
  const owner = index.source(unwrap(call.arguments[0]));
  const block = statementListOf(index, call);
  return index
    .ofType('CallExpression')
    .some(
      (other) =>
        other !== call &&
        statementListOf(index, other) === block &&
        other.arguments.length >= 2 &&
        index.source(unwrap(other.arguments[0])) === owner &&
        (other.arguments as Node[]).slice(1).some((arg) => staticString(arg) === 'publish_id'),
    );
}

/** The block (or module) whose statement holds a node. */
function statementListOf(index: ModuleIndex, node: Node): Node | undefined {
  for (let parent = index.parent(node); parent; parent = index.parent(parent))
    if (parent.type === 'BlockStatement' || parent.type === 'Program') return parent;
  return undefined;
}

function dedupe(findings: RawFinding[]): RawFinding[] {
  const seen = new Set<Node>();
  return findings.filter((finding) => !seen.has(finding.node!) && !!seen.add(finding.node!));
}

import {
  DIRECT_POST_INIT_URL,
  PUBLISH_SCOPE,
  INBOX_VIDEO_INIT,
  LEGACY_API_HOSTS,
  LEGACY_UPLOAD,
  LOGIN_KIT_USER_INFO_PATH,
  EARLIER_UPLOAD_IDS,
  PUBLISH_STATUS_FETCH,
  PUBLISH_STATUSES,
  PUBLISH_STEP_ADVICE,
  TEXT_POST_ADVICE,
  withoutSuccessorAdvice,
} from '../contract/index.js';
import { namedList } from './record-key-readers.js';
import { calleeName, isCall, isFunction, isStringLiteral, keyName, objectProperties, staticString, unwrap, type Node } from './ast.js';
import { isFreeze } from './todo-placement.js';
import { baseBeside } from './base-beside.js';
import {
  classifyUrl,
  isEndpointFinding,
  isReturnAddress,
  isStatusQueryPath,
  RETURN_ADDRESS_PARAM,
  imaginedStepAdvice,
  successorOf,
  v2Advice,
  type UrlMatch,
} from './classify-url.js';
import type { ModuleIndex } from './module-index.js';
import type { RawFinding } from './raw-finding.js';
import { CODEMOD_HINT } from './rule-catalog.js';
import type { TikTokRequest } from './requests.js';
import { foldedText, HOLE, type Folded } from './folded.js';
import type { ValueFolder } from './static-value.js';
import { wrapperCalls } from './wrapper-paths.js';
import { isLogCall } from './log-calls.js';
import { findPlatformRecordPaths } from './platform-record-paths.js';
import { findSameClientPaths } from './same-client-paths.js';

/** The v1 calls of the token endpoint, which takes the app's own credentials in a form, not a user's token. */
const TOKEN_PATH_CALLS = new Set(['code-exchange', 'token-refresh', 'token-revoke']);
/** What each of those takes and answers at v2 (API-CONTRACT §2.8). */
const TOKEN_PATH_BODIES: Readonly<Record<string, string>> = {
  'code-exchange':
    'client_key, client_secret, code, grant_type=authorization_code and the redirect_uri the authorize step sent, and read its answer flat (no `data` wrapper; `error` only on failure)',
  'token-refresh':
    'client_key, client_secret, refresh_token and grant_type=refresh_token, and read its answer flat (no `data` wrapper; `error` only on failure)',
  'token-revoke': 'client_key, client_secret and token (the access token to revoke); it answers nothing on success',
};

/**
 * Endpoint findings: each request to a retired endpoint, and each literal that first spells a retired
 * URL when no request in this module uses it or when other modules may (it is exported).
 */
export function findEndpoints(
  index: ModuleIndex,
  folder: ValueFolder,
  requests: readonly TikTokRequest[],
  compositions: readonly UrlComposition[],
): RawFinding[] {
  const findings: RawFinding[] = [];
  const consumed = new Set<Node>();
  for (const request of requests) {
    for (const node of request.trace) consumed.add(node);
    if (isEndpointFinding(request.match.kind)) findings.push(endpointFinding(request.match, request.call, 'request', index));
  }
  for (const root of compositions) {
    if (consumed.has(root.node) && !isExported(root.node, index)) continue;
    findings.push(endpointFinding(root.match, root.node, 'url'));
  }
  // A wrapper of the module that sends to the legacy host: each call that hands it a legacy path,
  // reported with its host (not as a path whose host is out of sight).
  const wrapped = wrapperCalls(index, folder, requests);
  for (const call of wrapped) consumed.add(call.node);
  const relative = findRelativeUploadPaths(index, folder, consumed);
  findings.push(...relative);
  const records = findPlatformRecordPaths(index, folder, new Set([...consumed, ...relative.map((finding) => finding.node!)]));
  findings.push(...records);
  const reported = new Set([...consumed, ...records.map((finding) => finding.node!)]);
  findings.push(
    ...findSameClientPaths(
      index,
      folder,
      relative.map((finding) => finding.node!),
      reported,
    ),
  );
  for (const call of wrapped) findings.push(endpointFinding(call.match, call.node, 'url'));
  findings.push(...findLegacyHostNames(index));
  return findings.map((finding) => withClientIdNoted(index, finding));
}

/**
 * The v2 token endpoint named as a successor, in a module that sends OAuth's `client_id` and never
 * TikTok's `client_key` (`params.append('client_id', …)`): the port keeps failing until that key is
 * renamed, so the finding says so.
 */
function withClientIdNoted(index: ModuleIndex, finding: RawFinding): RawFinding {
  const successor = finding.data?.successor;
  if (typeof successor !== 'string' || !successor.includes('/v2/oauth/token/')) return finding;
  if (!/\bclient_id\b/.test(index.text) || /\bclient_key\b/.test(index.text)) return finding;
  return {
    ...finding,
    data: { ...finding.data, successor: `${successor}; this module sends \`client_id\`, where TikTok wants \`client_key\`` },
  };
}

/**
 * The retired host named without a URL around it: `url.includes('open-api.tiktok.com')` in a fetch
 * mock, `page.route('**\/open-api.tiktok.com/**')`, an allow-list. Nothing is sent to it here, but
 * what it matches moves with the migration, and the name is TikTok's alone.
 */
function findLegacyHostNames(index: ModuleIndex): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const node of outermostStrings(index, false)) {
    if (node.type === 'BinaryExpression') continue;
    const text = node.type === 'TemplateLiteral' ? node.quasis.map((quasi: Node) => quasi.value.cooked ?? '').join('') : staticString(node);
    if (text === undefined || !BARE_LEGACY_HOST.test(text)) continue;
    findings.push({
      ruleId: 'no-unmapped-legacy-endpoint',
      messageId: 'hostName',
      node,
      severity: 'warning',
      data: { text: text.length > 60 ? `${text.slice(0, 59)}…` : text },
    });
  }
  return findings;
}

/** The legacy host's name where no `//` puts it in a URL (those are read as URLs). */
const BARE_LEGACY_HOST = new RegExp(
  `(?<![\\w.-]|//)${LEGACY_API_HOSTS.map((host) => host.replaceAll('.', '\\.')).join('|')}(?![\\w-])`,
  'i',
);

/** The legacy upload's path with no host before it (`/share/video/upload/`, `${API}/share/video/upload`). */
const RELATIVE_UPLOAD_PATH = new RegExp(`^(?:[^/]*${HOLE})?/?share/video/upload/?$`);

/** The inbox init as a record keeps it: its host apart from its path. */
const NEW_PLACE = { newHost: new URL(INBOX_VIDEO_INIT.url).origin, newPath: new URL(INBOX_VIDEO_INIT.url).pathname };

export function isRelativeUploadPath(text: string): boolean {
  return RELATIVE_UPLOAD_PATH.test(text) && !text.includes('//');
}

/**
 * A URL that ends in the legacy upload's path while its host is nowhere in sight (a base URL from a
 * module outside the scanned paths, an instance configured elsewhere): that path is TikTok's alone,
 * which is evidence enough for a warning, and a person who knows the base decides.
 */
function findRelativeUploadPaths(index: ModuleIndex, folder: ValueFolder, consumed: ReadonlySet<Node>): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const node of outermostStrings(index, false)) {
    if (consumed.has(node)) continue;
    const text = foldedText(folder.fold(node)).split('?')[0];
    if (!RELATIVE_UPLOAD_PATH.test(text) || text.includes('//')) continue;
    // An exported path constant is judged where it is imported and sent.
    if (isExported(node, index)) continue;
    // `this.logApiActivity('publish', '/share/video/upload/', data)`: a message naming the path, no request.
    const holder = index.parent(node);
    if (holder && isLogCall(holder) && (holder.arguments as Node[]).includes(node)) continue;
    const beside = baseBeside(node, index, folder);
    // `{ base: 'https://open-api.tiktok.com', upload: '/share/video/upload/' }`: the base is in sight,
    // so the path is the legacy upload for certain, not a guess about a base set elsewhere.
    const base = beside?.kind === 'legacy-base' ? beside.key : undefined;
    // `fetch(\`${base}/share/video/upload/\`, { body: JSON.stringify({ video_id: mediaId, text }) })`:
    // a publish step of the app's own, sent to the upload's path; no bytes go with it.
    const uploaded = base ? undefined : earlierUploadKeySent(index, node);
    const urlKey = base || uploaded ? undefined : videoUrlKeySent(index, node);
    const [messageId, data] = uploaded
      ? ['relativePublishStep', { path: LEGACY_UPLOAD.path, key: uploaded, advice: PUBLISH_STEP_ADVICE }]
      : urlKey
        ? ['relativeFromUrl', { path: LEGACY_UPLOAD.path, replacement: INBOX_VIDEO_INIT.url, key: urlKey }]
        : [
            base ? 'relativeBesideBase' : 'relative',
            { path: LEGACY_UPLOAD.path, replacement: INBOX_VIDEO_INIT.url, ...(base && { key: base, ...NEW_PLACE }) },
          ];
    findings.push({ ruleId: 'no-legacy-share-endpoint', messageId, node, severity: base ? 'error' : 'warning', data });
  }
  return findings;
}

/**
 * The keys of the JSON body a call sends beside the path it takes first: axios's second argument
 * (`client.post('/share/video/upload/', { videoUrl })`), or fetch's `body: JSON.stringify({…})`.
 */
function bodyKeysSentBeside(index: ModuleIndex, path: Node): string[] {
  const call = index.parent(path);
  if (!call || !isCall(call) || call.arguments[0] !== path) return [];
  return jsonKeys(jsonObjectSent(call));
}

/** The keys an object literal sent as JSON names (none for no object). */
function jsonKeys(json: Node | undefined): string[] {
  return json ? (json.properties as Node[]).flatMap((property) => keyName(property) ?? []) : [];
}

/** The object a call sends as JSON: axios's second argument, or what fetch's `body: JSON.stringify(…)` holds. */
function jsonObjectSent(call: Node, index?: ModuleIndex): Node | undefined {
  const second = call.arguments[1] && unwrap(call.arguments[1]);
  if (second?.type !== 'ObjectExpression') return undefined;
  const bodyProperty = (second.properties as Node[]).find((property) => keyName(property) === 'body');
  const stringified = bodyProperty && unwrap(bodyProperty.value);
  const json =
    stringified && isCall(stringified) && calleeName(stringified) === 'stringify' && stringified.arguments[0]
      ? unwrap(stringified.arguments[0])
      : second;
  // `JSON.stringify(publishData)`: the object a `const` above holds.
  const binding = json.type === 'Identifier' && index ? index.resolve(json) : undefined;
  const held = binding?.kind === 'const' && binding.path.length === 0 && binding.init ? unwrap(binding.init) : json;
  return held.type === 'ObjectExpression' ? held : undefined;
}

/** The body's key that names an earlier upload's id (`video_id`): the request publishes that upload. */
function earlierUploadKeySent(index: ModuleIndex, path: Node): string | undefined {
  return earlierUploadKeyIn(bodyKeysSentBeside(index, path));
}

function earlierUploadKeyIn(keys: readonly string[]): string | undefined {
  return EARLIER_UPLOAD_IDS.find((key) => keys.includes(key));
}

/** The key of a video's URL in the JSON body a call sends, when the body names no earlier upload's id. */
function videoUrlAlone(call: Node, index: ModuleIndex | undefined): string | undefined {
  const json = isCall(call) ? jsonObjectSent(call, index) : undefined;
  const keys = jsonKeys(json);
  if (earlierUploadKeyIn(keys)) return undefined;
  // `{ post_info, source_info: { source, video_url } }`: a Direct Post init's shape, its URL one level down.
  const source = json && (json.properties as Node[]).find((property) => keyName(property) === 'source_info');
  const inner = source?.value && unwrap(source.value).type === 'ObjectExpression' ? jsonKeys(unwrap(source.value)) : [];
  return [...keys, ...inner].find((key) => VIDEO_URL_KEY.test(key));
}

function publishFromUrlAdvice(key: string): string {
  return `it sends the video itself (\`${key}\`) and no earlier upload's id, so it is the upload, not a step after one: send POST ${INBOX_VIDEO_INIT.url} with Authorization: Bearer <token> and { source_info: { source: 'PULL_FROM_URL', video_url } } (a URL on a domain verified for the app), which answers data.publish_id; a caption or privacy it sends goes only with Direct Post (POST ${DIRECT_POST_INIT_URL}, post_info beside the same source_info, scope ${PUBLISH_SCOPE})`;
}

/** A key of a video's URL (`videoUrl`, `video_url`, `mediaUrl`): the body names where the video is, not its bytes. */
const VIDEO_URL_KEY = /^(?:video|media|file|source)_?url$/i;

/** The body's key that holds the video's URL, if there is one. */
function videoUrlKeySent(index: ModuleIndex, path: Node): string | undefined {
  return bodyKeysSentBeside(index, path).find((key) => VIDEO_URL_KEY.test(key));
}

/**
 * A request still sent to the legacy host, whose answer has the legacy shape. A URL value left for a
 * person (an exported constant) or a bare base URL sends nothing by itself.
 */
export function isLegacyRequestFinding(finding: Pick<RawFinding, 'ruleId' | 'messageId'>): boolean {
  return (
    (finding.ruleId === 'no-legacy-share-endpoint' || finding.ruleId === 'no-unmapped-legacy-endpoint') &&
    finding.messageId !== 'url' &&
    finding.messageId !== 'base'
  );
}

function endpointFinding(match: UrlMatch, node: Node, usage: 'request' | 'url', index?: ModuleIndex): RawFinding {
  const spelled = `https://${match.host}${match.path.replaceAll(HOLE, '…')}`;
  switch (match.kind) {
    case 'legacy-upload':
      return {
        ruleId: 'no-legacy-share-endpoint',
        messageId: usage,
        node,
        data: {
          legacy: `Share Video endpoint ${LEGACY_UPLOAD.method} ${LEGACY_UPLOAD.url}`,
          replacement: INBOX_VIDEO_INIT.url,
          hint: CODEMOD_HINT,
        },
      };
    case 'v1-endpoint':
      if (match.v1!.rewrite === 'authorize-page')
        return { ruleId: 'no-v1-oauth-endpoint', messageId: 'authorize', node, data: { legacy: spelled, hint: CODEMOD_HINT } };
      if (match.v1!.rewrite === 'code-exchange' && usage === 'request')
        return { ruleId: 'no-v1-oauth-endpoint', messageId: 'exchange', node, data: { legacy: spelled, hint: CODEMOD_HINT } };
      if (match.v1!.rewrite === 'token-revoke' && usage === 'request')
        return { ruleId: 'no-v1-oauth-endpoint', messageId: 'revoke', node, data: { legacy: spelled, hint: CODEMOD_HINT } };
      if (match.v1!.rewrite === 'user-info' && usage === 'request')
        return { ruleId: 'no-v1-oauth-endpoint', messageId: 'userInfo', node, data: { legacy: spelled, hint: CODEMOD_HINT } };
      if (match.v1!.path === LOGIN_KIT_USER_INFO_PATH && usage === 'request')
        return { ruleId: 'no-v1-oauth-endpoint', messageId: 'loginKitUserInfo', node, data: { legacy: spelled, hint: CODEMOD_HINT } };
      if (match.v1!.rewrite === 'video-list' && usage === 'request')
        return { ruleId: 'no-v1-oauth-endpoint', messageId: 'videoList', node, data: { legacy: spelled, hint: CODEMOD_HINT } };
      if (match.v1!.rewrite === 'token-refresh' && usage === 'request')
        return { ruleId: 'no-v1-oauth-endpoint', messageId: 'refresh', node, data: { legacy: spelled, hint: CODEMOD_HINT } };
      return {
        ruleId: 'no-v1-oauth-endpoint',
        messageId: 'endpoint',
        node,
        data: { legacy: spelled, purpose: match.v1!.purpose, replacement: match.v1!.replacement },
      };
    case 'legacy-dynamic':
      return { ruleId: 'no-unmapped-legacy-endpoint', messageId: 'dynamic', node, data: { host: match.host } };
    case 'v2-path-on-legacy-host':
      return {
        ruleId: 'no-unmapped-legacy-endpoint',
        messageId: 'v2PathOnLegacyHost',
        node,
        // `{ video_id, post_info }` sent after an upload: a publish step, which no API has.
        data: {
          legacy: spelled,
          advice: v2Advice(match.path, index && isCall(node) ? earlierUploadKeyIn(jsonKeys(jsonObjectSent(node, index))) : undefined),
        },
      };
    case 'share-path-on-new-host':
      // The upload's own path, or another of the Share Video API's (its status), put on the new host.
      return match.path.replace(/\/+$/, '').endsWith(LEGACY_UPLOAD.path.replace(/\/+$/, ''))
        ? {
            ruleId: 'no-legacy-share-endpoint',
            messageId: 'pathOnNewHost',
            node,
            data: { legacy: spelled, replacement: INBOX_VIDEO_INIT.url, direct: DIRECT_POST_INIT_URL },
          }
        : {
            ruleId: 'no-legacy-share-endpoint',
            messageId: 'sharePathOnNewHost',
            node,
            data: { legacy: spelled, status: PUBLISH_STATUS_FETCH.url },
          };
    case 'v1-path-on-new-host':
      // `${base}/oauth/access_token/` with the base moved to the new host and the path left as v1.
      return match.v1
        ? {
            ruleId: 'no-v1-oauth-endpoint',
            // A token call needs no token: it needs v2's form-encoded body, and answers flat.
            messageId: TOKEN_PATH_CALLS.has(match.v1.rewrite ?? '') ? 'tokenPathOnNewHost' : 'pathOnNewHost',
            node,
            data: { legacy: spelled, replacement: match.v1.replacement, fields: TOKEN_PATH_BODIES[match.v1.rewrite ?? ''] ?? '' },
          }
        : {
            ruleId: 'no-unmapped-legacy-endpoint',
            messageId: 'pathOnNewHost',
            node,
            data: { legacy: spelled, successor: successorOf(match.path)! },
          };
    default: {
      const successor = successorOf(match.path);
      if (isStatusQueryPath(match.path))
        return {
          ruleId: 'no-unmapped-legacy-endpoint',
          messageId: 'statusQuery',
          node,
          data: { legacy: spelled, successor: successor!, hint: CODEMOD_HINT },
        };
      if (successor)
        return {
          ruleId: 'no-unmapped-legacy-endpoint',
          messageId: 'successor',
          node,
          data: { legacy: spelled, successor: asksUploadStatus(match, node) ? UPLOAD_STATUS_SUCCESSOR : successor },
        };
      const imagined = imaginedStepAdvice(match.path);
      // `{ title, description }` and nothing of a video: a text post, not a publish of an upload.
      const text = imagined === PUBLISH_STEP_ADVICE ? textAloneKeys(node) : undefined;
      // `{ video_url, text }` and no earlier upload's id: the one call that posts the video, not a step after an upload.
      const urlKey = imagined === PUBLISH_STEP_ADVICE && !text ? videoUrlAlone(node, index) : undefined;
      const advice = text
        ? `its body sends ${namedList(text)} and no video: ${TEXT_POST_ADVICE}`
        : urlKey
          ? publishFromUrlAdvice(urlKey)
          : imagined;
      if (advice) return { ruleId: 'no-unmapped-legacy-endpoint', messageId: 'imaginedStep', node, data: { legacy: spelled, advice } };
      const gone = withoutSuccessorAdvice(match.path);
      return gone
        ? { ruleId: 'no-unmapped-legacy-endpoint', messageId: 'withoutSuccessor', node, data: { legacy: spelled, advice: gone } }
        : { ruleId: 'no-unmapped-legacy-endpoint', messageId: 'request', node, data: { legacy: spelled } };
    }
  }
}

/**
 * `/video/query/?fields=status&video_ids=${id}` with the id an upload answered: the status of that
 * upload, which no video's fields hold (v2's video object has none called so, §2.8); the Content
 * Posting status fetch answers it (§5).
 */
/** Keys of a body that carry a video, or name one an earlier step uploaded. */
const VIDEO_KEY = /video|media|file|url|source|upload|_id$|^id$/i;
/** Keys of a post's text. */
const TEXT_KEY = /^(?:title|description|text|caption|content|privacy_level)$/;

/**
 * The keys of the JSON body a publish step sends, when they are a post's text and nothing of a video
 * (`fetch(url, { body: JSON.stringify({ title, description }) })`, `axios.post(url, { text })`).
 */
function textAloneKeys(call: Node): string[] | undefined {
  const body = isCall(call) ? jsonObjectSent(call) : undefined;
  if (!body) return undefined;
  const keys = (body.properties as Node[]).map((property) => (property.type === 'SpreadElement' ? undefined : keyName(property)));
  if (keys.length === 0 || keys.some((key) => key === undefined || VIDEO_KEY.test(key))) return undefined;
  const text = keys.filter((key): key is string => TEXT_KEY.test(key!));
  return text.length > 0 ? text : undefined;
}

function asksUploadStatus(match: UrlMatch, node: Node): boolean {
  if (match.path.replace(/\/+$/, '') !== '/video/query') return false;
  // The request's URL: its first argument, the URL itself otherwise.
  const url = isCall(node) && node.arguments.length > 0 ? unwrap(node.arguments[0]) : node;
  const written =
    url.type === 'TemplateLiteral' ? (url.quasis as Node[]).map((quasi) => quasi.value.cooked ?? '').join('…') : staticString(url);
  return /[?&]fields=(?:[^&]*,)?status(?:[,&]|$)/.test(written ?? '');
}

const UPLOAD_STATUS_SUCCESSOR = `POST ${PUBLISH_STATUS_FETCH.url} with {"publish_id"} (it asks for the status of an upload, which no video's fields hold: the status fetch answers data.status, one of ${PUBLISH_STATUSES.join(', ')})`;

export interface UrlComposition {
  readonly node: Node;
  readonly match: UrlMatch;
  readonly url: Folded;
}

/**
 * The expressions where a retired URL comes into being: the outermost string expression (literal,
 * template, concatenation, `new URL`) whose value is a retired endpoint and that did not get it from
 * a constant that already held one.
 */
export function findUrlCompositions(index: ModuleIndex, folder: ValueFolder): UrlComposition[] {
  const roots: UrlComposition[] = [];
  for (const node of outermostStrings(index, true)) {
    if (isParameterValue(node, index)) continue;
    const folded = folder.fold(node);
    if (folded.viaUrlRef) continue;
    const match = classifyUrl(foldedText(folded));
    if (match && isEndpointFinding(match.kind)) roots.push({ node, match, url: folded });
  }
  return roots;
}

/**
 * A URL handed to another page as where to send the user back (`redirect_uri: '…'`, `?next=${
 * encodeURIComponent('…')}`) names a page, and this code sends no request to it: a TikTok URL there
 * is no call of the app's.
 */
function isParameterValue(node: Node, index: ModuleIndex): boolean {
  const parent = index.parent(node);
  if (!parent) return false;
  if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.value === node) {
    const key = parent.key.type === 'Identifier' ? parent.key.name : isStringLiteral(parent.key) ? parent.key.value : undefined;
    return typeof key === 'string' && RETURN_ADDRESS_PARAM.test(key);
  }
  if (!(parent.type === 'CallExpression' && parent.callee.type === 'Identifier' && /^encodeURI(?:Component)?$/.test(parent.callee.name)))
    return false;
  // Encoded into another URL's query: the text written just before it names the parameter.
  const holder = index.parent(parent);
  if (holder?.type === 'TemplateLiteral') {
    const at = holder.expressions.indexOf(parent);
    return at >= 0 && isReturnAddress(holder.quasis[at].value.cooked ?? holder.quasis[at].value.raw);
  }
  if (holder?.type === 'BinaryExpression' && holder.operator === '+' && holder.right === parent) {
    const left = unwrap(holder.left);
    return isStringLiteral(left) && isReturnAddress(left.value);
  }
  return false;
}

/**
 * The string expressions a URL can be written as (a literal, a template, a concatenation, and with
 * `withNewUrl` a `new URL(…)`), each taken whole: not a part of a larger one.
 */
function* outermostStrings(index: ModuleIndex, withNewUrl: boolean): Generator<Node> {
  const types = ['StringLiteral', 'Literal', 'TemplateLiteral', 'BinaryExpression', ...(withNewUrl ? ['NewExpression'] : [])];
  for (const node of types.flatMap((type) => [...index.ofType(type)])) {
    if (node.type === 'BinaryExpression' && node.operator !== '+') continue;
    if (node.type === 'NewExpression' && !(node.callee.type === 'Identifier' && node.callee.name === 'URL')) continue;
    if ((node.type === 'Literal' || node.type === 'StringLiteral') && !isStringLiteral(node)) continue;
    if (isOutermost(node, index)) yield node;
  }
}

/** Not a part of a larger string expression, and a value rather than a key or a module name. */
function isOutermost(node: Node, index: ModuleIndex): boolean {
  const parent = index.parent(node);
  if (!parent) return true;
  const outer = unwrap(parent);
  if (outer.type === 'BinaryExpression' && outer.operator === '+') return false;
  if (outer.type === 'TemplateLiteral') return false;
  if (outer.type === 'NewExpression' && outer.callee.type === 'Identifier' && outer.callee.name === 'URL') return false;
  if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.key === node && !parent.computed) return false;
  if (parent.type.startsWith('Import') || parent.type.startsWith('Export') || parent.type === 'TSLiteralType') return false;
  return true;
}

/**
 * Whether other modules can read the value that holds this node. `byName`: only as the value itself
 * (`module.exports = { API_BASE }`), not through a function the module exports that reads it
 * (`module.exports.upload = async () => … API_BASE …`, which counts otherwise).
 */
export function isExported(node: Node, index: ModuleIndex, byName = false): boolean {
  const top = index.topLevelStatement(node);
  if (!top) return false;
  // Data, not code: a literal inside a function or a class is not what the module exports.
  for (const ancestor of index.ancestors(node)) {
    if (ancestor === top) break;
    if (isFunction(ancestor) || ancestor.type === 'ClassBody') return false;
  }
  if (top.type === 'ExportNamedDeclaration' || top.type === 'ExportDefaultDeclaration') return true;
  if (top.type === 'ExpressionStatement' && isModuleExportsTarget(top.expression)) return true;
  if (top.type !== 'VariableDeclaration') return false;
  const names = new Set<string>(top.declarations.filter((d: Node) => d.id.type === 'Identifier').map((d: Node) => d.id.name));
  for (const specifier of index.ofType('ExportSpecifier')) if (names.has(specifier.local.name ?? specifier.local.value)) return true;
  const named = (value: Node) => unwrap(value).type === 'Identifier' && names.has(unwrap(value).name);
  for (const assignment of index.ofType('AssignmentExpression')) {
    if (!isModuleExportsTarget(assignment)) continue;
    const value = unwrap(assignment.right);
    if (byName) {
      if (named(value) || (value.type === 'ObjectExpression' && objectProperties(value).some((property) => named(property.value))))
        return true;
      continue;
    }
    const source = index.source(assignment.right);
    for (const name of names) if (new RegExp(`\\b${name}\\b`).test(source)) return true;
  }
  return false;
}

/**
 * A value written in a settings object given to a call (`passport.use(new Strategy({ tokenURL: '…' }))`,
 * `NextAuth({ providers: [{ token: '…' }] })`) is handed to the code it calls, which sends it:
 * exported with the call's result or not, no importer reads it as the module's data. A record made
 * read-only (`Object.freeze({ … })`) is still the record, and a URL given as an argument itself (a
 * mock's route, `rest.post(url, resolver)`) is matched there, not sent.
 */
export function isHandedToCall(node: Node, index: ModuleIndex): boolean {
  let child = node;
  let inObject = false;
  for (const ancestor of index.ancestors(node)) {
    if (ancestor.type === 'ObjectExpression') inObject = true;
    if ((ancestor.type === 'CallExpression' || ancestor.type === 'NewExpression') && ancestor.callee !== child && !isFreeze(ancestor))
      return inObject;
    if (isFunction(ancestor)) return false;
    child = ancestor;
  }
  return false;
}

function isModuleExportsTarget(expression: Node): boolean {
  if (expression.type !== 'AssignmentExpression') return false;
  let left = expression.left;
  while (left.type === 'MemberExpression') {
    if (left.object.type === 'Identifier' && (left.object.name === 'module' || left.object.name === 'exports')) return true;
    left = left.object;
  }
  return false;
}

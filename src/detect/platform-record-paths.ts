import { INBOX_VIDEO_INIT, KNOWN_LEGACY_PATHS, LEGACY_API_HOSTS, V1_ENDPOINTS } from '../contract/index.js';
import { isFunction, isStringLiteral, keyName, staticString, type Node } from './ast.js';
import { baseBeside } from './base-beside.js';
import { classifyUrl, imaginedStepAdvice, successorOf } from './classify-url.js';
import { foldedText, HOLE } from './folded.js';
import type { ModuleIndex } from './module-index.js';
import type { RawFinding } from './raw-finding.js';
import type { ValueFolder } from './static-value.js';

const TIKTOK_KEY = /tiktok/i;
/** The v1 token calls: a form-encoded POST in v2, with the app's secret, answered flat. */
const TOKEN_CALLS = new Set(['code-exchange', 'token-refresh', 'token-revoke']);

/**
 * `{ youtube: { … }, tiktok: { base: process.env.TIKTOK_API, upload: '/share/video/upload/' } }`:
 * a record keyed by platform keeps TikTok's paths relative to a base set elsewhere, and the request
 * that joins them reads the record by a computed key no reader can follow. Under a TikTok key, a
 * path only the retired host serves is reported where it is written, exported or not.
 */
export function findPlatformRecordPaths(index: ModuleIndex, folder: ValueFolder, skip: ReadonlySet<Node>): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const node of [...index.ofType('StringLiteral'), ...index.ofType('Literal'), ...index.ofType('TemplateLiteral')]) {
    if (skip.has(node) || (node.type !== 'TemplateLiteral' && !isStringLiteral(node))) continue;
    const page = authorizePageBesideHost(node, index);
    if (page) {
      findings.push(page);
      continue;
    }
    const path = pathAfterBase(node, folder);
    if (!path.startsWith('/') || path.includes('//') || !KNOWN_LEGACY_PATHS.has(path.replace(/\/+$/, '').toLowerCase())) continue;
    const beside = baseBeside(node, index, folder);
    // `{ base: 'https://open.tiktokapis.com/v2', userInfo: '/user/info/' }`: a v2 endpoint under its own base.
    if (beside?.kind === 'content-posting') continue;
    // `{ tokenHost: 'https://open-api.tiktok.com', tokenPath: '/oauth/access_token/' }` (an OAuth
    // library's settings): the retired host is in sight beside the path, whatever the record's key.
    const besideLegacyBase = beside?.kind === 'legacy-base';
    if (!besideLegacyBase && !underTikTokKey(node, index)) continue;
    const relative = relativeFinding(path, node);
    // Its base in sight: said as the record's, not as one set elsewhere.
    const finding =
      relative && besideLegacyBase && relative.ruleId !== 'no-legacy-share-endpoint'
        ? { ...relative, messageId: 'relativeBesideBase', data: { ...relative.data, key: beside.key } }
        : relative;
    if (finding) findings.push(finding);
  }
  return findings;
}

/** The v1 authorize page's paths on www.tiktok.com: its own, and the one OAuth servers name theirs. */
const V1_AUTHORIZE_PATHS = new Set(
  V1_ENDPOINTS.filter((endpoint) => endpoint.host === 'www.tiktok.com' && endpoint.rewrite === 'authorize-page').map(
    (endpoint) => endpoint.path,
  ),
);

/**
 * `{ authorizeHost: 'https://www.tiktok.com', authorizePath: '/auth/authorize/' }` (fastify-oauth2's,
 * simple-oauth2's settings): the host and the path of the v1 authorize page, split in two, and opened
 * by a library that builds the query for every provider (with `client_id`, where TikTok reads
 * `client_key`). Reported at the path, for a person: the page and what the library sends move together.
 */
function authorizePageBesideHost(node: Node, index: ModuleIndex): RawFinding | undefined {
  // Written out as it is (`'/auth/authorize/'`): every literal of the module passes here, so no folding.
  const path = staticString(node);
  if (path === undefined || !V1_AUTHORIZE_PATHS.has(path.endsWith('/') ? path : `${path}/`)) return undefined;
  const property = index.parent(node);
  const record = property && index.parent(property);
  if (!property || record?.type !== 'ObjectExpression' || property.value !== node) return undefined;
  const host = (record.properties as Node[]).find((sibling) => {
    const value = sibling !== property && sibling.value ? sibling.value : undefined;
    return value && isStringLiteral(value) && /^https:\/\/www\.tiktok\.com\/?$/.test(staticString(value) ?? '');
  });
  const key = host && keyName(host);
  if (!key) return undefined;
  return { ruleId: 'no-v1-oauth-endpoint', messageId: 'authorizeBesideHost', node, data: { path, key } };
}

/** A URL's path without its query, and without a base set elsewhere (`${API}/user/info/` → `/user/info/`). */
export function pathAfterBase(node: Node, folder: ValueFolder): string {
  return foldedText(folder.fold(node))
    .split('?')[0]
    .replace(new RegExp(`^[^/]*${HOLE}`), '');
}

/** The value of a property whose key, or an enclosing one's, names TikTok; not inside a function. */
function underTikTokKey(node: Node, index: ModuleIndex): boolean {
  const holder = index.parent(node);
  if (!holder || (holder.type !== 'ObjectProperty' && holder.type !== 'Property') || holder.value !== node) return false;
  for (const ancestor of index.ancestors(node)) {
    if (isFunction(ancestor)) return false;
    if ((ancestor.type === 'ObjectProperty' || ancestor.type === 'Property') && TIKTOK_KEY.test(keyName(ancestor) ?? '')) return true;
  }
  return false;
}

/**
 * A path only the retired host serves, written without its host: the finding of its endpoint rule.
 * `where` says what ties it to TikTok (its key in a record, the client it goes through).
 */
export function relativeFinding(path: string, node: Node, where = ', under a TikTok key,'): RawFinding | undefined {
  const match = classifyUrl(`https://${LEGACY_API_HOSTS[0]}${path}`);
  switch (match?.kind) {
    case 'legacy-upload':
      return {
        ruleId: 'no-legacy-share-endpoint',
        messageId: 'relative',
        node,
        severity: 'warning',
        data: { path, replacement: INBOX_VIDEO_INIT.url },
      };
    case 'v1-endpoint':
      return {
        ruleId: 'no-v1-oauth-endpoint',
        // A token call asks for no scope: what its v2 form takes is said instead.
        messageId: TOKEN_CALLS.has(match.v1!.rewrite ?? '') ? 'relativeToken' : 'relative',
        node,
        data: { path, where, purpose: match.v1!.purpose, replacement: match.v1!.replacement },
      };
    case 'legacy-unmapped': {
      const successor = successorOf(match.path);
      const advice = imaginedStepAdvice(match.path);
      return {
        ruleId: 'no-unmapped-legacy-endpoint',
        messageId: 'relative',
        node,
        severity: 'warning',
        data: {
          path,
          where,
          successor: successor
            ? `; its successor is ${successor}`
            : advice
              ? `: ${advice}`
              : ': it has no Content Posting equivalent, port it by hand',
        },
      };
    }
    default:
      return undefined;
  }
}

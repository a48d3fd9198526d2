import {
  CONTENT_POSTING_HOSTS,
  IMAGINED_STEPS,
  INBOX_VIDEO_INIT,
  LEGACY_API_HOSTS,
  LEGACY_PATH_SUCCESSORS,
  NEVER_SERVED_TOKEN_PATH,
  STATUS_QUERY_PATHS,
  TIKTOK_SHOP_PATH,
  BUSINESS_API_PATH,
  BUSINESS_API_SUCCESSOR,
  RESEARCH_PATH,
  researchSuccessor,
  TIKTOK_SHOP_SUCCESSOR,
  LEGACY_UPLOAD,
  MISSPELLED_UPLOAD_PATHS,
  V1_ENDPOINTS,
  V2_ENDPOINT_CALLS,
  V2_VIDEO_QUERY_URL,
  type V1Endpoint,
} from '../contract/index.js';
import { HOLE } from './folded.js';

export type UrlKind =
  /** The legacy Share Video upload. */
  | 'legacy-upload'
  /** A v1 OAuth or user endpoint. */
  | 'v1-endpoint'
  /** Another known path on the legacy host, with no Content Posting equivalent. */
  | 'legacy-unmapped'
  /** The legacy host with a path that is not known statically. */
  | 'legacy-dynamic'
  /** The legacy host alone: a shared base URL, not a finding by itself. */
  | 'legacy-base'
  /** The Content Posting host: only its query string can be legacy. */
  | 'content-posting'
  /** A Share Video path (`/share/video/upload/`, `…/status/`) put on the Content Posting host, where it never existed. */
  | 'share-path-on-new-host'
  /** A v1 path (`/oauth/access_token/`, `/user/info/`, `/video/query/`) put on the Content Posting host without `/v2`. */
  | 'v1-path-on-new-host'
  /** A v2 path (`/v2/user/info/`, `/v2/oauth/token/`) put on the retired v1 host, which never served one. */
  | 'v2-path-on-legacy-host';

export interface UrlMatch {
  readonly kind: UrlKind;
  readonly host: string;
  /** The path as written, holes included. */
  readonly path: string;
  readonly v1?: V1Endpoint;
  /** Index in the folded text where the query string starts, or -1. */
  readonly queryStart: number;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ALL_HOSTS = [...LEGACY_API_HOSTS, ...CONTENT_POSTING_HOSTS, ...new Set(V1_ENDPOINTS.map((e) => e.host))];
const HOST_PATTERN = new RegExp(`(?:^|[^\\w.-])(?:https?:)?//(${ALL_HOSTS.map(escape).join('|')})(?=[/?#:${HOLE}'"\`]|$)`, 'i');

const withoutSlash = (path: string) => path.replace(/\/+$/, '');

/** Whether `path` (a request's, as classified) is the path of `url`, a final slash aside. */
export function isPathOf(url: string, path: string): boolean {
  return withoutSlash(new URL(url).pathname) === withoutSlash(path);
}
/** The v1 endpoints of the legacy API host: their paths, moved to the new host, still need `/v2`. */
const V1_ON_LEGACY_HOST = V1_ENDPOINTS.filter((endpoint) => (LEGACY_API_HOSTS as readonly string[]).includes(endpoint.host));
const LEGACY_SUCCESSOR_PATHS = new Set(Object.keys(LEGACY_PATH_SUCCESSORS).map(withoutSlash));
/** The Share Video API's own paths, `/share/video/…`, which the Content Posting host never served. */
const SHARE_VIDEO_PATH = /\/share\/video\//;

/**
 * Which TikTok endpoint a folded URL names, judged on the exact host (issue 3: anchor on the host).
 * Returns undefined for anything not on a TikTok API host.
 */
export function classifyUrl(text: string): UrlMatch | undefined {
  const match = HOST_PATTERN.exec(text);
  // `https://app.example/login?next=https://www.tiktok.com/auth/authorize/`: where another page sends
  // the user back to, not where a request goes (a proxy's `?url=` still is).
  if (!match || isReturnAddress(text.slice(0, match.index + 1))) return undefined;
  const host = match[1].toLowerCase();
  const rest = text.slice(match.index + match[0].length).replace(/^:\d+/, '');
  // A URL ends at the query, the fragment or the first character no URL holds (a string quoted inside a template).
  const pathEnd = rest.search(/[?#\s'"`]/);
  const path = pathEnd === -1 ? rest : rest.slice(0, pathEnd);
  const queryStart = rest[pathEnd] === '?' ? text.length - rest.length + pathEnd : -1;
  const base = { host, path, queryStart };

  if ((CONTENT_POSTING_HOSTS as readonly string[]).includes(host)) {
    if (SHARE_VIDEO_PATH.test(path)) return { ...base, kind: 'share-path-on-new-host' };
    const v1 = V1_ON_LEGACY_HOST.find((endpoint) => withoutSlash(endpoint.path) === withoutSlash(path));
    if (v1 || LEGACY_SUCCESSOR_PATHS.has(withoutSlash(path))) return { ...base, kind: 'v1-path-on-new-host', v1 };
    return { ...base, kind: 'content-posting' };
  }
  const v1Named = (at: string) =>
    V1_ENDPOINTS.find((endpoint) => endpoint.host === host && withoutSlash(endpoint.path) === withoutSlash(at));
  // `/platform/user/info/`, `/platform/oauth/authorize/`: a v1 path behind the prefix of the v1
  // authorize page (`/platform/oauth/connect/`), which the host never served; the endpoint meant.
  const v1 = v1Named(path) ?? (PLATFORM_PREFIX.test(path) ? v1Named(path.replace(PLATFORM_PREFIX, '')) : undefined);
  if (v1) return { ...base, kind: 'v1-endpoint', v1 };
  if (!(LEGACY_API_HOSTS as readonly string[]).includes(host)) return undefined;
  // `/platform/share/video/upload/` never existed, but it is the Share Video upload its author meant.
  if (withoutSlash(path).endsWith(withoutSlash(LEGACY_UPLOAD.path))) return { ...base, kind: 'legacy-upload' };
  // `/video/upload/` never existed either: an upload sent there is the same upload, misspelled.
  if (MISSPELLED_UPLOAD_PATHS.some((upload) => withoutSlash(upload) === withoutSlash(path))) return { ...base, kind: 'legacy-upload' };
  // `https://open-api.tiktok.com/v1`: a version prefix, which no v1 path had, ends a base written so.
  if (/^(?:\/v1)?\/?$/i.test(path)) return { ...base, kind: 'legacy-base' };
  if (/^\/v2\//i.test(path)) return { ...base, kind: 'v2-path-on-legacy-host' };
  // `/share/video/publish/${id}/`: a path named up to its id is a path of the retired host all the same;
  // only one whose first segment is unknown (`${base}${path}`, `/${action}`) cannot be read.
  if (path.includes(HOLE) && !/^\/[\w.-]+\//.test(path.slice(0, path.indexOf(HOLE)))) return { ...base, kind: 'legacy-dynamic' };
  return { ...base, kind: 'legacy-unmapped' };
}

/**
 * `https://open-api.tiktok.com/oauth/token/` (or `/platform/oauth/token/`): a token endpoint the retired
 * host never served, written as OAuth servers name theirs. The call is the v2 token call put on the
 * wrong host and path (its body and reads say which habits it kept).
 */
export function meansV2Token(match: UrlMatch): boolean {
  return match.kind === 'legacy-unmapped' && withoutSlash(match.path.replace(PLATFORM_PREFIX, '')).toLowerCase() === '/oauth/token';
}

/** Query parameters that name where another page sends the user back to. */
export const RETURN_ADDRESS_PARAM = /^(?:redirect_?ur[il]|redirect(?:_?to)?|return_?(?:ur[il]|to)|callback_?ur[il]|next)$/i;

/** Whether a URL's text so far ends in the value of a return-address parameter: `…?next=`. */
export function isReturnAddress(before: string): boolean {
  const parameter = /[?&]([\w-]+)=\W?$/.exec(before);
  return parameter !== null && RETURN_ADDRESS_PARAM.test(parameter[1]);
}

/** Endpoint kinds that are findings of their own. */
export function isEndpointFinding(kind: UrlKind): boolean {
  return kind !== 'legacy-base' && kind !== 'content-posting';
}

/** The prefix of the v1 authorize page's path, which code also put before other v1 paths. */
const PLATFORM_PREFIX = /^\/platform(?=\/)/i;

/** The v2 successor of another path on the legacy host, where it has one (`/share/video/query/`). */
export function successorOf(written: string): string | undefined {
  const path = written.replace(PLATFORM_PREFIX, '');
  if (TIKTOK_SHOP_PATH.test(path)) return TIKTOK_SHOP_SUCCESSOR;
  if (BUSINESS_API_PATH.test(path)) return BUSINESS_API_SUCCESSOR;
  if (RESEARCH_PATH.test(path)) return researchSuccessor(path);
  const trimmed = path.replace(/\/+$/, '');
  const named = Object.entries(LEGACY_PATH_SUCCESSORS).find(([legacy]) => legacy.replace(/\/+$/, '') === trimmed)?.[1];
  // `${tokenUrl}/refresh_token` (`/oauth/access_token/refresh_token`): an OAuth path never served, written for a token.
  return named ?? (INVENTED_TOKEN_PATH.test(trimmed) ? LEGACY_PATH_SUCCESSORS[NEVER_SERVED_TOKEN_PATH] : undefined);
}

/** A path under `/oauth/` that names a token or its refresh, none of v1's own (those are matched before). */
const INVENTED_TOKEN_PATH = /^\/oauth\/.*(?:token|refresh)/i;

/** What to do with a step real code imagined around the upload on the legacy host (`/share/video/publish/`), where it is one. */
export function imaginedStepAdvice(path: string): string | undefined {
  return IMAGINED_STEPS.find((step) => step.path.test(path))?.advice;
}

/** The publish step's advice, for a v2 path that ends the same way (`/v2/post/publish/video/complete/`). */
const V2_STEP_AFTER_UPLOAD = /\/(?:complete|commit|finish|finalize|confirm)\/?$/i;

/** Whether a path on the legacy host asks for the status of a share, which the codemod rewrites to the status fetch. */
export function isStatusQueryPath(path: string): boolean {
  return STATUS_QUERY_PATHS.some((legacy) => withoutSlash(legacy) === withoutSlash(path));
}

/** `/share/video/status/`: written for the status of a share, but never served by the legacy host. */
export function isNeverServedStatusPath(path: string): boolean {
  return withoutSlash(path) === withoutSlash(STATUS_QUERY_PATHS[1]);
}

/** How the v2 endpoint a v2 path put on the retired v1 host names is called, where the contract has it (`/v2/user/info/`). */
function v2CallOf(path: string): string | undefined {
  if (path.includes(HOLE)) return undefined;
  const url = Object.keys(V2_ENDPOINT_CALLS).find((known) => isPathOf(known, path));
  return url && V2_ENDPOINT_CALLS[url];
}

/** Where a v2 path put on the retired v1 host belongs: its endpoint on the v2 host, or none the contract names. */
export function v2Advice(path: string, earlierUpload?: string): string {
  const call = v2CallOf(path);
  if (call) return `the v2 API is on https://open.tiktokapis.com: ${call}`;
  // `/v2/research/video/query/`: the Research API's own path, only on the wrong host.
  const research = /^\/v2(\/research\/[\w/-]*)$/.exec(path);
  if (research && RESEARCH_PATH.test(research[1])) return `its successor is ${researchSuccessor(research[1])}`;
  const none = `the v2 API is on https://open.tiktokapis.com, and ${path.replaceAll(HOLE, '…')} is none of its endpoints either`;
  if (V2_STEP_AFTER_UPLOAD.test(path)) return `${none}: ${imaginedStepAdvice('/video/publish/')!}`;
  // `{ video_id, post_info }` to `/v2/post/video/`: it publishes an upload made before.
  if (earlierUpload && !/init/.test(path))
    return `${none}: it sends \`${earlierUpload}\`, the id of an upload made before, so it is a publish step: ${imaginedStepAdvice('/video/publish/')!}`;
  // `/v2/video/data/`, `/v2/video/stats/`: a video's data, which the video query answers by id.
  if (/^\/v2\/videos?\//.test(path) && !/upload|publish|init/.test(path))
    return `${none}: port the call to the one it means (a video's fields, counts among them, come from POST ${V2_VIDEO_QUERY_URL}?fields=… with {"filters":{"video_ids":[…]}}, at most 20 ids, answered as data.videos)`;
  return `${none}: port the call to the one it means (an upload to the inbox starts at POST ${INBOX_VIDEO_INIT.url})`;
}

import { KNOWN_LEGACY_PATHS, LEGACY_API_HOSTS, V1_ENDPOINTS } from '../contract/index.js';
import { BASE_NAME } from '../detect/legacy-base-url.js';
import { classifyEndpoint, type EndpointVerdict } from './classify-endpoint.js';
import { escapeRegExp, type LineMatch } from './line-match.js';

const URL_HOSTS = [...new Set([...LEGACY_API_HOSTS, ...V1_ENDPOINTS.map((endpoint) => endpoint.host)])];

/** JSON writers (PHP's json_encode, for one) escape slashes: `https:\/\/open-api.tiktok.com\/share\/…`. */
const SLASH = String.raw`\\?/`;
const SEGMENT = String.raw`[^\s"'\x60<>()[\]\\/?#|,;]*`;

/**
 * A host of interest, with an optional scheme (or `//`) and port, then its path up to the query.
 * The host must stand alone: not the tail of `api.open-api.tiktok.com` nor the head of
 * `open-api.tiktok.com.example.net`.
 */
const URL_PATTERN = new RegExp(
  String.raw`(?<![\w.-])(?:(?:https?:)?${SLASH}${SLASH})?(${URL_HOSTS.map(escapeRegExp).join('|')})(?::\d+)?(?![\w-]|\.\w)((?:${SLASH}${SEGMENT})*)`,
  'gi',
);

/** Prose puts a full stop or a comma after a URL; it is not part of the path. */
const TRAILING_PUNCTUATION = /[.,:;!]+$/;

const LEGACY_HOST_MENTION = new RegExp(`(?<![\\w.-])(${LEGACY_API_HOSTS.map(escapeRegExp).join('|')})(?![\\w-]|\\.\\w)`, 'i');

/**
 * A path that starts a string or follows a variable (`{BASE}`, `#{base}`, `$BASE`): not the
 * continuation of another host's URL such as `https://open.tiktokapis.com/v2/user/info/`.
 */
const STANDALONE_PATH = new RegExp(
  String.raw`(?<=^|[\s"'\x60=(,+:>]|\}|\$[A-Za-z_]\w*)((?:${SLASH}[\w.~%-]+)+(?:${SLASH})?)(?![\w.~%-])`,
  'g',
);

const unescapeSlashes = (text: string) => text.replace(/\\\//g, '/');

function findUrls(line: string): LineMatch[] {
  const matches: LineMatch[] = [];
  for (const match of line.matchAll(URL_PATTERN)) {
    const rawPath = match[2].replace(TRAILING_PUNCTUATION, '');
    const verdict = classifyEndpoint(match[1], unescapeSlashes(rawPath)) ?? baseVerdict(line.slice(0, match.index), match[1], rawPath);
    if (!verdict) continue;
    const start = match.index;
    const end = start + match[0].length - (match[2].length - rawPath.length);
    matches.push({ start, end, ...verdict });
  }
  return matches;
}

/** The name a value on this line is assigned to, just before it: `$apiBase = '`, `BASE_URL: "`, `'base_url' => '`. */
const HOLDER = /([A-Za-z_$][\w$]*)['"]?\s*(?:=>|:=|=|:)\s*['"\x60]?$/;

/** The bare legacy host held under a base-URL name: what every request of the client is built on. */
function baseVerdict(before: string, host: string, path: string): EndpointVerdict | undefined {
  if (path !== '' && path !== '/' && path !== '\\/') return undefined;
  if (!(LEGACY_API_HOSTS as readonly string[]).includes(host.toLowerCase())) return undefined;
  const name = HOLDER.exec(before)?.[1].replace(/^\$/, '');
  if (name === undefined || !BASE_NAME.test(name)) return undefined;
  return { ruleId: 'text/unmapped-legacy-endpoint', messageId: 'base', data: { legacy: `https://${host.toLowerCase()}` } };
}

function findStandalonePaths(line: string, host: string, taken: readonly LineMatch[]): LineMatch[] {
  const matches: LineMatch[] = [];
  for (const match of line.matchAll(STANDALONE_PATH)) {
    const path = unescapeSlashes(match[1]);
    if (!KNOWN_LEGACY_PATHS.has(path.replace(/\/+$/, '').toLowerCase())) continue;
    const start = match.index;
    const end = start + match[1].length;
    if (taken.some((other) => start < other.end && other.start < end)) continue;
    const verdict = classifyEndpoint(host, path);
    if (verdict) matches.push({ start, end, ...verdict });
  }
  return matches;
}

/** The legacy host a file names anywhere, if any: what its bare legacy paths are relative to. */
export function legacyHostIn(text: string): string | undefined {
  return LEGACY_HOST_MENTION.exec(text)?.[1].toLowerCase();
}

/**
 * Legacy endpoints on one line: full URLs always, and known legacy paths on their own when the
 * file names the legacy host (`legacyHost`).
 */
export function findEndpoints(line: string, legacyHost: string | undefined): LineMatch[] {
  const urls = findUrls(line);
  if (legacyHost === undefined) return urls;
  return [...urls, ...findStandalonePaths(line, legacyHost, urls)];
}

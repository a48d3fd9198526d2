import {
  INBOX_VIDEO_INIT, LEGACY_API_HOSTS, LEGACY_UPLOAD, V1_ENDPOINTS,
} from '../contract/index.js';
import type { RuleId } from '../detect/rule-catalog.js';

export interface EndpointVerdict {
  readonly ruleId: RuleId;
  readonly messageId: string;
  readonly data: Readonly<Record<string, string>>;
}

const withoutTrailingSlash = (path: string) => path.replace(/\/+$/, '');
const same = (a: string, b: string) => withoutTrailingSlash(a).toLowerCase() === withoutTrailingSlash(b).toLowerCase();
const isLegacyHost = (host: string) => (LEGACY_API_HOSTS as readonly string[]).includes(host.toLowerCase());

/** A path as a message shows it: bounded, since a line can hold anything. */
function shown(path: string): string {
  return path.length > 100 ? `${path.slice(0, 99)}…` : path;
}

/**
 * What a host and path (no query, slashes unescaped) name, judged on the exact host first
 * (DESIGN.md "How a finding is anchored"). The host alone, a base URL, is nothing by itself;
 * another path on the legacy host has no Content Posting equivalent.
 */
export function classifyEndpoint(host: string, path: string): EndpointVerdict | undefined {
  if (withoutTrailingSlash(path) === '') return undefined;
  if (isLegacyHost(host) && same(path, LEGACY_UPLOAD.path)) {
    return {
      ruleId: 'text/legacy-share-endpoint',
      messageId: 'url',
      data: { legacy: `Share Video upload endpoint ${LEGACY_UPLOAD.method} ${LEGACY_UPLOAD.url}`, replacement: INBOX_VIDEO_INIT.url },
    };
  }
  const v1 = V1_ENDPOINTS.find((endpoint) => endpoint.host === host.toLowerCase() && same(endpoint.path, path));
  if (v1) {
    return {
      ruleId: 'text/v1-oauth-endpoint',
      messageId: 'url',
      data: { legacy: `https://${v1.host}${v1.path}`, purpose: v1.purpose, replacement: v1.replacement },
    };
  }
  if (isLegacyHost(host)) {
    return { ruleId: 'text/unmapped-legacy-endpoint', messageId: 'url', data: { legacy: shown(path) } };
  }
  return undefined;
}

import { V2_ENDPOINT_CALLS, V2_ENDPOINT_SHAPES, V2_USER_INFO_URL, V2_VIDEO_LIST_URL, V2_VIDEO_QUERY_URL } from '../contract/index.js';
import { isPathOf } from './classify-url.js';
import type { RawFinding } from './raw-finding.js';
import { methodOf } from './request-method.js';
import type { TikTokRequest } from './requests.js';

const DISPLAY_CALLS: ReadonlyArray<readonly [url: string, name: string]> = [
  [V2_USER_INFO_URL, 'user info'],
  [V2_VIDEO_LIST_URL, 'video list'],
  [V2_VIDEO_QUERY_URL, 'video query'],
];

/**
 * `axios.get('https://open.tiktokapis.com/v2/video/list/', { params })`: a v2 Display API call on its own
 * host with the other method than the one the endpoint takes (the video list and query take POST and a
 * JSON body, user info GET and none, §2.8). Code written for v2 by hand makes it; every call fails.
 */
export function findV2DisplayCallsWithWrongMethod(requests: readonly TikTokRequest[]): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const request of requests) {
    if (request.match.kind !== 'content-posting') continue;
    const call = DISPLAY_CALLS.find(([url]) => isPathOf(url, request.match.path));
    if (!call) continue;
    const method = methodOf(request);
    const [url, name] = call;
    if (!method || method === V2_ENDPOINT_SHAPES[url].method) continue;
    findings.push({
      ruleId: 'no-v1-oauth-endpoint',
      messageId: 'v2DisplayMethod',
      node: request.call,
      data: { method, call: name, how: V2_ENDPOINT_CALLS[url] },
    });
  }
  return findings;
}

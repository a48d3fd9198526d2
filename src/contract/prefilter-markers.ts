import { CONTENT_POSTING_HOSTS } from './content-posting-api.js';
import { LEGACY_API_HOSTS, V1_QUERY_TOKEN_REQUEST, WEBHOOK_FAILURE_REASON } from './legacy-share-api.js';

/**
 * Byte strings at least one of which is in every file that can hold a finding. A file with none
 * of them is never parsed. Derived from the contract so that a new fact reaches the prefilter.
 * - the legacy hosts (every endpoint finding), the Content Posting host (a token left in its query), `www.tiktok.com/auth/` (v1 authorize page) and `/oauth/authorize` written for it;
 * - `share/…` paths, for axios and got instances whose baseURL lives in another module;
 * - `video.upload.`, `video.publish.`: the legacy events, and names TikTok never sent that handlers wait for;
 * - `share_id`, for payloads read far from the call that fetched them;
 * - `fail_reason`, the status fetch's name of a failure's reason, read from a webhook that sends `reason`;
 * - `client_key=`, TikTok's name for the app in a token request's query on a base out of sight.
 */
export const PREFILTER_MARKERS: readonly string[] = [
  ...LEGACY_API_HOSTS,
  ...CONTENT_POSTING_HOSTS,
  'tiktok.com/auth/authorize',
  'tiktok.com/oauth/authorize',
  'share/video/',
  'share/sound/',
  'video.upload.',
  'video.publish.',
  'share_id',
  WEBHOOK_FAILURE_REASON.misnamed,
  `${V1_QUERY_TOKEN_REQUEST.appKey}=`,
];

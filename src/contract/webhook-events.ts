/**
 * Webhook event names. Source: ../shared/API-CONTRACT.md §2.6, §6.3 and §7.3.
 * TikTok's Webhook Events page spells the legacy completion event `video.publish.completed`;
 * the migration notice spells it `video.publish.complete`. Both are matched.
 */
export const LEGACY_EVENT_RENAMES = {
  'video.upload.failed': 'post.publish.failed',
  'video.publish.complete': 'post.publish.complete',
  'video.publish.completed': 'post.publish.complete',
} as const;

export type LegacyEventName = keyof typeof LEGACY_EVENT_RENAMES;

/** The legacy completion event as the migration notice spelled it, and as the Webhook Events page (and the wire) did. */
export const NOTICE_COMPLETE_SPELLING: LegacyEventName = 'video.publish.complete';
export const EVENTS_PAGE_COMPLETE_SPELLING: LegacyEventName = 'video.publish.completed';

export const LEGACY_EVENT_NAMES = Object.keys(LEGACY_EVENT_RENAMES) as LegacyEventName[];

/** The event whose content carries the posted video's id, `post_id` (§6.3). */
export const PUBLICLY_AVAILABLE_EVENT = 'post.publish.publicly_available';

/** Content Posting events with no legacy counterpart: what users may now subscribe to (§6.3). */
export const NEW_ONLY_EVENTS = [
  'post.publish.inbox_delivered',
  PUBLICLY_AVAILABLE_EVENT,
  'post.publish.no_longer_publicaly_available',
] as const;

/** Every `post.publish.*` event; seeing one beside a legacy name says the handler is TikTok's. */
export const CONTENT_POSTING_EVENTS = ['post.publish.failed', 'post.publish.complete', ...NEW_ONLY_EVENTS] as const;

/** The envelope every TikTok webhook shares (§6.2); a type with these keys describes one. */
export const WEBHOOK_ENVELOPE_KEYS = ['client_key', 'event', 'create_time', 'user_openid', 'content'] as const;

/**
 * Every key a TikTok post event's decoded `content` can hold: the Content Posting events' (§6.3) and
 * the legacy events' `share_id` (§2.6). With the envelope's keys, all a handler can read of one.
 */
export const WEBHOOK_CONTENT_KEYS = ['publish_id', 'publish_type', 'reason', 'post_id', 'share_id'] as const;

/** The signature header of TikTok webhooks (§6.5). */
export const WEBHOOK_SIGNATURE_HEADER = 'TikTok-Signature';

/** `content.publish_type` of every `post.publish.*` event about an upload-to-inbox post (§6.3). */
export const INBOX_PUBLISH_TYPE = 'INBOX_SHARE';

/** Events of the same channel that are not about posts (§6.3, [S7]): real, and nothing to migrate. */
export const OTHER_TIKTOK_EVENTS = ['authorization.removed', 'portability.download.ready'] as const;

/**
 * Names shaped like TikTok's post events (`video.publish.failed`, `video.upload.complete`,
 * `post.publish.completed`) that TikTok never sent (§2.6, §6.3): a handler waiting for one never
 * runs. Judged in a TikTok handler only.
 */
export const EVENT_LIKE_NAME = /^(?:video|post)\.[a-z_]+\.[a-z_]+$/;

/**
 * Two-part names a TikTok handler waits for (`case 'video.status':`, `event === 'video.deletion'`) that
 * TikTok never sent either. Only as a `case` label or a comparison: in a list or a key, `video.list`,
 * `video.upload` and `video.publish` are the OAuth scopes, and those are never taken for events.
 */
export const TWO_PART_EVENT_LIKE_NAME = /^video\.(?!(?:list|upload|publish|insights)$)[a-z_]+$/;

/**
 * Names of events about the account or its audience (`user.follow`, `comment.create`,
 * `user.authorization.revoke`, `deauthorize`) that TikTok never sent by webhook: it sends post events,
 * `authorization.removed` and `portability.download.ready` only (§6). Only as a `case` label or a
 * comparison with a value that names an event.
 */
export const ACCOUNT_EVENT_LIKE_NAME =
  /^(?:(?:user|users|comment|comments|account|follower|followers|live|message|like)\.[a-z_]+(?:\.[a-z_]+)?|(?:de)?authori[sz]ed?)$/;

/**
 * The OAuth scopes' spellings (`video.publish`, `video.upload`): never events either, but taken for
 * one only where the value tested names an event (`switch (event.event_type)`), never a scope.
 */
export const SCOPE_SPELLED_EVENT_NAME = /^video\.(?:list|upload|publish|insights)$/;

/**
 * A never-sent name for an upload that is done (`video.upload.complete`): not a post made, so beside
 * `post.publish.complete` the inbox flow's next step, the creator's notification (§6.3), is the other
 * event it may have waited for.
 */
export const UPLOAD_DONE_NAME = /\.upload\.(?:complete|completed|success|succeeded|done)$/;

/** The Content Posting event a never-sent name most likely meant, by its words or how it ends; undefined when it cannot be told. */
/** A name of the post flow's shape (`video.…`, `post.…`), as opposed to one about the account or its audience. */
export function isPostFlowName(name: string): boolean {
  return /^(?:video|post)\./.test(name);
}

export function likelyEventFor(name: string): string | undefined {
  const named = namedEventFor(name);
  if (named) return named;
  // `user.authorization.revoke`, `user.deauthorized`: the user took the app's access away.
  if (/(?:^|\.)(?:deauthori[sz]\w*|revoke\w*)$/.test(name) && !isPostFlowName(name)) return 'authorization.removed';
  if (/\.(?:fail|failed|failure|error)$/.test(name)) return 'post.publish.failed';
  if (/\.(?:complete|completed|success|succeeded|published|done)$/.test(name)) return 'post.publish.complete';
  return undefined;
}

/**
 * The Content Posting event a never-sent name names outright, its step and its outcome both
 * post-flow words (`video.publish.failed`, `video.upload.error`, `post.publish.completed`), or the
 * inbox's delivery (`video.inbox.received`). A handler waiting for one meant that event, so the
 * codemod renames it (API-CONTRACT §6.6: renames are the default). `video.upload.complete` (an
 * upload done is not a post made) and `video.moderation.update` name none.
 */
export function namedEventFor(name: string): string | undefined {
  if (/^(?:video|post)\.(?:publish|upload)\.(?:fail|failed|failure|error)$/.test(name)) return 'post.publish.failed';
  if (/^(?:video|post)\.publish\.(?:complete|completed|success|succeeded|published|done)$/.test(name)) return 'post.publish.complete';
  // The one event about the inbox: its notification was sent (§6.3).
  if (/^(?:video|post)\.(?:publish\.)?inbox[._](?:received|delivered)$/.test(name)) return 'post.publish.inbox_delivered';
  return undefined;
}

/**
 * Event names where each stands as a word of its own in a text (`video.upload.failed_count` and
 * `video.upload.failed.v2` are other names), the longest first: global, for replacing every one.
 */
export function eventWords(names: Iterable<string>): RegExp {
  const sorted = [...names].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\w.])(${sorted.map((name) => name.replaceAll('.', '\\.')).join('|')})(?![\\w]|\\.\\w)`, 'g');
}

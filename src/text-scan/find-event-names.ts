import { LEGACY_EVENT_NAMES, LEGACY_EVENT_RENAMES, LOOKALIKE_SERVICES, TIKTOK_MARKER, type LegacyEventName } from '../contract/index.js';
import { escapeRegExp, type LineMatch } from './line-match.js';

/**
 * A legacy event name as a whole token. Longest names first, so `video.publish.completed` is one
 * match and not `video.publish.complete` plus a `d`; a name inside a longer dotted one
 * (`x.video.upload.failed`, `video.upload.failed.v2`) is someone else's event.
 */
const EVENT_PATTERN = new RegExp(
  String.raw`(?<![\w$-]|\w\.)(${[...LEGACY_EVENT_NAMES]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})(?![\w-]|\.\w)`,
  'g',
);

/**
 * Who sends the events a file names, judged on the whole file (DESIGN.md "How a finding is
 * anchored", step 4): Bunny, Vimeo, api.video and Mux send `video.upload.failed` too.
 */
export type EventOwner = 'tiktok' | 'lookalike' | 'unknown';

export function eventOwner(text: string): EventOwner {
  if (TIKTOK_MARKER.test(text)) return 'tiktok';
  if (LOOKALIKE_SERVICES.some((service) => service.pattern.test(text))) return 'lookalike';
  return 'unknown';
}

/** `ownerOf` is asked only when the line holds a legacy name: most files never need the answer. */
export function findEventNames(line: string, ownerOf: () => EventOwner): LineMatch[] {
  const matches: LineMatch[] = [];
  for (const match of line.matchAll(EVENT_PATTERN)) {
    const owner = ownerOf();
    if (owner === 'lookalike') return [];
    const legacy = match[1] as LegacyEventName;
    matches.push({
      start: match.index,
      end: match.index + legacy.length,
      ruleId: 'text/legacy-webhook-event',
      messageId: owner === 'tiktok' ? 'rename' : 'ambiguous',
      data: { legacy, replacement: LEGACY_EVENT_RENAMES[legacy] },
      ...(owner === 'unknown' && { severity: 'warning' as const }),
    });
  }
  return matches;
}

/** Whether a file names a legacy event, and TikTok sends it: a webhook handler of the Share Video events. */
export function handlesLegacyEvents(body: string, ownerOf: () => EventOwner): boolean {
  return body.search(EVENT_PATTERN) !== -1 && ownerOf() === 'tiktok';
}

/** `content['share_id']`, `.get("share_id")`, `$content->share_id`: the legacy events' content field read as a key. */
const CONTENT_SHARE_ID = /(["'])(share_id)\1|->(share_id)\b/g;

/**
 * In a TikTok handler of the legacy events (`handlesLegacyEvents`), each `share_id` its content is
 * read by: the Content Posting events carry `publish_id`.
 */
export function findContentShareIds(line: string): LineMatch[] {
  return [...line.matchAll(CONTENT_SHARE_ID)].map((match) => {
    const start = match.index + match[0].indexOf('share_id');
    return { start, end: start + 'share_id'.length, ruleId: 'text/legacy-webhook-event', messageId: 'contentField', data: {} };
  });
}

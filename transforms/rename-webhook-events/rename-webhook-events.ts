import { NEW_ONLY_EVENTS, type LegacyEventName } from '../../src/contract/index.js';
import type { CodemodContext } from '../../src/codemod/context.js';
import { rangeOf } from '../../src/detect/ast.js';
import { renameProperty } from '../../src/codemod/rewrite-field-read.js';
import { rewriteDestructuredField } from '../../src/codemod/rewrite-destructured-field.js';
import { addEventBeside } from './add-event-beside.js';
import { renameEventSite } from './rename-event-site.js';

export const NEW_EVENTS_NOTE = `TikTok's Content Posting API also sends ${NEW_ONLY_EVENTS.join(', ')}, which the Share Video API never had: subscribe to them if they help (https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status)`;

/**
 * TikTok's legacy webhook events become the Content Posting ones (`video.upload.failed` →
 * `post.publish.failed`, `video.publish.complete[d]` → `post.publish.complete`), and the `share_id`
 * of their parsed `content` becomes `publish_id`. With `keepLegacyEvents` the new names are added
 * beside the legacy ones instead, for teams still on Video Kit (API-CONTRACT §6.6). An event whose
 * owner cannot be told is never renamed: it gets a TODO.
 */
export function renameWebhookEvents(context: CodemodContext): void {
  const keep = context.options.keepLegacyEvents ?? false;
  // From the end of the file, so that removing a label or an entry leaves earlier paths valid.
  const events = context.unhandled((f) => f.ruleId === 'no-legacy-webhook-event').sort((a, b) => rangeOf(b.node!)[0] - rangeOf(a.node!)[0]);
  let renamed = 0;
  for (const finding of events) {
    const legacy = finding.data.legacy as LegacyEventName;
    const replacement = finding.data.replacement;
    if (finding.messageId === 'ambiguous') {
      context.defer(finding, `nothing here says which service sends '${legacy}': if it is TikTok's, it is '${replacement}' now`);
      continue;
    }
    const reason = keep
      ? addEventBeside(context, finding.node!, legacy, replacement)
      : renameEventSite(context, finding.node!, replacement);
    if (reason) context.defer(finding, reason);
    else {
      context.record(finding, 'rewritten', keep ? `'${replacement}' added beside '${legacy}'` : `'${legacy}' renamed '${replacement}'`);
      renamed++;
    }
  }
  // The content's fields follow the events, or stay with them: a handler whose events are left to
  // a person still receives legacy payloads.
  const eventsLeft = events.some((finding) => context.reasonFor(finding) !== undefined && finding.messageId !== 'ambiguous');
  for (const finding of context.unhandled((f) => f.ruleId === 'no-legacy-response-field' && f.messageId === 'webhookField')) {
    if (eventsLeft && !keep) {
      context.defer(finding, '`share_id` stays while the legacy events of this module are left to merge by hand; then read `publish_id`');
      continue;
    }
    const parent = context.index.parent(finding.node!)!;
    const isRead = parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression';
    if (keep && isRead) {
      // Kept legacy events still carry share_id.
      context
        .pathOf(parent)
        .replace(
          context.j.template.expression([
            `${context.source(parent.object)}${parent.optional ? '?.' : '.'}publish_id ?? ${context.source(parent)}`,
          ]),
        );
    } else if (keep) {
      context.defer(finding, 'kept legacy events send `share_id`, new ones `publish_id`: read both here');
      continue;
    } else if (isRead) renameProperty(context, parent, 'publish_id');
    else {
      const reason = rewriteDestructuredField(context, finding.node!, 'share_id');
      if (reason) {
        context.defer(finding, reason);
        continue;
      }
    }
    context.record(finding, 'rewritten');
  }
  if (renamed > 0) context.notes.add(NEW_EVENTS_NOTE);
}

import { LEGACY_EVENT_RENAMES, nameWords, WEBHOOK_CONTENT_KEYS, WEBHOOK_FAILURE_REASON, type LegacyEventName } from '../contract/index.js';
import { keyName, type Node } from './ast.js';
import type { ModuleIndex } from './module-index.js';
import type { OwnershipResolver } from './ownership.js';
import type { RawFinding } from './raw-finding.js';
import { namedList } from './record-key-readers.js';

/** What a post event's content may hold, legacy or new (§2.6, §6.3). */
const SENT = new Set<string>(WEBHOOK_CONTENT_KEYS);

/**
 * `interface VideoUploadFailedContent { publish_id; upload_url; fail_code }`: a type named for a
 * legacy event's content that declares keys no content of it ever held (the legacy content had
 * `share_id`, the Content Posting one `publish_id`, `publish_type` and `reason`), so every read of
 * them is undefined, before the migration and after it (`fail_reason`, the status fetch's name of
 * `reason`, is told where it is read). Reported once per type, naming them, where the type is TikTok's. The type is kept: what
 * the app fills it with elsewhere (a test, a relay) only the app knows.
 */
export function findImaginedContentTypes(index: ModuleIndex, owners: OwnershipResolver): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const declaration of [...index.ofType('TSInterfaceDeclaration'), ...index.ofType('TSTypeAliasDeclaration')]) {
    const name = declaration.id?.name as string | undefined;
    const event = name ? legacyEventOfTypeName(name) : undefined;
    if (!event || owners.ownerOf(declaration) !== 'tiktok') continue;
    const members = membersOf(declaration);
    const keys = members.map(keyName).filter((key): key is string => key !== undefined);
    // `fail_reason` is told at its reads (rename it `reason`, here too): said aside, not among the never-sent.
    const misnamed = keys.includes(WEBHOOK_FAILURE_REASON.misnamed);
    const unsent = keys.filter((key) => !SENT.has(key) && key !== WEBHOOK_FAILURE_REASON.misnamed);
    if (unsent.length === 0) continue;
    findings.push({
      ruleId: 'no-legacy-response-field',
      messageId: 'imaginedContentType',
      // Its name, not the whole type: the `share_id` inside is another finding, renamed by the project pass.
      node: declaration.id,
      severity: 'warning',
      data: {
        fields: namedList(unsent),
        verb: unsent.length === 1 ? 'is' : 'are',
        them: unsent.length === 1 ? 'it' : 'them',
        type: name!,
        event,
        renamed: LEGACY_EVENT_RENAMES[event],
        // `user_open_id` of the content: the envelope around it names the user.
        user: unsent.some((key) => /user|open_?id/i.test(key)) ? "; the user is the envelope's user_openid" : '',
        holds:
          LEGACY_EVENT_RENAMES[event] === 'post.publish.failed'
            ? `publish_id, publish_type and reason${misnamed ? ` (\`${WEBHOOK_FAILURE_REASON.misnamed}\` is \`${WEBHOOK_FAILURE_REASON.sent}\` there)` : ''}`
            : "publish_id and publish_type (a posted video's id arrives as post_id of post.publish.publicly_available)",
      },
    });
  }
  return findings;
}

/** `TikTokVideoUploadFailedContent`, `VideoPublishCompletePayload`: the legacy event whose words the name spells, with a payload's word. */
export function legacyEventOfTypeName(name: string): LegacyEventName | undefined {
  const words = nameWords(name);
  if (!words.some((word) => PAYLOAD_WORDS.has(word))) return undefined;
  const spelled = words.join('.');
  // The longest first: `video.publish.completed` before `video.publish.complete`.
  const events = (Object.keys(LEGACY_EVENT_RENAMES) as LegacyEventName[]).sort((a, b) => b.length - a.length);
  return events.find((event) => new RegExp(`(?:^|\\.)${event.replaceAll('.', '\\.')}(?:\\.|$)`).test(spelled));
}

const PAYLOAD_WORDS = new Set(['content', 'payload', 'data']);

function membersOf(declaration: Node): Node[] {
  const body = declaration.type === 'TSInterfaceDeclaration' ? declaration.body?.body : declaration.typeAnnotation?.members;
  return ((body ?? []) as Node[]).filter((member) => member.type === 'TSPropertySignature');
}

import { WEBHOOK_CONTENT_KEYS, WEBHOOK_FAILURE_REASON } from '../contract/index.js';
import { contains, isMember, keyName, memberName, rangeOf, unwrap, type Node } from './ast.js';
import { eventTested } from './event-name-tests.js';
import { fallbackChoices } from './fallback-chain.js';
import type { Binding, ModuleIndex } from './module-index.js';
import type { OwnershipResolver } from './ownership.js';
import type { RawFinding } from './raw-finding.js';
import { namedList } from './record-key-readers.js';

/**
 * What a post event's decoded content holds (§6.3), and the status fetch's name of the reason:
 * never a key of the envelope around it (`client_key`, `event`, `create_time`, `user_openid`,
 * `content`). `share_id` is left to the stray-read TODO of the webhook rename.
 */
const CONTENT_ONLY = new Set<string>([...WEBHOOK_CONTENT_KEYS.filter((key) => key !== 'share_id'), WEBHOOK_FAILURE_REASON.misnamed]);

/**
 * `switch (body.event) { case 'post.publish.complete': save(body.publish_id) }`: the record whose
 * `event` the handler reads is TikTok's envelope, and `publish_id` (like `reason`, `post_id`) is a
 * key of its `content`, a JSON string, never of the envelope: the read is undefined on every event,
 * before the migration and after it (a handler renamed to the new events still matches nothing).
 * Reported once per envelope, at its first such read, naming them all. Not a read in a fallback
 * chain that also takes the field from elsewhere (`content.publish_id ?? body.publish_id`, written
 * for either shape), nor a record the module builds itself.
 */
export function findContentFieldsOffEnvelope(index: ModuleIndex, owners: OwnershipResolver): RawFinding[] {
  const envelopes = new Map<Binding, Node[]>();
  for (const type of ['MemberExpression', 'OptionalMemberExpression']) {
    for (const member of index.ofType(type)) {
      const field = memberName(member);
      if (member.computed || !field || !CONTENT_ONLY.has(field)) continue;
      // `payload.data?.post_id`: TikTok's envelope has no `data` either, so the read is off the envelope all the same.
      const object = unwrap(member.object);
      const holder = isMember(object) && !object.computed && memberName(object) === 'data' ? object.object : member.object;
      const binding = envelopeBinding(index, holder);
      if (!binding || owners.ownerOf(member) !== 'tiktok' || inFallbackChain(index, member)) continue;
      envelopes.set(binding, [...(envelopes.get(binding) ?? []), member]);
    }
  }
  return [...envelopes.values()].map((reads) => {
    reads.sort((a, b) => rangeOf(a)[0] - rangeOf(b)[0]);
    const names = [...new Set(reads.map((read) => index.source(read).replaceAll('?.', '.')))];
    const listed = `${namedList(names)} ${names.length === 1 ? 'is' : 'are'}`;
    return {
      ruleId: 'no-legacy-response-field',
      messageId: 'contentFieldOffEnvelope',
      node: reads[0],
      severity: 'warning',
      data: { reads: listed },
    };
  });
}

/**
 * The binding of a plain name (`body`, `payload`) whose `event` the module reads too (`body.event`,
 * `const { event } = body`): the envelope. Not a record built here (`{ event, publish_id }`).
 */
export function envelopeBinding(index: ModuleIndex, object: Node): Binding | undefined {
  const value = unwrap(object);
  if (value.type !== 'Identifier') return undefined;
  const binding = index.resolve(value);
  if (!binding || (binding.init && binding.path.length === 0 && unwrap(binding.init).type === 'ObjectExpression')) return undefined;
  return index.referencesOf(binding).some((reference) => readsEvent(index, reference)) ? binding : undefined;
}

/**
 * `body.event` switched on, compared or named (`const eventType = body.event`), or `body` taken apart
 * for its `event`. Not `result.event` handed to a call or a text: a record of the module's own that
 * happens to have an `event` key (the codemod's own `{ event, reason }` answers).
 */
function readsEvent(index: ModuleIndex, reference: Node): boolean {
  const parent = index.parent(reference);
  if (parent && isMember(parent) && parent.object === reference && !parent.computed)
    return memberName(parent) === 'event' && eventTested(index, parent);
  if (parent?.type !== 'VariableDeclarator' || parent.init !== reference || parent.id.type !== 'ObjectPattern') return false;
  return (parent.id.properties as Node[]).some((property) => property.type !== 'RestElement' && keyName(property) === 'event');
}

/** `content.publish_id ?? body.publish_id`: the read is one choice among others that takes the field from elsewhere too. */
function inFallbackChain(index: ModuleIndex, member: Node): boolean {
  const field = memberName(member);
  return (fallbackChoices(index, member) ?? []).some(
    (choice) => !contains(choice, member) && isMember(choice) && memberName(choice) === field,
  );
}

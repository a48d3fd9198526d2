import { EVENT_LIKE_NAME } from '../contract/index.js';
import { calleeName, isCall, isMember, memberName, staticString, unwrap, type Node } from './ast.js';
import { eventTested } from './event-name-tests.js';
import type { ModuleIndex } from './module-index.js';
import type { OwnershipResolver } from './ownership.js';
import type { RawFinding } from './raw-finding.js';

/** Keys code reads TikTok's event name from that TikTok's envelope does not have: it names it `event` (§6.2). */
const OTHER_EVENT_KEYS = new Set(['event_type', 'eventType', 'type']);

/**
 * `switch (data.event_type) { case 'video.upload.failed': … }` on TikTok's events: the envelope names
 * the event in `event`, so the value switched on is undefined on every delivery and no case runs,
 * whatever its names become. Reported at the read, once per record, where the same record's `event`
 * is read nowhere (`payload.event ?? payload.type` takes both shapes).
 */
export function findOtherEventKeys(index: ModuleIndex, owners: OwnershipResolver): RawFinding[] {
  const findings: RawFinding[] = [];
  const seen = new Set<string>();
  for (const type of ['MemberExpression', 'OptionalMemberExpression']) {
    for (const read of index.ofType(type)) {
      const key = read.computed ? undefined : memberName(read);
      if (!key || !OTHER_EVENT_KEYS.has(key)) continue;
      const holder = unwrap(read.object);
      if (holder.type !== 'Identifier' || seen.has(holder.name as string)) continue;
      if (!comparedWithEventNames(index, read) || !receivedHere(index, holder) || readsEventToo(index, holder)) continue;
      if (owners.ownerOf(read) !== 'tiktok') continue;
      seen.add(holder.name as string);
      findings.push({
        ruleId: 'no-legacy-webhook-event',
        messageId: 'eventKey',
        node: read,
        severity: 'warning',
        data: { read: index.source(read).replaceAll('?.', '.'), holder: holder.name as string },
      });
    }
  }
  return findings;
}

/**
 * The record is the request as this module received it (`await request.json()`, `JSON.parse(raw)`,
 * `req.body`), not a parameter a caller out of sight may have shaped itself.
 */
function receivedHere(index: ModuleIndex, holder: Node): boolean {
  const binding = index.resolve(holder);
  const init = binding?.init && unwrap(binding.init);
  if (!binding || binding.kind === 'param' || !init || binding.path.length > 0) return false;
  const value = init.type === 'AwaitExpression' ? unwrap(init.argument) : init;
  if (isMember(value)) return memberName(value) === 'body';
  return isCall(value) && ['json', 'parse'].includes(calleeName(value) ?? '');
}

/** The read is switched on with TikTok's event names in its cases, or compared with one. */
function comparedWithEventNames(index: ModuleIndex, read: Node): boolean {
  const parent = index.parent(read);
  if (parent?.type === 'SwitchStatement' && parent.discriminant === read)
    return (parent.cases as Node[]).some((entry) => entry.test && EVENT_LIKE_NAME.test(staticString(entry.test) ?? ''));
  if (parent?.type !== 'BinaryExpression' || !['===', '==', '!==', '!='].includes(parent.operator as string)) return false;
  const other = parent.left === read ? parent.right : parent.left;
  return EVENT_LIKE_NAME.test(staticString(unwrap(other)) ?? '');
}

/**
 * `payload.event ?? payload.type`, or `payload.event` switched on, compared or named elsewhere: the
 * code takes TikTok's shape too.
 */
function readsEventToo(index: ModuleIndex, holder: Node): boolean {
  const binding = index.resolve(holder);
  if (!binding) return false;
  return index.referencesOf(binding).some((reference) => {
    const read = index.parent(reference);
    if (!read || !isMember(read) || read.object !== reference || memberName(read) !== 'event') return false;
    return index.parent(read)?.type === 'LogicalExpression' || eventTested(index, read);
  });
}

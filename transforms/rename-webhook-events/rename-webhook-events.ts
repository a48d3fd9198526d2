import {
  CONTENT_POSTING_EVENTS,
  isPostFlowName,
  likelyEventFor,
  UPLOAD_DONE_NAME,
  NEW_ONLY_EVENTS,
  WEBHOOK_ENVELOPE_KEYS,
  type LegacyEventName,
} from '../../src/contract/index.js';
import { keepsLegacyEvents } from '../../src/detect/other-kits.js';
import { hasNewTwin, isAppRecordLabel, isLookupEntry } from '../../src/detect/event-twin.js';
import type { CodemodContext } from '../../src/codemod/context.js';
import {
  calleeName,
  descendants,
  isCall,
  isMember,
  isStringLiteral,
  keyName,
  memberName,
  objectProperties,
  rangeOf,
  staticString,
  unwrap,
  type Node,
} from '../../src/detect/ast.js';
import { replaceLiteral, stringLike } from '../../src/codemod/replace-literal.js';
import { renameProperty } from '../../src/codemod/rewrite-field-read.js';
import { rewriteDestructuredField } from '../../src/codemod/rewrite-destructured-field.js';
import { addEventBeside } from './add-event-beside.js';
import { explainPostLinks, postLinkOf } from '../../src/codemod/post-links.js';
import type { RawFinding } from '../../src/detect/raw-finding.js';
import { renameFailureReasonReads } from './failure-reason-reads.js';
import { parseWebhookContent } from './parse-webhook-content.js';
import { renameEventSite } from './rename-event-site.js';
import { addedKey, dropNeverSentBesideTwin, recordHasTwin } from './drop-never-sent-beside-twin.js';
import { renameNeverSentToNamedEvent } from './rename-never-sent-to-named-event.js';
import { renameInLogMessages } from './rename-in-log-messages.js';
import { renameInOtherStrings } from './rename-in-other-strings.js';
import { renameTextsBuiltFromCaseLabels } from './rename-texts-built-from-case-labels.js';
import { toldApartFromTwin } from './told-apart-from-twin.js';

const KITS_NOTE =
  "A module that says it serves TikTok's Share Kit (mobile OpenSDK) got the Content Posting events beside the legacy video.* ones, not in their place: that kit may still send video.* events (API-CONTRACT §6.6)";

const NEVER_SENT_RENAMED_NOTE =
  'A handler waiting for a name TikTok never sent (video.publish.failed, …) now waits for the Content Posting event that name says (post.publish.failed, …): the code under it never ran before, and runs when that event arrives (the diff shows each one)';

export const NEW_EVENTS_NOTE = `TikTok's Content Posting API also sends ${NEW_ONLY_EVENTS.join(', ')}, which the Share Video API never had: subscribe to them if they help (https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status)`;

/**
 * TikTok's legacy webhook events become the Content Posting ones (`video.upload.failed` →
 * `post.publish.failed`, `video.publish.complete[d]` → `post.publish.complete`), and the `share_id`
 * of their parsed `content` becomes `publish_id`. With `keepLegacyEvents` the new names are added
 * beside the legacy ones instead, for teams still on Video Kit (API-CONTRACT §6.6). An event whose
 * owner cannot be told is never renamed: it gets a TODO.
 */
export function renameWebhookEvents(context: CodemodContext): void {
  const keep = keepsLegacyEvents(context.text, context.options.keepLegacyEvents);
  // From the end of the file, so that removing a label or an entry leaves earlier paths valid.
  // A name spelled inside another text follows the handling (rename-in-log-messages.ts, rename-in-other-strings.ts).
  const events = context
    .unhandled((f) => f.ruleId === 'no-legacy-webhook-event' && !['inText', 'signatureHeader', 'eventKey'].includes(f.messageId))
    .sort((a, b) => rangeOf(b.node!)[0] - rangeOf(a.node!)[0]);
  if (keep && !context.options.keepLegacyEvents && events.length > 0) context.notes.add(KITS_NOTE);
  let renamed = 0;
  // Legacy name → new name, for each event renamed in place: the module's log messages follow.
  const renamedNames = new Map<string, string>();
  // Names this run writes beside others as text, by where (see drop-never-sent-beside-twin.ts).
  const addedBeside = new Set<string>();
  // A test of the notice's spelling left to a person: the event is migrated where the events page's is tested.
  const spellingChecks = new Set<(typeof events)[number]>();
  // Told apart on the code as read: a comparison renamed first would pass for the twin of the next.
  const toldApartOf = new Map(
    events.map((finding) => [
      finding,
      toldApartFromTwin(context, finding.node!, finding.data.legacy as LegacyEventName, finding.data.replacement),
    ]),
  );
  for (const finding of events) {
    const legacy = finding.data.legacy as LegacyEventName;
    const replacement = finding.data.replacement;
    // After the others: the event a never-sent name stood for may be added beside it by them.
    if (finding.messageId === 'neverSent') continue;
    if (finding.messageId === 'ambiguous') {
      context.defer(finding, `nothing here says which service sends '${legacy}': if it is TikTok's, it is '${replacement}' now`);
      continue;
    }
    if (isAppRecordLabel(context.index, finding.node!)) {
      const key = keyName(context.index.parent(finding.node!)!);
      context.defer(
        finding,
        `'${legacy}' labels a record this code builds and returns (its \`${key}\`), a name of the app's own: if the label stands for TikTok's event, write '${replacement}' here and wherever the app's schema, stored rows or consumers spell it; keep it if they expect '${legacy}'`,
      );
      continue;
    }
    const toldApart = toldApartOf.get(finding);
    if (toldApart) {
      context.defer(finding, toldApart.reason);
      if (toldApart.migratedElsewhere) spellingChecks.add(finding);
      continue;
    }
    // A lookup table of plain data also labels stored rows that keep the legacy name: both stay.
    const beside = keep || isLookupEntry(context.index, finding.node!);
    // Told before the edit, which may mark the literal for a copy of its line.
    const key = beside ? addedKey(context, finding.node!, replacement) : undefined;
    const reason = beside
      ? addEventBeside(context, finding.node!, legacy, replacement)
      : renameEventSite(context, finding.node!, replacement);
    if (reason) context.defer(finding, reason);
    else {
      if (key) addedBeside.add(key);
      context.record(finding, 'rewritten', beside ? `'${replacement}' added beside '${legacy}'` : `'${legacy}' renamed '${replacement}'`);
      if (!beside) renamedNames.set(legacy, replacement);
      renamed++;
    }
  }
  for (const finding of events.filter((event) => event.messageId === 'neverSent')) {
    const legacy = finding.data.legacy as LegacyEventName;
    const twin = dropNeverSentBesideTwin(context, finding.node!, legacy, addedBeside);
    if (twin) {
      context.record(finding, 'rewritten', `'${legacy}' (never sent) removed: '${twin}' is handled beside it`);
      continue;
    }
    const named = renameNeverSentToNamedEvent(context, finding.node!, legacy);
    if (named && 'event' in named) {
      context.record(finding, 'rewritten', `'${legacy}' (never sent) renamed '${named.event}', the event it names`);
      context.notes.add(NEVER_SENT_RENAMED_NOTE);
      renamedNames.set(legacy, named.event);
      renamed++;
    } else
      context.defer(
        finding,
        named?.reason ??
          `${neverSentAdvice(context, finding.node!, legacy, finding.data.replacement)}${statusReadClause(context, finding.node!)}`,
      );
  }
  // The content's fields follow the events, or stay with them: a handler whose events are left to
  // a person still receives legacy payloads.
  const eventsLeft = events.some(
    (finding) =>
      context.reasonFor(finding) !== undefined &&
      finding.messageId !== 'ambiguous' &&
      finding.messageId !== 'neverSent' &&
      !spellingChecks.has(finding),
  );
  // `…tiktok.com/t/${content.share_id}/`: neither share_id nor publish_id opens a post; said once renamed.
  const links = new Map<RawFinding, Node>();
  for (const finding of context.unhandled((f) => f.ruleId === 'no-legacy-response-field' && f.messageId === 'webhookField')) {
    const link = postLinkOf(context, finding);
    if (link) links.set(finding, link);
    if (eventsLeft && !keep) {
      context.defer(finding, '`share_id` stays while the legacy events of this module are left to merge by hand; then read `publish_id`');
      continue;
    }
    const parent = context.index.parent(finding.node!)!;
    const isRead = parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression';
    // `stringField(content, 'share_id')`: the field named to a getter, renamed in its string.
    if (isCall(parent) && (parent.arguments as Node[]).includes(finding.node!)) {
      if (keep) {
        context.defer(finding, 'kept legacy events send `share_id`, new ones `publish_id`: read both here');
        continue;
      }
      replaceLiteral(context, finding.node!, 'publish_id');
    } else if (keep && isRead) {
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
  explainPostLinks(context, links);
  renameFailureReasonReads(context);
  parseWebhookContent(context);
  // A legacy name also left with a TODO somewhere in the module still has code waiting for it.
  for (const finding of events) if (context.reasonFor(finding) !== undefined) renamedNames.delete(finding.data.legacy);
  renameInLogMessages(context, renamedNames);
  renameTextsBuiltFromCaseLabels(context, renamedNames);
  renameInOtherStrings(context, renamedNames);
  if (renamed > 0) context.notes.add(NEW_EVENTS_NOTE);
  if (renamed > 0 && !keep) {
    markStrayShareIds(context, renamedNames);
    renameShareIdInContentTexts(context, renamedNames);
  }
}

/**
 * `{ event: 'video.publish.completed', content: '{"share_id":"s1"}' }` in a test or a simulator: the
 * content of an event renamed here, written as the JSON text TikTok sends, carries `publish_id` now.
 */
function renameShareIdInContentTexts(context: CodemodContext, renamed: ReadonlyMap<string, string>): void {
  const present = context.nodesInTree();
  for (const piece of [...context.index.ofType('StringLiteral'), ...context.index.ofType('Literal')]) {
    if (!present.has(piece) || !isStringLiteral(piece) || !piece.value.includes('"share_id"')) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(piece.value);
    } catch {
      continue;
    }
    if (typeof parsed !== 'object' || parsed === null || !Object.hasOwn(parsed, 'share_id')) continue;
    if (!contentOfRenamedEvent(piece, renamed, context)) continue;
    context.pathOf(piece).replace(stringLike(context, piece, piece.value.replace('"share_id"', '"publish_id"')));
  }
}

const STRAY_READ =
  "`share_id` is still read here, beside TikTok webhook events renamed to the Content Posting ones: if it comes from an event's content (through a helper, a map or a variable the codemod cannot follow), read `publish_id`; if it is your own field, leave it";
const STRAY_KEY =
  '`share_id` is written here, beside TikTok webhook events renamed to the Content Posting ones: a payload of those events carries `publish_id`; if this one stands for such a payload (a test, a simulator), rename the key';

/**
 * Once the events are renamed, a `share_id` the detectors could not tie to the event's content (the
 * content reached through a helper, a handler map, a test payload) would silently read `undefined`:
 * each one gets a TODO instead, so the module is never half-migrated in silence.
 */
function markStrayShareIds(context: CodemodContext, renamedNames: ReadonlyMap<string, string>): void {
  const known = new Set(context.findings.map((finding) => finding.node));
  const members = [...context.index.ofType('MemberExpression'), ...context.index.ofType('OptionalMemberExpression')];
  for (const member of members) {
    if (memberName(member) !== 'share_id' || known.has(member.property) || known.has(member)) continue;
    if (eventLike(rootOf(member.object), context)) context.todoAt(member, STRAY_READ, member);
  }
  for (const property of [...context.index.ofType('ObjectProperty'), ...context.index.ofType('Property')]) {
    if (keyName(property) !== 'share_id' || known.has(property.key) || known.has(property)) continue;
    const holder = context.index.parent(property)!;
    if (holder.type === 'ObjectPattern') {
      const declarator = context.index.parent(holder);
      const source = declarator?.type === 'VariableDeclarator' ? declarator.init : undefined;
      if (source && eventLike(rootOf(source), context)) context.todoAt(property, STRAY_READ, property);
    } else if (!property.shorthand && contentOfRenamedEvent(holder, renamedNames, context)) {
      // `['video.upload.failed', { share_id: 'v.1' }]` in a test's table, `{ event: 'video.publish.completed',
      // content: JSON.stringify({ share_id }) }`: the content of an event renamed here carries publish_id.
      const key = property.key as Node;
      context.pathOf(key).replace(key.type === 'Identifier' ? context.j.identifier('publish_id') : stringLike(context, key, 'publish_id'));
    } else if (standsForPayload(objectProperties(holder).filter((other) => other !== property))) {
      // A payload built beside the events (a test, a simulator): it names its event or holds content.
      context.todoAt(property, STRAY_KEY, property);
    }
  }
}

/**
 * An object that is the content of an event the module renamed: beside that event's name in an array
 * (a test's table row), or the `content` (maybe through `JSON.stringify`) of an object whose `event`
 * is that name.
 */
function contentOfRenamedEvent(object: Node, renamed: ReadonlyMap<string, string>, context: CodemodContext): boolean {
  const isRenamed = (node: Node | undefined) => {
    const value = node && staticString(node);
    // The name as read, or as renamed already: the literal may be the one the rename changed in place.
    if (value !== undefined) return renamed.has(value) || [...renamed.values()].includes(value);
    // `EVENTS.VIDEO_PUBLISH_COMPLETED` of a constant from another module: the name spelled as its key.
    const key = node && isMember(node) ? memberName(node) : undefined;
    return key !== undefined && /^[A-Z]+(_[A-Z]+)+$/.test(key) && renamed.has(key.toLowerCase().replaceAll('_', '.'));
  };
  let value = object;
  let parent = context.index.parent(value);
  if (parent?.type === 'ArrayExpression') return (parent.elements as Node[]).some((element) => element !== object && isRenamed(element));
  // The content written as the JSON text itself: judged by the envelope around it, as below.
  if (isStringLiteral(object)) return contentOfEnvelope(object, parent, isRenamed, context);
  if (parent && isCall(parent) && calleeName(parent) === 'stringify' && parent.arguments[0] === object) {
    value = parent;
    parent = context.index.parent(parent);
  }
  return contentOfEnvelope(value, parent, isRenamed, context);
}

/** Whether `value` is the `content` of an object whose `event` is one of the renamed names. */
function contentOfEnvelope(
  value: Node,
  parent: Node | undefined,
  isRenamed: (node: Node | undefined) => boolean,
  context: CodemodContext,
): boolean {
  if (
    !parent ||
    (parent.type !== 'ObjectProperty' && parent.type !== 'Property') ||
    parent.value !== value ||
    keyName(parent) !== 'content'
  )
    return false;
  const envelope = context.index.parent(parent)!;
  const event = objectProperties(envelope).find((other) => keyName(other) === 'event');
  if (event) return isRenamed(event.value);
  // `{ ...event, content: '{"share_id":"s2"}' }`: a copy of an envelope written above, its event kept.
  return envelope.properties.some((member: Node) => {
    if (member.type !== 'SpreadElement' && member.type !== 'SpreadProperty') return false;
    const binding = member.argument.type === 'Identifier' ? context.index.resolve(member.argument) : undefined;
    const copied = binding?.kind === 'const' && binding.init?.type === 'ObjectExpression' ? binding.init : undefined;
    return copied !== undefined && isRenamed(objectProperties(copied).find((other) => keyName(other) === 'event')?.value);
  });
}

/** Keys a webhook payload (or its content) is made of, besides `share_id`; `type` where an app says it for `event`. */
const PAYLOAD_KEYS = new Set<string>([...WEBHOOK_ENVELOPE_KEYS, 'type', 'publish_id']);

/**
 * An object literal with `share_id` stands for a payload when it names its event or holds content,
 * and has nothing else: `{ handled: true, event, share_id, matched_jobs }` is the app's own result,
 * whose keys are its own to name.
 */
function standsForPayload(others: readonly Node[]): boolean {
  const keys = others.map((other) => keyName(other) ?? '');
  return keys.some((key) => ['event', 'content', 'type'].includes(key)) && keys.every((key) => PAYLOAD_KEYS.has(key));
}

/** What a webhook's content goes by: `content`, `payload`, `event.data`, `body`, a handler map's parameter. */
const EVENT_NAMES = /^(content|payload|event|evt|body|data|webhook|notification)$/i;

function rootOf(node: Node): Node {
  let current = unwrap(node);
  while (isMember(current)) current = unwrap(current.object);
  return current;
}

/**
 * Whether a value is named like the event or its content, or is the parameter of a handler in a map
 * keyed by computed event constants (`[EVENTS.UPLOAD_FAILED]: (c) => c.share_id`). A `share_id` of
 * anything else (a database row, another service's response) is not TikTok's to rename.
 */
function eventLike(root: Node, context: CodemodContext): boolean {
  if (root.type !== 'Identifier') return false;
  if (EVENT_NAMES.test(root.name as string)) return true;
  const binding = context.index.resolve(root);
  if (binding?.kind !== 'param' || !binding.declaration) return false;
  if (binding.declaration.type === 'ObjectMethod' || binding.declaration.type === 'MethodDefinition')
    return binding.declaration.computed === true;
  const property = context.index.parent(binding.declaration);
  return !!property && (property.type === 'ObjectProperty' || property.type === 'Property') && property.computed === true;
}

/**
 * `if (event === 'post.publish.status') { const status = content.status; … }`: the code under the
 * name TikTok never sent tells the outcome by a `status` no post.publish.* content carries; moved to
 * a real event as it is, every post would read as failed. The clause says so, with the read.
 */
function statusReadClause(context: CodemodContext, literal: Node): string {
  const guarded = guardedBy(context, literal);
  const read = guarded
    ?.flatMap((statement) => [...descendants(statement)])
    .find((node) => isMember(node) && memberName(node) === 'status' && unwrap(node.object).type === 'Identifier');
  return read
    ? `; if it is moved, its \`${context.source(read)}\` is undefined, as no post.publish.* content carries a status: the event's name is the outcome (post.publish.complete a success, post.publish.failed a failure, its reason in content.reason)`
    : '';
}

/** The statements a name guards: an `if`'s branch whose test compares with it, or a `case`'s. */
function guardedBy(context: CodemodContext, literal: Node): Node[] | undefined {
  const parent = context.index.parent(literal);
  if (parent?.type === 'SwitchCase') return parent.consequent as Node[];
  let test = parent;
  while (test && ['BinaryExpression', 'LogicalExpression'].includes(test.type)) {
    const holder = context.index.parent(test);
    if (holder?.type === 'IfStatement' && holder.test === test) return [holder.consequent];
    test = holder;
  }
  return undefined;
}

/**
 * What to do with a name TikTok never sent that names no event: use one that is sent, unless the
 * same switch, map or list handles it already (`'post.publish.complete'` two cases below), where
 * using it would add a duplicate key or a case that never runs.
 */
function neverSentAdvice(context: CodemodContext, literal: Node, legacy: string, suggested: string): string {
  // The events the finding suggests (no-legacy-webhook-event's `neverSent`): the likely one, or them all.
  const likely = likelyEventFor(legacy);
  const events: readonly string[] = !likely
    ? CONTENT_POSTING_EVENTS
    : UPLOAD_DONE_NAME.test(legacy)
      ? [likely, 'post.publish.inbox_delivered']
      : [likely];
  // Beside it already, or there once this run has renamed a legacy key to it: written again, a duplicate.
  const handled = events.filter((event) => hasNewTwin(context.index, literal, event) || recordHasTwin(context, literal, event));
  const quoted = (names: readonly string[]) => names.map((event) => `'${event}'`).join(', ');
  const open = events.filter((event) => !handled.includes(event));
  if (!likely && !isPostFlowName(legacy))
    return `TikTok never sends '${legacy}', so this code never runs: its webhooks tell of posts (post.publish.*), of an authorization removed (authorization.removed) and of a data download (portability.download.ready) only: delete it, or move what it does to one of those`;
  if (handled.length === 0)
    return UPLOAD_DONE_NAME.test(legacy)
      ? `TikTok never sends '${legacy}', so this code never runs: use 'post.publish.inbox_delivered' (the upload reached the creator's inbox) or 'post.publish.complete' (the creator posted it) if that is what it waits for, or delete it`
      : `TikTok never sends '${legacy}', so this code never runs: use ${suggested} if that is what it waits for, or delete it`;
  if (open.length === 0)
    return `TikTok never sends '${legacy}', so this code never runs, and this list handles ${quoted(handled)} already: move what this code does there if it is needed, or delete it`;
  return `TikTok never sends '${legacy}', so this code never runs: use ${open.length > 1 ? 'one of ' : ''}${quoted(open)} if that is what it waits for (this list handles ${quoted(handled)} already), or delete it`;
}

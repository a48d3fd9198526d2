import {
  ACCOUNT_EVENT_LIKE_NAME,
  CONTENT_POSTING_EVENTS,
  EVENT_LIKE_NAME,
  eventWords,
  isPostFlowName,
  LEGACY_EVENT_NAMES,
  TWO_PART_EVENT_LIKE_NAME,
  SCOPE_SPELLED_EVENT_NAME,
  LEGACY_EVENT_RENAMES,
  likelyEventFor,
  OTHER_TIKTOK_EVENTS,
  type LegacyEventName,
} from '../contract/index.js';
import { staticString, type Node } from './ast.js';
import { hasNewTwin, isLookupEntry } from './event-twin.js';
import type { ModuleIndex } from './module-index.js';
import { offsetInPiece, textPieces } from './text-pieces.js';
import type { OwnershipResolver } from './ownership.js';
import type { RawFinding } from './raw-finding.js';

/**
 * Legacy event names in any string position: comparisons, `case` labels, object keys, maps, arrays,
 * Sets, enums and literal types. TikTok's are errors; ones whose owner cannot be told are warnings;
 * ones in code that names another service (Bunny Stream, Vimeo, …) are not TikTok's and not reported.
 * In a TikTok handler, a name shaped like a post event that TikTok never sent is reported too.
 */
export function findLegacyEvents(index: ModuleIndex, owners: OwnershipResolver, keepLegacyEvents: boolean): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const node of ['StringLiteral', 'Literal', 'TemplateLiteral'].flatMap((t) => [...index.ofType(t)])) {
    const value = staticString(node);
    if (value === undefined) continue;
    if (!Object.hasOwn(LEGACY_EVENT_RENAMES, value)) {
      if (isNeverSent(value, index, node) && owners.ownerOf(node) === 'tiktok') findings.push(neverSentFinding(node, value));
      continue;
    }
    const owner = owners.ownerOf(node);
    if (owner === 'other') continue;
    // `@OnEvent('video.upload.failed')`, `bus.emit('video.upload.failed', …)`, `@Emits({ name:
    // 'video.upload.failed' })` in code that names no service: an app's own event bus uses such names
    // too; only a TikTok module's are reported there.
    if (owner === 'unknown' && (isArgument(index, node) || isGivenInArgument(index, node))) continue;
    // `createEnvelope('video.publish.completed', …)` in tests that send `createEnvelope('post.publish.complete', …)`
    // too: the code already sends the Content Posting events that way, so the legacy one is chosen on
    // purpose (an event the handler must ignore), not left behind.
    if (isArgument(index, node) && calleeAlsoGivenNewEvents(index, node)) continue;
    if ((keepLegacyEvents || isLookupEntry(index, node)) && hasNewTwin(index, node, LEGACY_EVENT_RENAMES[value as LegacyEventName]))
      continue;
    findings.push(eventFinding(node, value as LegacyEventName, owner === 'tiktok'));
  }
  return [...findings, ...spelledInText(index, owners, findings)];
}

/**
 * A TikTok event this module handles, spelled inside another text of it (`'tiktok:video.publish.completed:'`,
 * `\`got ${'video.upload.failed'} for ${id}\``, a test's expected id): it names the event, which is
 * the new one once the handling is renamed. Only in TikTok's code, and only names the module reports
 * where a handler waits for them.
 */
function spelledInText(index: ModuleIndex, owners: OwnershipResolver, events: readonly RawFinding[]): RawFinding[] {
  // Most analysed modules spell no legacy event at all.
  if (!LEGACY_EVENT_NAMES.some((name) => index.text.includes(name))) return [];
  // Names still handled under the legacy spelling, or whose Content Posting name the module handles
  // (after the migration, a text that still spells the old name is as stale).
  const spelled = new Set([...index.ofType('StringLiteral'), ...index.ofType('Literal')].map((node) => staticString(node)).filter(Boolean));
  const handled = new Set([
    ...events.filter((finding) => finding.messageId === 'rename').map((finding) => finding.data.legacy),
    ...LEGACY_EVENT_NAMES.filter((legacy) => spelled.has(LEGACY_EVENT_RENAMES[legacy])),
  ]);
  if (handled.size === 0) return [];
  const word = eventWords(handled);
  const found: RawFinding[] = [];
  for (const { node: piece, text } of textPieces(index)) {
    if (handled.has(text)) continue;
    word.lastIndex = 0;
    const legacy = word.exec(text)?.[1] as LegacyEventName | undefined;
    if (!legacy || owners.ownerOf(piece) !== 'tiktok') continue;
    const at = offsetInPiece(index, piece, word);
    found.push({
      ruleId: 'no-legacy-webhook-event',
      messageId: 'inText',
      node: piece,
      range: [at, at + legacy.length],
      data: { legacy, replacement: LEGACY_EVENT_RENAMES[legacy] },
      severity: 'warning',
    });
  }
  return found;
}

const KNOWN_EVENTS = new Set<string>([...CONTENT_POSTING_EVENTS, ...OTHER_TIKTOK_EVENTS]);

function isNeverSent(value: string, index: ModuleIndex, node: Node): boolean {
  if (KNOWN_EVENTS.has(value)) return false;
  if (EVENT_LIKE_NAME.test(value)) return isEventPosition(index, node);
  if (SCOPE_SPELLED_EVENT_NAME.test(value) || ACCOUNT_EVENT_LIKE_NAME.test(value))
    return isTestedAgainst(index, node) && /event/i.test(testedValue(index, node));
  return TWO_PART_EVENT_LIKE_NAME.test(value) && isTestedAgainst(index, node);
}

/** The source of what a `case` label or a comparison tests the name against: `event.event_type`. */
function testedValue(index: ModuleIndex, node: Node): string {
  const parent = index.parent(node)!;
  if (parent.type === 'SwitchCase') return index.source(index.parent(parent)!.discriminant);
  return index.source(parent.left === node ? parent.right : parent.left);
}

function isArgument(index: ModuleIndex, node: Node): boolean {
  const parent = index.parent(node);
  return (parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && (parent.arguments as Node[]).includes(node);
}

/**
 * A value inside an object or a list given to a call or a decorator (`publish({ topic: '…' })`,
 * `@Emits({ failed: { name: '…' } })`): the event declared or sent, not a webhook awaited. A key is
 * not (`router.on({ 'video.upload.failed': handler })` is a handler map).
 */
function isGivenInArgument(index: ModuleIndex, node: Node): boolean {
  let child = node;
  let parent = index.parent(child);
  if (!(parent?.type === 'ObjectProperty' || parent?.type === 'Property') || parent.value !== child) return false;
  while (parent && ['ObjectProperty', 'Property', 'ObjectExpression', 'ArrayExpression'].includes(parent.type)) {
    if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.value !== child) return false;
    child = parent;
    parent = index.parent(child);
  }
  return (parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && (parent.arguments as Node[]).includes(child);
}

function calleeAlsoGivenNewEvents(index: ModuleIndex, node: Node): boolean {
  const call = index.parent(node)!;
  const at = (call.arguments as Node[]).indexOf(node);
  const callee = index.source(call.callee);
  return [...index.ofType('CallExpression'), ...index.ofType('NewExpression')].some(
    (other) =>
      other !== call &&
      index.source(other.callee) === callee &&
      (CONTENT_POSTING_EVENTS as readonly string[]).includes(staticString(other.arguments[at]) ?? ''),
  );
}

/** A `case` label or one side of a comparison: where a handler waits for an event, and nothing else. */
function isTestedAgainst(index: ModuleIndex, node: Node): boolean {
  const parent = index.parent(node);
  if (parent?.type === 'SwitchCase') return parent.test === node;
  return parent?.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(parent.operator);
}

/**
 * Where a handler waits for an event: a `case` label, a comparison, a key of a handler map, a member
 * of a union or a list. Not a call's argument (`track('video.play.started')` is analytics, not a webhook).
 */
function isEventPosition(index: ModuleIndex, node: Node): boolean {
  if (isTestedAgainst(index, node)) return true;
  const parent = index.parent(node);
  if (!parent) return false;
  if (parent.type === 'ObjectProperty' || parent.type === 'Property') return parent.key === node;
  return parent.type === 'TSLiteralType' || parent.type === 'ArrayExpression';
}

function neverSentFinding(node: Node, name: string): RawFinding {
  const likely = likelyEventFor(name);
  const instead = likely
    ? `'${likely}'`
    : isPostFlowName(name)
      ? `one of ${CONTENT_POSTING_EVENTS.map((event) => `'${event}'`).join(', ')}`
      : `no such event: TikTok's webhooks tell of posts (post.publish.*), of an authorization removed and of a data download only`;
  return { ruleId: 'no-legacy-webhook-event', messageId: 'neverSent', node, data: { legacy: name, replacement: instead } };
}

function eventFinding(node: Node, legacy: LegacyEventName, isTikTok: boolean): RawFinding {
  const data = { legacy, replacement: LEGACY_EVENT_RENAMES[legacy] };
  return isTikTok
    ? { ruleId: 'no-legacy-webhook-event', messageId: 'rename', node, data }
    : { ruleId: 'no-legacy-webhook-event', messageId: 'ambiguous', node, data, severity: 'warning' };
}

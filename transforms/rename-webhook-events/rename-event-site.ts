import {
  calleeName,
  isCall,
  isMember,
  keyName,
  literalTypeValue,
  memberName,
  staticString,
  unwrap,
  type Node,
} from '../../src/detect/ast.js';
import { renameProperty } from '../../src/codemod/rewrite-field-read.js';
import { LEGACY_EVENT_NAMES, PUBLICLY_AVAILABLE_EVENT, WEBHOOK_FAILURE_REASON } from '../../src/contract/index.js';
import type { CodemodContext } from '../../src/codemod/context.js';
import { replaceLiteral } from '../../src/codemod/replace-literal.js';
import { chainOf } from './told-apart-from-twin.js';
import { handlingOfComparison, readsOfHandler, readsUnder } from './handler-reads.js';
import { handedInReasonMessage, handedInRecord } from './failure-reason-reads.js';

const MERGE_BY_HAND = 'the legacy and the new event each have their own handling here: merge them by hand';

/**
 * Why a label stays: renamed, its code would run on events that lack what it reads. A name TikTok
 * never sent (`video.publish.success`) says so: that code never ran, and would start to.
 */
function readsUnsent(name: string | undefined, fields: readonly string[], replacement: string): string {
  const named = fields.map((field) => `\`${field}\``).join(', ');
  const label =
    name && !(LEGACY_EVENT_NAMES as readonly string[]).includes(name)
      ? `TikTok never sends '${name}', so this code never runs, and it is`
      : `'${name}' is`;
  // `video_id`, `item_id`: the posted video's id, which only post.publish.publicly_available brings.
  const wantsPost = replacement === 'post.publish.complete' && fields.some((field) => POST_ID_FIELD.test(field));
  const then = wantsPost
    ? `make it read those (match the upload on publish_id), then rename the event; where it wants the posted video's id, handle '${PUBLICLY_AVAILABLE_EVENT}' instead, whose content has post_id (post.publish.complete has none)`
    : 'make it read those (match the upload on publish_id), then rename the event';
  return `${label} not renamed '${replacement}': the code here would then run on each such event and read ${named} of it, which no TikTok webhook sends (the content, a JSON string to parse, holds publish_id and publish_type, with reason on post.publish.failed and post_id on post.publish.publicly_available): ${then}`;
}

/** A field naming a posted video's id (`video_id`, `videoId`, `item_id`, `aweme_id`). */
const POST_ID_FIELD = /^(?:video|item|aweme|post)_?id$/i;

/**
 * Renames one legacy event literal to its Content Posting name where it stands, unless the new name
 * is already beside it (a half-migrated handler): then the legacy label, key, entry or union member
 * goes instead, so no duplicate appears. Returns why it cannot.
 */
export function renameEventSite(context: CodemodContext, literal: Node, replacement: string): string | undefined {
  const parent = context.index.parent(literal)!;
  if (parent.type === 'SwitchCase' && parent.test === literal) return renameCase(context, parent, replacement);
  if ((parent.type === 'ObjectProperty' || parent.type === 'Property' || parent.type === 'ObjectMethod') && parent.key === literal)
    return renameKey(context, parent, replacement);
  if (parent.type === 'TSEnumMember' && parent.initializer === literal) return renameEnumValue(context, parent, literal, replacement);
  if (parent.type === 'ArrayExpression') return renameEntry(context, parent, literal, replacement);
  if (parent.type === 'TSLiteralType' && context.index.parent(parent)?.type === 'TSUnionType') {
    return renameUnionMember(context, context.index.parent(parent)!, parent, replacement);
  }
  if (parent.type === 'BinaryExpression' && dropTwinComparison(context, parent, literal, replacement)) return undefined;
  const reads =
    parent.type === 'BinaryExpression'
      ? readsUnder(context, handlingOfComparison(context, parent), parent.left === literal ? parent.right : parent.left)
      : undefined;
  if (reads && reads.unsent.length > 0) return readsUnsent(staticString(literal), reads.unsent, replacement);
  replaceLiteral(context, literal, replacement);
  if (reads) renameFailReasons(context, reads.failReasons);
  if (reads?.handedOut) handedOutTodo(context, reads.handedOut, staticString(literal)!, replacement);
  return undefined;
}

/** The calls a TODO of {@link handedOutTodo} stands above, by module: one per call, however many events reach it. */
const toldHandedOut = new WeakMap<CodemodContext, Set<Node>>();

/**
 * `if (event === 'video.upload.failed') await this.mapper.toFailedEvent(body)`: renamed here, the
 * event reaches code this run cannot see into, written for the legacy content (`share_id`); the new
 * event's content is another (§7.3), so whoever reads it there is told.
 */
function handedOutTodo(context: CodemodContext, call: Node, legacy: string, replacement: string): void {
  const told = toldHandedOut.get(context) ?? new Set<Node>();
  toldHandedOut.set(context, told);
  if (told.has(call)) return;
  told.add(call);
  context.todoAt(
    call,
    `the '${replacement}' event (renamed from '${legacy}') is handed whole to \`${context.source(unwrap(call.callee))}\`, which this run cannot see into: if that code reads the legacy content (\`share_id\`), read what '${replacement}' sends in its \`content\` (a JSON string) instead: publish_id and publish_type${replacement === 'post.publish.failed' ? ', and reason' : ''}`,
    call,
  );
}

/**
 * Takes a name away where its twin already stands beside it (a `case` label of the same switch, a key
 * with the same handling, an entry, a union member, a comparison of the same chain), without ever
 * renaming it: for a name TikTok never sent, whose twin is the event it stood for. True when it did.
 */
export function removeBesideTwin(context: CodemodContext, literal: Node, twin: string): boolean {
  if (listOf(context, literal)) return renameEventSite(context, literal, twin) === undefined;
  const parent = context.index.parent(literal)!;
  return parent.type === 'BinaryExpression' && dropTwinComparison(context, parent, literal, twin);
}

/**
 * The list a name stands in as one item among its siblings: the switch of a `case` label, the object
 * of a key, the array of an entry, the union of a member. Undefined anywhere else.
 */
export function listOf(context: CodemodContext, literal: Node): Node | undefined {
  const parent = context.index.parent(literal);
  if (!parent) return undefined;
  if (parent.type === 'SwitchCase' && parent.test === literal) return context.index.parent(parent);
  if ((parent.type === 'ObjectProperty' || parent.type === 'Property' || parent.type === 'ObjectMethod') && parent.key === literal)
    return context.index.parent(parent);
  if (parent.type === 'ArrayExpression') return parent;
  const union = parent.type === 'TSLiteralType' ? context.index.parent(parent) : undefined;
  return union?.type === 'TSUnionType' ? union : undefined;
}

/** `===` / `==` comparisons are joined by `||`, `!==` / `!=` ones by `&&`, when they test one name against several. */
const CHAIN_OF: Record<string, string> = { '===': '||', '==': '||', '!==': '&&', '!=': '&&' };

/**
 * `event === 'video.upload.failed' || event === 'post.publish.failed'`: the new name is already
 * tested on the same value in the same chain (or a `startsWith` of its prefix is), so the legacy test leaves the chain instead of
 * becoming its duplicate. True when it did.
 */
function dropTwinComparison(context: CodemodContext, comparison: Node, literal: Node, replacement: string): boolean {
  const joiner = CHAIN_OF[comparison.operator as string];
  const holder = context.index.parent(comparison);
  if (!joiner || holder?.type !== 'LogicalExpression' || holder.operator !== joiner) return false;
  const subject = context.source(comparison.left === literal ? comparison.right : comparison.left);
  const top = chainOf(context, holder, joiner);
  const tests = (node: Node): Node[] =>
    node.type === 'LogicalExpression' && node.operator === joiner ? [...tests(node.left), ...tests(node.right)] : [node];
  // `event.startsWith('post.publish.') || event === 'video.upload.failed'`: the prefix test takes the new name in already.
  const prefixTest = (other: Node) => {
    const call = unwrap(other);
    if (joiner !== '||' || !isCall(call) || calleeName(call) !== 'startsWith' || !isMember(unwrap(call.callee))) return false;
    const prefix = staticString(call.arguments[0]);
    return !!prefix && replacement.startsWith(prefix) && context.source(unwrap(unwrap(call.callee).object)) === subject;
  };
  const twin = tests(top).some(
    (other) =>
      other !== comparison &&
      (prefixTest(other) ||
        (other.type === 'BinaryExpression' &&
          CHAIN_OF[other.operator as string] === joiner &&
          ((staticString(other.right) === replacement && context.source(other.left) === subject) ||
            (staticString(other.left) === replacement && context.source(other.right) === subject)))),
  );
  if (!twin) return false;
  context.replaceNode(holder, holder.left === comparison ? holder.right : holder.left);
  return true;
}

function renameCase(context: CodemodContext, legacy: Node, replacement: string): string | undefined {
  const current = context.pathOf(legacy).parent.node.cases as Node[];
  const twin = current.find((other) => other !== legacy && staticString(other.test) === replacement);
  if (!twin) {
    const reads = readsUnder(context, handlingOf(current, legacy), context.index.parent(legacy)?.discriminant);
    if (reads.unsent.length > 0) return readsUnsent(staticString(legacy.test), reads.unsent, replacement);
    replaceLiteral(context, legacy.test, replacement);
    renameFailReasons(context, reads.failReasons);
    return undefined;
  }
  // `case 'video.…':` with no statements falls through to the next label: it can simply go.
  if (legacy.consequent.length === 0) {
    context.removeItem(legacy, legacy.test);
    return undefined;
  }
  // `case 'post.…': [case 'video.…':] case 'video.…': body`: the new label, falling through the
  // empty labels before this one, takes the legacy one's place.
  let index = current.indexOf(legacy) - 1;
  while (index >= 0 && current[index] !== twin && current[index].consequent.length === 0) index--;
  if (current[index] === twin && twin.consequent.length === 0) {
    context.removeItem(twin, twin.test);
    replaceLiteral(context, legacy.test, replacement);
    return undefined;
  }
  return MERGE_BY_HAND;
}

function renameKey(context: CodemodContext, property: Node, replacement: string): string | undefined {
  const object = context.index.parent(property)!;
  const twin = object.properties.find((other: Node) => other !== property && keyName(other) === replacement);
  if (!twin) {
    const reads = readsOfHandler(context, handlerOf(context, property));
    if (reads.unsent.length > 0) return readsUnsent(keyName(property), reads.unsent, replacement);
    replaceLiteral(context, property.key, replacement);
    renameFailReasons(context, reads.failReasons);
    return undefined;
  }
  // A method's body or a property's value: the same text, the same handling.
  const handling = (node: Node) => context.source(node.type === 'ObjectMethod' ? node.body : unwrap(node.value));
  if (handling(twin) !== handling(property)) return MERGE_BY_HAND;
  context.removeItem(property, property.key);
  return undefined;
}

/** Two members of one enum holding the same event would be one type to TypeScript: not renamed. */
function renameEnumValue(context: CodemodContext, member: Node, literal: Node, replacement: string): string | undefined {
  const members: Node[] = context.index.parent(member)!.members ?? [];
  const twin = members.find((other) => other !== member && staticString(other.initializer) === replacement);
  if (twin) return `'${replacement}' is already the value of ${twin.id?.name ?? 'another member'}: merge the two members by hand`;
  replaceLiteral(context, literal, replacement);
  return undefined;
}

function renameEntry(context: CodemodContext, array: Node, literal: Node, replacement: string): string | undefined {
  if (array.elements.some((element: Node | null) => element && element !== literal && staticString(element) === replacement)) {
    context.removeItem(literal, literal);
  } else {
    replaceLiteral(context, literal, replacement);
  }
  return undefined;
}

function renameUnionMember(context: CodemodContext, union: Node, member: Node, replacement: string): string | undefined {
  if (union.types.some((type: Node) => type !== member && literalTypeValue(type) === replacement)) {
    context.removeItem(member, member.literal);
  } else {
    replaceLiteral(context, member.literal, replacement);
  }
  return undefined;
}

/**
 * `payload.fail_reason` in a handler the payload is handed to (`this.onFailed(payload)`), out of the
 * detectors' sight: the renamed event sends the failure's reason as `reason`. Said in the run's notes.
 */
function renameFailReasons(context: CodemodContext, reads: readonly Node[]): void {
  const present = reads.length > 0 ? context.nodesInTree() : undefined;
  for (const member of reads) {
    if (!present!.has(member) || memberName(member) !== WEBHOOK_FAILURE_REASON.misnamed) continue;
    // A read the detectors report is renamed, or told, by its own step (failure-reason-reads.ts).
    if (context.unhandled((finding) => finding.node === member.property).length > 0) continue;
    // `route(event, payload)` handed on to `this.onFailed(payload)`: the envelope, or its content?
    const handedIn = handedInRecord(context, member);
    if (handedIn) {
      context.todoAt(member, handedInReasonMessage(handedIn), member);
      continue;
    }
    renameProperty(context, member, WEBHOOK_FAILURE_REASON.sent);
    context.notes.add(FAIL_REASON_NOTE);
  }
}

const FAIL_REASON_NOTE =
  "Handlers of the renamed post.publish.failed read the failure's reason as `reason`, the key the webhook sends (they read `fail_reason`, the status fetch's name, which the webhook never sent): each such read was renamed with its event";

/** The statements a label runs: its own, or those of the label it falls through to. */
function handlingOf(cases: readonly Node[], label: Node): Node[] {
  for (const other of cases.slice(cases.indexOf(label))) if (other.consequent.length > 0) return other.consequent as Node[];
  return [];
}

/** The function a handler map's key runs: its method, its function value, or the module's function it names. */
function handlerOf(context: CodemodContext, property: Node): Node {
  if (property.type === 'ObjectMethod') return property;
  const value = unwrap(property.value);
  if (value.type !== 'Identifier') return value;
  const binding = context.index.resolve(value);
  return (binding?.kind === 'function' ? binding.declaration : binding?.init && unwrap(binding.init)) ?? value;
}

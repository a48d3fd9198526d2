import type { CodemodContext } from '../../src/codemod/context.js';
import { WEBHOOK_CONTENT_KEYS, WEBHOOK_ENVELOPE_KEYS, WEBHOOK_FAILURE_REASON } from '../../src/contract/index.js';
import { isLogCall } from '../../src/detect/log-calls.js';
import { alwaysExits, descendants, isCall, isFunction, isMember, keyName, memberName, unwrap, type Node } from '../../src/detect/ast.js';
import { calledFunction } from '../../src/detect/taint.js';
import { fallbackChoices } from '../../src/detect/fallback-chain.js';

/**
 * What a handler can read of a TikTok post event: its envelope, or its decoded content. `fail_reason`
 * is renamed `reason` where it is read (failure-reason-reads.ts).
 */
const SENT = new Set<string>([...WEBHOOK_ENVELOPE_KEYS, ...WEBHOOK_CONTENT_KEYS, WEBHOOK_FAILURE_REASON.misnamed]);

/** Reads that say the handler knows the payload TikTok sends: the content, or a field of it. */
const CONTENT = new Set<string>(['content', ...WEBHOOK_CONTENT_KEYS, WEBHOOK_FAILURE_REASON.misnamed]);

/** The names apps give an event's payload; another argument (a request, a client, a logger) is not one. */
const PAYLOAD_NAME = /^(?:payload|content|data|body|event|evt|webhook|notification|message|msg)$|payload|webhook|notification/i;

/**
 * What the code under an event label reads of the event: above all, the fields no TikTok webhook sends
 * (`payload.video.id`, `payload.metrics`): renamed, the code would run on every delivery at last and
 * find them undefined (a handler that throws without them fails each one). Read in the statements
 * of a `case` (or the handler a key names) and in the module's own functions they pass the payload to.
 * Not a handler that reads the content TikTok sends as well (`content.publish_id` beside a
 * `content.user_open_id` of its own imagining), nor reads only logged: those run as they are.
 */
export function readsUnder(context: CodemodContext, handling: readonly Node[], subject?: Node): HandlerReads {
  const fields: Reads = { names: new Set(), failReasons: [] };
  const envelope = envelopeOf(context, subject);
  const isPayload = (value: Node) =>
    (value.type === 'Identifier' && PAYLOAD_NAME.test(value.name as string)) || (!!envelope && context.source(value) === envelope);
  for (const statement of handling) {
    for (const node of [statement, ...descendants(statement)]) {
      // `body.fail_reason` of the envelope itself: a key of its content, undefined where it is read
      // whatever its name (content-field-off-envelope.ts reports it), so it is not renamed there.
      const offEnvelope = !!envelope && isMember(node) && context.source(unwrap(node.object)) === envelope;
      if (isMember(node) && isPayload(unwrap(node.object))) addRead(context, node, fields, !offEnvelope);
      if (!isCall(node)) continue;
      const callee = calledFunction(context.index, node);
      node.arguments.forEach((argument: Node, position: number) => {
        if (callee && holdsPayload(argument, isPayload)) readsOfParam(context, callee, position, fields);
        else if (!callee && isWhole(argument, isPayload)) handOut(node, fields);
      });
    }
  }
  return settled(fields);
}

/**
 * `delivery.event === 'video.publish.completed'`, `switch (req.body.event)`, or `kind` of
 * `const kind = delivery.event`: the record whose event name is tested is the event, whatever the
 * app calls it (`delivery`, `req.body`), so what the handling reads of it is read of the event. Its
 * source; undefined for a name tested alone.
 */
function envelopeOf(context: CodemodContext, subject: Node | undefined): string | undefined {
  let value = subject && unwrap(subject);
  if (value?.type === 'Identifier') {
    const binding = context.index.resolve(value);
    // `const { event } = req.body`: the record destructured.
    if (binding?.init && binding.path.length === 1) return context.source(unwrap(binding.init));
    value = binding?.init && binding.path.length === 0 ? unwrap(binding.init) : undefined;
  }
  return value && isMember(value) && !value.computed ? context.source(unwrap(value.object)) : undefined;
}

/** `payload`, or a part of it (`data.event`, `body.content`): what a handler is handed of the event. */
function holdsPayload(argument: Node, isPayload: (value: Node) => boolean): boolean {
  let value = unwrap(argument);
  while (!isPayload(value) && isMember(value) && !value.computed) value = unwrap(value.object);
  return isPayload(value);
}

/** The payload itself, or its `content`, passed as it is (`body`, `body as Record<…>`, `body.content`). */
function isWhole(argument: Node, isPayload: (value: Node) => boolean): boolean {
  const value = unwrap(argument);
  return isPayload(value) || (isMember(value) && memberName(value) === 'content' && isPayload(unwrap(value.object)));
}

/** `this.mapper.toFailedEvent(body)`: the first call out of sight handed the event; logs and JSON are no readers. */
function handOut(call: Node, fields: Reads): void {
  const callee = unwrap(call.callee);
  if (fields.handedOut || isLogCall(call) || (isMember(callee) && ['stringify', 'parse'].includes(memberName(callee) ?? ''))) return;
  fields.handedOut = call;
}

/** The reads a handler function makes of its payload parameter: the one the event is passed as. */
export function readsOfHandler(context: CodemodContext, handler: Node): HandlerReads {
  const fields: Reads = { names: new Set(), failReasons: [] };
  if (isFunction(handler)) readsOfParam(context, handler, 0, fields);
  return settled(fields);
}

/**
 * What the code under a label reads of its event: the fields no TikTok webhook sends (none where it
 * reads the content TikTok sends too), and its untyped `payload.fail_reason` reads, which the
 * renamed event sends as `reason`.
 */
export interface HandlerReads {
  readonly unsent: readonly string[];
  readonly failReasons: readonly Node[];
  /** A call of code out of sight (another module's, an injected service's) handed the event whole, where nothing here reads its content. */
  readonly handedOut?: Node;
}

interface Reads {
  readonly names: Set<string>;
  readonly failReasons: Node[];
  handedOut?: Node;
}

/** A handler that reads the content TikTok sends was written for it: none of its reads counts as unsent. */
function settled(reads: Reads): HandlerReads {
  const names = [...reads.names];
  const readsContent = names.some((name) => CONTENT.has(name));
  const unsent = readsContent ? [] : names.filter((name) => !SENT.has(name)).sort();
  return { unsent, failReasons: reads.failReasons, handedOut: readsContent ? undefined : reads.handedOut };
}

function readsOfParam(context: CodemodContext, fn: Node, position: number, fields: Reads): void {
  const param = fn.params?.[position] as Node | undefined;
  if (!param) return;
  const id = param.type === 'AssignmentPattern' ? param.left : param;
  if (id.type === 'ObjectPattern') {
    for (const property of id.properties as Node[]) {
      const name = keyName(property);
      if (name) fields.names.add(name);
    }
    return;
  }
  if (id.type !== 'Identifier' || !PAYLOAD_NAME.test(id.name as string)) return;
  const isParam = (value: Node) => value.type === 'Identifier' && context.index.resolve(value)?.id === id;
  for (const node of descendants(fn.body)) {
    if (isCall(node) && !calledFunction(context.index, node) && (node.arguments as Node[]).some((argument) => isWhole(argument, isParam)))
      handOut(node, fields);
    if (!isMember(node)) continue;
    const object = unwrap(node.object);
    if (object.type !== 'Identifier' || object.name !== id.name || context.index.resolve(object)?.id !== id) continue;
    addRead(context, node, fields);
  }
}

function addRead(context: CodemodContext, member: Node, fields: Reads, renamesReason = true): void {
  const name = memberName(member);
  const parent = context.index.parent(member);
  // `payload.toString()`: a method of the value, not a field of the event.
  if (!name || (parent && isCall(parent) && parent.callee === member)) return;
  if (name === WEBHOOK_FAILURE_REASON.misnamed && renamesReason && !member.computed && untyped(context, member.object))
    fields.failReasons.push(member);
  if (!SENT.has(name) && (fallbackOfSentField(context, member) || logged(context, member))) return;
  fields.names.add(name);
}

/** `payload` of a parameter with no type, or `any`: renaming a read of it breaks no declared type. */
function untyped(context: CodemodContext, object: Node): boolean {
  const value = unwrap(object);
  const binding = value.type === 'Identifier' ? context.index.resolve(value) : undefined;
  const annotation = binding?.id.typeAnnotation?.typeAnnotation;
  // `const body = (await req.json()) as Delivery`: typed by its assertion.
  const asserted = binding?.init && ['TSAsExpression', 'TSTypeAssertion', 'TSSatisfiesExpression'].includes(binding.init.type);
  return !!binding && !asserted && (!annotation || annotation.type === 'TSAnyKeyword');
}

/** `console.log('published', body.video_id)`: a read only logged prints `undefined` and goes on. */
function logged(context: CodemodContext, member: Node): boolean {
  for (const ancestor of context.index.ancestors(member)) {
    if (isCall(ancestor) && isLogCall(ancestor)) return true;
    if (ancestor.type.endsWith('Statement') || ancestor.type === 'VariableDeclaration') return false;
  }
  return false;
}

/** `body.publish_id ?? body.item_id`: one name among others for a field the event does send. */
function fallbackOfSentField(context: CodemodContext, member: Node): boolean {
  return (fallbackChoices(context.index, member) ?? []).some((choice) => isMember(choice) && SENT.has(memberName(choice) ?? ''));
}

/**
 * The statements a comparison of the event's name guards: the `if`'s own for `event === '…'`, the
 * rest of the block for `if (event !== '…') return …`. Empty where the comparison guards no `if`.
 */
export function handlingOfComparison(context: CodemodContext, comparison: Node): Node[] {
  let test = comparison;
  let holder = context.index.parent(test);
  while (holder && (holder.type === 'LogicalExpression' || holder.type === 'ParenthesizedExpression')) {
    test = holder;
    holder = context.index.parent(test);
  }
  if (holder?.type !== 'IfStatement' || holder.test !== test) return [];
  const negated = comparison.operator === '!==' || comparison.operator === '!=';
  const own = holder.consequent.type === 'BlockStatement' ? (holder.consequent.body as Node[]) : [holder.consequent];
  if (!negated) return own;
  // `if (event !== 'post.publish.complete') return …;`: what follows runs for that event.
  const block = context.index.parent(holder);
  if (!alwaysExits(holder.consequent) || block?.type !== 'BlockStatement') return [];
  const siblings = block.body as Node[];
  return siblings.slice(siblings.indexOf(holder) + 1);
}

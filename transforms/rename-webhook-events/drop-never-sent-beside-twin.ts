import { LEGACY_EVENT_RENAMES, likelyEventFor } from '../../src/contract/index.js';
import { rangeOf, type Node } from '../../src/detect/ast.js';
import { hasNewTwin } from '../../src/detect/event-twin.js';
import type { CodemodContext } from '../../src/codemod/context.js';
import { listOf, removeBesideTwin } from './rename-event-site.js';

/** Where a name is written beside another in this run, told apart by its list (`<start>:<name>`). */
export function addedKey(context: CodemodContext, literal: Node, name: string): string | undefined {
  const container = listOf(context, literal);
  return container && `${rangeOf(container)[0]}:${name}`;
}

/**
 * `case 'video.publish.failed': case 'post.publish.failed':`, `{ 'video.upload.complete': 'PUBLISHED',
 * 'post.publish.complete': 'PUBLISHED' }`: a name TikTok never sent, beside the Content Posting event
 * it stood for (there already, renamed onto, or added beside it by this run). That event is handled
 * here, and the name that never arrives ran nothing: it goes. False when it stays for a person (its
 * event is not beside it, or it is a `case` with a body of its own beside an added label).
 */
export function dropNeverSentBesideTwin(
  context: CodemodContext,
  literal: Node,
  legacy: string,
  added: ReadonlySet<string>,
): string | undefined {
  const likely = likelyEventFor(legacy);
  if (!likely || !handledLikeTwin(context, literal, likely)) return undefined;
  if (hasNewTwin(context.index, literal, likely)) return removeBesideTwin(context, literal, likely) ? likely : undefined;
  // The twin was written beside another name as text (a lookup table keeps both): take the item out the same way.
  const key = addedKey(context, literal, likely);
  if (!key || !added.has(key)) return undefined;
  const parent = context.index.parent(literal)!;
  if (parent.type === 'SwitchCase') {
    if (parent.consequent.length > 0) return undefined;
    context.removeItem(parent, literal);
  } else if (parent.type === 'ArrayExpression') context.removeItem(literal, literal);
  else context.removeItem(parent, literal);
  return likely;
}

/**
 * A key whose value differs from its twin's (`'video.upload.complete': 'scheduled'` beside
 * `'post.publish.complete': 'posted'`) meant another step of the app's own: it stays, with its TODO,
 * for a person to say what it waited for. Anything but a record's key is handled as its twin is.
 */
function handledLikeTwin(context: CodemodContext, literal: Node, twin: string): boolean {
  const property = context.index.parent(literal);
  if (!property || (property.type !== 'ObjectProperty' && property.type !== 'Property') || property.key !== literal) return true;
  const own = writtenEntry(context, property);
  const other = twinEntry(context, property, twin);
  return !own || !other || other[3] === own[3];
}

/**
 * Whether the record a key is in has an entry for `twin`, written so or under the legacy name this
 * run renames to it (`'video.publish.complete': 'posted'` beside `'video.upload.complete'`): a key
 * `twin` written again would be a duplicate.
 */
export function recordHasTwin(context: CodemodContext, literal: Node, twin: string): boolean {
  const property = context.index.parent(literal);
  if (!property || (property.type !== 'ObjectProperty' && property.type !== 'Property') || property.key !== literal) return false;
  return twinEntry(context, property, twin) !== undefined;
}

/** Keys as the file wrote them: this run renames and adds keys before it gets here. */
function writtenEntry(context: CodemodContext, entry: Node): RegExpExecArray | null {
  const [start, end] = rangeOf(entry);
  return typeof start === 'number' ? /^\s*(['"`]?)([\w.]+)\1\s*:\s*([\s\S]*?)\s*$/.exec(context.text.slice(start, end)) : null;
}

function twinEntry(context: CodemodContext, property: Node, twin: string): RegExpExecArray | undefined {
  const standsFor = (name: string) => name === twin || (LEGACY_EVENT_RENAMES as Record<string, string>)[name] === twin;
  const record = context.index.parent(property);
  return ((record?.properties ?? []) as Node[])
    .map((entry) => (entry === property ? null : writtenEntry(context, entry)))
    .find((match): match is RegExpExecArray => !!match && standsFor(match[2]));
}

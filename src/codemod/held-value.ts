import { hasEffects, keyName, rangeOf, type Node } from '../detect/ast.js';
import type { CodemodContext } from './context.js';

/**
 * The text a rewritten call gives for a value the legacy code computes: the value itself when it
 * moves with the call (it is written inside it) or reading it again cannot run anything; else the
 * name that holds it, followed through the object literals around it (`payload.video.video_url` for
 * `const payload = { video: { video_url: media.find(isClip).url } }`), so that nothing runs twice.
 * Undefined when no name holds it.
 */
export function heldValueText(context: CodemodContext, value: Node, call: Node): string | undefined {
  const [start, end] = rangeOf(value);
  const [callStart, callEnd] = rangeOf(call);
  if ((start >= callStart && end <= callEnd) || !hasEffects(value)) return context.source(value);
  return holderPath(context, value);
}

/** `payload.video.video_url`: the variable whose object literal holds the value, and the keys down to it. */
function holderPath(context: CodemodContext, value: Node): string | undefined {
  const keys: string[] = [];
  let node = value;
  for (;;) {
    const holder = context.index.parent(node);
    if (holder?.type === 'VariableDeclarator' && holder.init === node)
      return holder.id.type === 'Identifier' ? [holder.id.name as string, ...keys].join('.') : undefined;
    if (!holder || (holder.type !== 'ObjectProperty' && holder.type !== 'Property') || holder.computed || holder.value !== node)
      return undefined;
    const key = keyName(holder);
    if (!key || !/^[A-Za-z_$][\w$]*$/.test(key)) return undefined;
    keys.unshift(key);
    const object = context.index.parent(holder);
    if (object?.type !== 'ObjectExpression') return undefined;
    node = object;
  }
}

import { descendants, isFunction, staticString, type Node } from '../../src/detect/ast.js';
import type { CodemodContext } from '../../src/codemod/context.js';
import { EVENTS_PAGE_COMPLETE_SPELLING, NOTICE_COMPLETE_SPELLING } from '../../src/contract/index.js';

const EQUALITY = new Set(['==', '===', '!=', '!==']);

/**
 * A comparison with a legacy event in a function that tests the same new event in another condition
 * (`if (e === 'post.publish.failed') a(); if (e === 'video.upload.failed') b();`), or, for the
 * notice's spelling, the events page's (`if (e !== 'video.publish.completed') …; return e ==
 * 'video.publish.complete' ? 'old' : 'new'`): renamed, a delivery would take both branches, or every
 * completion the branch the code kept for one spelling. The person merges them. Returns why, and
 * whether the event is migrated elsewhere all the same (the events page's spelling); nothing for a
 * test in the same `||` / `&&` chain, one condition with one handling.
 */
export function toldApartFromTwin(
  context: CodemodContext,
  literal: Node,
  legacy: string,
  replacement: string,
): { readonly reason: string; readonly migratedElsewhere: boolean } | undefined {
  const comparison = context.index.parent(literal);
  if (comparison?.type !== 'BinaryExpression' || !EQUALITY.has(comparison.operator)) return undefined;
  // The events page's spelling is the one migrated where both are told apart, so a second run finds
  // the new name there and still leaves this one.
  const twins = legacy === NOTICE_COMPLETE_SPELLING ? [replacement, EVENTS_PAGE_COMPLETE_SPELLING] : [replacement];
  let scope = comparison;
  while (context.index.parent(scope) && !isFunction(scope)) scope = context.index.parent(scope)!;
  const chain = chainOf(context, comparison);
  for (const node of descendants(scope)) {
    if (node.type !== 'BinaryExpression' || !EQUALITY.has(node.operator) || chainOf(context, node) === chain) continue;
    const twin = [staticString(node.left), staticString(node.right)].find((name) => name !== undefined && twins.includes(name));
    if (twin === undefined) continue;
    if (twin === replacement) {
      return {
        reason: `'${legacy}' and '${replacement}' are each tested here with their own handling: renamed, a delivery would take both; merge them by hand`,
        migratedElsewhere: false,
      };
    }
    return {
      reason: `'${legacy}' is told apart here from '${twin}', and both are '${replacement}' now (TikTok's pages spelled the one event both ways; the events page's '${twin}' is the one migrated here): keep one handling for it and delete this check`,
      migratedElsewhere: true,
    };
  }
  return undefined;
}

/**
 * The top of the `||` / `&&` chain a comparison belongs to (itself when it stands alone); with
 * `operator`, of the chain joined by that operator only.
 */
export function chainOf(context: CodemodContext, comparison: Node, operator?: string): Node {
  let top = comparison;
  for (
    let parent = context.index.parent(top);
    parent?.type === 'LogicalExpression' && (operator === undefined || parent.operator === operator);
    parent = context.index.parent(top)
  )
    top = parent;
  return top;
}

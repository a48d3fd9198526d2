import { LEGACY_EVENT_NAMES, LEGACY_EVENT_RENAMES, namedEventFor } from '../../src/contract/index.js';
import { keyName, literalTypeValue, staticString, type Node } from '../../src/detect/ast.js';
import type { CodemodContext } from '../../src/codemod/context.js';
import { chainOf, toldApartFromTwin } from './told-apart-from-twin.js';
import { listOf, renameEventSite } from './rename-event-site.js';

export type NamedEventRename = { readonly event: string } | { readonly reason: string };

/**
 * `case 'video.publish.failed':` in a TikTok handler: a name TikTok never sent, that names the
 * Content Posting event the code waited for (`namedEventFor`). It becomes that event, as the legacy
 * names do, so the code under it runs at last. Not where the module handles that event already, or
 * a legacy name of it, in the same list or function: renamed, one delivery would take two handlings,
 * so a person merges them. Undefined when the name names no event.
 */
export function renameNeverSentToNamedEvent(context: CodemodContext, literal: Node, name: string): NamedEventRename | undefined {
  const event = namedEventFor(name);
  if (!event) return undefined;
  const twins = [event, ...LEGACY_EVENT_NAMES.filter((legacy) => LEGACY_EVENT_RENAMES[legacy] === event)];
  const other = twinBeside(context, literal, twins);
  if (other !== undefined) {
    const as = other === event ? '' : ` as '${other}' (its legacy name)`;
    return {
      reason: `TikTok never sends '${name}', so this code never runs; it names '${event}', which this module handles elsewhere${as}: move what this code does there, or delete it`,
    };
  }
  const reason = renameEventSite(context, literal, event);
  return reason ? { reason } : { event };
}

/** A name of the same event in the list the literal stands in, or tested in the same function. */
function twinBeside(context: CodemodContext, literal: Node, twins: readonly string[]): string | undefined {
  const list = listOf(context, literal);
  if (list) return namesIn(list).find((name) => name !== undefined && twins.includes(name));
  const comparison = context.index.parent(literal);
  if (comparison?.type !== 'BinaryExpression') return undefined;
  const chain = context.source(chainOf(context, comparison));
  const inChain = twins.find((twin) => chain.includes(`'${twin}'`) || chain.includes(`"${twin}"`) || chain.includes(`\`${twin}\``));
  return inChain ?? twins.find((twin) => toldApartFromTwin(context, literal, '', twin) !== undefined);
}

function namesIn(list: Node): (string | undefined)[] {
  switch (list.type) {
    case 'SwitchStatement':
      return list.cases.map((item: Node) => (item.test ? staticString(item.test) : undefined));
    case 'ObjectExpression':
      return list.properties.map((item: Node) => keyName(item));
    case 'ArrayExpression':
      return list.elements.map((item: Node | null) => (item ? staticString(item) : undefined));
    case 'TSUnionType':
      return list.types.map((item: Node) => literalTypeValue(item));
    default:
      return [];
  }
}
